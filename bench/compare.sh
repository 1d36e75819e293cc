#!/usr/bin/env bash
# Two builds of agent-events side by side, to tell whether a change made a case faster or slower
# (docs/BENCHMARKS.md): ratios of the second jar's rate to the first's, measured in turn, round
# after round, so drift hits both.
#   bench/compare.sh BASE.jar CHANGED.jar [--store memory|postgres] [--seconds N] [--rounds N]
#                    [--warmup-seconds N] [--connections N]
# Build the base jar from an older commit in a scratch clone, for example:
#   git clone -q . /tmp/base && (cd /tmp/base && git checkout -q HEAD~1 && mvn -q package -DskipTests)
# Both run as bench/run.sh runs products (budget checked far above what one token sends, access
# line for server errors only). On PostgreSQL each gets a database of its own. Needs wrk.
# Besides req/s it reports each build's CPU time per request, which a busy neighbour on a shared
# machine does not move the way it moves req/s: the steadier measure of a change's work.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 2 ] || { sed -n 2,12p "$0"; exit 2; }
base_jar=$(realpath "$1") changed_jar=$(realpath "$2"); shift 2
store=memory warmup_seconds=15 seconds=5 rounds=3 connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --store) store=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --warmup-seconds) warmup_seconds=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        *) echo "unknown option $1; see the head of this script" >&2; exit 2 ;;
    esac
done
bash bench/require-wrk.sh

source bench/lib.sh
token="bench-user-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token bench admin" > "$work/tokens"
results="$work/results.tsv"
jdbc_base=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
psql_url=${PSQL_URL:-postgresql://postgres@127.0.0.1:5432/test}
export ACCESS_LOG_LEVEL=WARN

node() { # name port jar
    local options=(--port "$2" --tokens-file "$work/tokens" --rate-limit 1000000000)
    if [ "$store" = postgres ]; then
        # A database each, not a schema: LISTEN/NOTIFY channels are per database, so two builds
        # in one would each hear, and act on, the other's notifications while it is measured.
        reset_database "$psql_url" "bench_compare_$1"
        options+=(--database-url "$(jdbc_of_database "$jdbc_base" "bench_compare_$1")")
    fi
    start "$1" "$2" java -Xmx2g -jar "$3" "${options[@]}"
}
node base 18120 "$base_jar"
node changed 18121 "$changed_jar"
variants=(base:18120 changed:18121)

agents_of_variants "$token"

cases() { # round
    for variant in "${variants[@]}"; do
        name=${variant%%:*} port=${variant##*:}
        run_wrk "${name}_activation" "$1" "http://127.0.0.1:$port/v2/bench/events" post-activation.lua "$token"
        run_wrk "${name}_checkin" "$1" "$(checkin_url "$port" "${agent[$name]}" "${agent_token[$name]}")" \
            get-with-token.lua "${agent_token[$name]}"
        run_wrk "${name}_status" "$1" "http://127.0.0.1:$port/v2/bench/agents/${agent[$name]}/status" \
            get-with-token.lua "$token"
        run_wrk "${name}_heartbeat" "$1" "http://127.0.0.1:$port/v2/bench/agents/${agent[$name]}/events" \
            post-heartbeat.lua "${agent_token[$name]}"
    done
}

run_rounds

echo
echo "store: $store; base: $base_jar; changed: $changed_jar"
awk -F'\t' -v rounds="$rounds" '
    function value(field) { split(field, kv, "="); return kv[2] + 0 }
    { n[$1]++; rps[$1] += value($3); p99[$1] += value($5); bad[$1] += value($6) + value($7); cpu[$1] += value($9) }
    END {
        split("activation checkin status heartbeat", kinds, " ")
        printf "%-12s %12s %12s %9s %9s %7s %16s %8s %8s %14s\n", "case", "base req/s", "changed", "base p99", "p99", "errors", "changed / base",
            "base us", "us", "cpu chg/base"
        for (k = 1; k <= 4; k++) {
            b = "base_" kinds[k]; c = "changed_" kinds[k]
            printf "%-12s %12.0f %12.0f %9.2f %9.2f %7d %16.2f %8.1f %8.1f %14.2f\n", kinds[k], rps[b] / n[b], rps[c] / n[c],
                p99[b] / n[b], p99[c] / n[c], bad[b] + bad[c], (rps[c] / n[c]) / (rps[b] / n[b]),
                cpu[b] / n[b], cpu[c] / n[c], (cpu[b] > 0 ? cpu[c] / cpu[b] : 0)
        }
        printf "\nmeans of %d rounds; errors = non-2xx answers + socket errors; us = server CPU time per request\n", rounds
    }' "$results"
