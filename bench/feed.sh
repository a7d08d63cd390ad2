#!/usr/bin/env bash
# Feed ingestion benchmark (docs/benchmarks.md): feeds of 10k, 100k and 1M rows through the drop folder and the
# embedded FTP server, on H2 and/or PostgreSQL, each against the database's own bulk load of the same file.
#
#   bash bench/feed.sh [h2|postgres|all] [sizes, e.g. 10k,100k,1m] [repeats]
#
# PostgreSQL: uses STOCKBRIDGE_TEST_PG_URL/USER/PASSWORD when set, else starts one with .ci/postgres.sh (a fresh
# database, dropped again at the end). BENCH_HEAP (default 512m) is the hub's fixed -Xmx;
# BENCH_JAVA_OPTS adds JVM options (e.g. -XX:StartFlightRecording=filename=bench.jfr); BENCH_STEADY=0 runs only the
# import and the typical feed; BENCH_REUSE=1 (with STOCKBRIDGE_TEST_PG_URL/USER/PASSWORD of a kept database)
# skips the import when an earlier run left that size's products there; BENCH_LIVE_MS=500 measures the live heap by collecting it fully every 500 ms.
set -euo pipefail
cd "$(dirname "$0")/.."
dbs=${1:-all}
sizes=${2:-10k,100k,1m}
repeats=${3:-2}
heap=${BENCH_HEAP:-512m}
[ "$dbs" = all ] && dbs="h2 postgres"

mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"

run() {
    java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} -cp "$cp" org.stockbridge.bench.FeedIngestBench "$1" "$sizes" "$repeats"
}

source bench/db.sh
for db in $dbs; do
    run_on "$db" run "$db"
done
