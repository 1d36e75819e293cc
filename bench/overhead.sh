#!/usr/bin/env bash
# What the production safeguards cost in requests per second (docs/BENCHMARKS.md), on the
# in-memory store, where the HTTP path is all there is to measure:
#   bench/overhead.sh [--seconds N] [--rounds N] [--warmup-seconds N] [--connections N]
# Five nodes side by side, differing only in what is switched on: none of it (lean), the
# request budget, the metrics, the access log, everything (as deployed). Every case runs on
# each node in turn, round after round, and is reported as a ratio to the lean node's rate.
# The budget is set far above what one token sends here, so it is checked on every request but
# never refuses. Needs wrk (installed from Debian's packages if missing and run as root).
set -euo pipefail
cd "$(dirname "$0")/.."

warmup_seconds=15 seconds=5 rounds=3 connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --warmup-seconds) warmup_seconds=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        -h|--help) sed -n 2,9p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done
bash bench/require-wrk.sh

jar=bootstrap/target/agent-events.jar
echo "building..."
mvn -B -q install -DskipTests

source bench/lib.sh
token="bench-user-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token bench admin" > "$work/tokens"
results="$work/results.tsv"
common=(--tokens-file "$work/tokens")
never_refusing=1000000000

# name port access-log-level options...
node() {
    local name=$1 port=$2 access=$3; shift 3
    start "$name" "$port" env ACCESS_LOG_LEVEL="$access" java -Xmx1g -jar "$jar" --port "$port" "${common[@]}" "$@"
}
node lean 18110 OFF --rate-limit 0 --metrics off
node budget 18111 OFF --rate-limit "$never_refusing" --metrics off
node metrics 18112 OFF --rate-limit 0 --metrics on
node accesslog 18113 INFO --rate-limit 0 --metrics off
node full 18114 INFO --rate-limit "$never_refusing" --metrics on
variants=(lean:18110 budget:18111 metrics:18112 accesslog:18113 full:18114)

agents_of_variants "$token"

cases() { # round
    for variant in "${variants[@]}"; do
        name=${variant%%:*} port=${variant##*:}
        run_wrk "${name}_activation" "$1" "http://127.0.0.1:$port/v2/bench/events" post-activation.lua "$token"
    done
    for variant in "${variants[@]}"; do # the marker is the newest event, so the check-in finds nothing new
        name=${variant%%:*} port=${variant##*:}
        run_wrk "${name}_checkin" "$1" "$(checkin_url "$port" "${agent[$name]}" "${agent_token[$name]}")" \
            get-with-token.lua "${agent_token[$name]}"
    done
}

run_rounds

echo
awk -F'\t' -v rounds="$rounds" '
    function value(field) { split(field, kv, "="); return kv[2] + 0 }
    { n[$1]++; rps[$1] += value($3); p99[$1] += value($5); bad[$1] += value($6) + value($7); cpu[$1] += value($9) }
    END {
        split("lean budget metrics accesslog full", names, " ")
        split("activation checkin", kinds, " ")
        printf "%-22s %10s %9s %7s %14s %8s %12s\n", "case", "req/s", "p99 ms", "errors", "ratio to lean", "cpu us", "us over lean"
        for (k = 1; k <= 2; k++) for (i = 1; i <= 5; i++) {
            c = names[i] "_" kinds[k]; base = "lean_" kinds[k]
            printf "%-22s %10.0f %9.2f %7d %14.2f %8.1f %12.1f\n", c, rps[c] / n[c], p99[c] / n[c], bad[c], (rps[c] / n[c]) / (rps[base] / n[base]),
                cpu[c] / n[c], cpu[c] / n[c] - cpu[base] / n[base]
        }
        printf "\nmeans of %d rounds; errors = non-2xx answers + socket errors; cpu us = the node'"'"'s CPU time per request\n", rounds
    }' "$results"
