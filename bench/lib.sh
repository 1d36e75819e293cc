# Shared by the benchmark scripts (sourced, not run): a scratch directory and the processes to
# stop on exit, and a fresh PostgreSQL schema.
work=$(mktemp -d)
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

reset_schema() { # psql_url schema
    psql -q "$1" -c "set client_min_messages to warning" -c "drop schema if exists $2 cascade" \
        -c "create schema $2" >/dev/null
}
