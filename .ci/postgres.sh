# Installs (when missing), starts and prepares a local PostgreSQL for the test suite; sourced by .ci/run.
# Exports STOCKBRIDGE_TEST_PG_URL/USER/PASSWORD. The password is made up per run and never written to the repo.

start_postgres() {
    if ! command -v pg_ctlcluster >/dev/null || [ -z "$(ls /usr/lib/postgresql 2>/dev/null)" ]; then
        echo "installing PostgreSQL from Debian's packages"
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq
        apt-get install -y -qq postgresql >/dev/null
    fi
    local version
    version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
    if ! pg_lsclusters -h | awk '{print $1"/"$2}' | grep -qx "$version/main"; then
        pg_createcluster "$version" main >/dev/null
    fi
    if ! pg_isready -q -h 127.0.0.1 -p 5432; then
        # PostgreSQL refuses to run as root: pg_ctlcluster starts it as the postgres user
        pg_ctlcluster "$version" main start
    fi
    for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 -p 5432 && break; sleep 1; done
    pg_isready -h 127.0.0.1 -p 5432

    # a role and database of its own per run: concurrent runs on one machine never change each other's password
    local run
    run=$(date +%s)_$RANDOM
    local db=stockbridge_test_$run user=stockbridge_ci_$run password
    password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
    su postgres -c "cd / && psql -q -v ON_ERROR_STOP=1" <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$user') THEN CREATE ROLE $user LOGIN; END IF;
END \$\$;
ALTER ROLE $user PASSWORD '$password';
CREATE DATABASE $db OWNER $user;
SQL
    export STOCKBRIDGE_TEST_PG_URL="jdbc:postgresql://127.0.0.1:5432/$db?reWriteBatchedInserts=true"
    export STOCKBRIDGE_TEST_PG_USER=$user
    export STOCKBRIDGE_TEST_PG_PASSWORD=$password
    echo "PostgreSQL $version ready: database $db"
}
