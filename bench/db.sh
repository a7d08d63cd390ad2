# Sourced by the bench scripts: run_on h2|postgres COMMAND... runs COMMAND with the database ready. For postgres it
# uses STOCKBRIDGE_TEST_PG_URL/USER/PASSWORD when set, else starts PostgreSQL with .ci/postgres.sh (a fresh
# database, dropped again afterwards).
run_on() {
    local db=$1
    shift
    case $db in
        h2) "$@" ;;
        postgres)
            local created=
            if [ -z "${STOCKBRIDGE_TEST_PG_URL:-}" ]; then
                source .ci/postgres.sh
                start_postgres
                created=${STOCKBRIDGE_TEST_PG_URL#*5432/}
                created=${created%%\?*}
            fi
            local status=0
            "$@" || status=$?
            if [ -n "$created" ]; then
                su postgres -c "dropdb --if-exists $created" || true
                unset STOCKBRIDGE_TEST_PG_URL STOCKBRIDGE_TEST_PG_USER STOCKBRIDGE_TEST_PG_PASSWORD
            fi
            return $status ;;
        *) echo "unknown database '$db' (h2 or postgres)" >&2; return 2 ;;
    esac
}
