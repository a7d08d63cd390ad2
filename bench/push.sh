#!/usr/bin/env bash
# Hub → shops push benchmark (docs/benchmarks.md): stand-in shops (WooCommerce and BaseLinker alternating, each
# with its own rate limit), every product linked to every shop; all SKUs' stock and prices change in the hub, then
# single stock changes one by one. Prints requests, rate vs limit, limit violations and latency per shop.
#
#   bash bench/push.sh [h2|postgres] [shops, default 20] [skus, default 10000]
#
# BENCH_CHANGES (default 200) single changes in the latency phase, one every BENCH_SPACING_MS (default 75).
# BENCH_BACKLOG=1 stops the hub-to-shop routes while the changes are applied, then starts them (push pace alone).
# PostgreSQL: uses STOCKBRIDGE_TEST_PG_URL/USER/PASSWORD when set, else starts one with .ci/postgres.sh (a fresh
# database, dropped again at the end). BENCH_HEAP (default 1g) is the hub's fixed -Xmx;
# BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=bench.jfr).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-h2}
shops=${2:-20}
skus=${3:-10000}
heap=${BENCH_HEAP:-1g}

mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

run() {
    java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} -cp "$cp" org.stockbridge.bench.PushBench "$db" "$shops" "$skus"
}

source bench/db.sh
run_on "$db" run
