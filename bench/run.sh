#!/usr/bin/env bash
# The benchmark harness (docs/BENCHMARKS.md): every hot operation of agent-events measured against
# this machine's ceiling in the same invocation, as ratios.
#   bench/run.sh [--seconds N] [--rounds N] [--warmup-seconds N] [--connections N] [--skip-jmh] [--skip-memory]
# (a) a bare Vert.x server (bench/ceiling/Ceiling.java): the HTTP ceiling, POST and GET, and the
#     check-in's reply served bare (its headers and body, none of its work);
# (b) pgbench: PostgreSQL's own single-insert transactions per second, 16 clients;
# (c) agent-events on the in-memory store and on PostgreSQL, every case driven by wrk with the
#     same connections and duration, each product run right after its ceiling's run, round after
#     round, so drift hits both; one warm-up round first (15 s a case), not counted;
# (d) a table of requests/s, p50, p99, the ratio to the ceiling and each server's CPU time per
#     request (its own and its ceiling's); then the JMH benchmarks of the hot paths and the heap
#     per session and per event.
# Needs wrk (installed from Debian's packages if missing and run as root), pgbench, psql, curl,
# and PostgreSQL at DATABASE_URL (default: the local test server, schema bench_http).
set -euo pipefail
cd "$(dirname "$0")/.."

warmup_seconds=15 seconds=5 rounds=2 connections=64 jmh=yes memory=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --warmup-seconds) warmup_seconds=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --skip-jmh) jmh=no; shift ;;
        --skip-memory) memory=no; shift ;;
        -h|--help) sed -n 2,14p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done

bash bench/require-wrk.sh
for tool in pgbench psql curl java mvn; do
    command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done

jdbc_base=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
psql_url=${PSQL_URL:-postgresql://postgres@127.0.0.1:5432/test}
schema=bench_http
jar=bootstrap/target/agent-events.jar

echo "building..."
mvn -B -q install -DskipTests
(cd bench/jmh && mvn -B -q package)

source bench/lib.sh

reset_schema "$psql_url" "$schema"
token="bench-user-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token bench admin" > "$work/tokens"
separator='?'; [[ "$jdbc_base" == *\?* ]] && separator='&'

start ceiling 18100 java -Xmx1g -cp "$jar" bench/ceiling/Ceiling.java 18100
# Metrics on and the request budget checked, at a rate no run reaches (every case uses one token).
product_options=(--tokens-file "$work/tokens" --rate-limit 1000000000)
# The access line per request is left to server errors here; bench/overhead.sh measures what it costs.
export ACCESS_LOG_LEVEL=WARN
start memory 18101 java -Xmx2g -jar "$jar" --port 18101 "${product_options[@]}"
start postgres 18102 java -Xmx2g -jar "$jar" --port 18102 "${product_options[@]}" \
    --database-url "$jdbc_base${separator}currentSchema=$schema"

read -r memory_agent memory_agent_token < <(agent_of 18101 "$token")
read -r postgres_agent postgres_agent_token < <(agent_of 18102 "$token")
[ -n "$memory_agent_token" ] && [ -n "$postgres_agent_token" ] || { echo "could not set up the agents" >&2; exit 1; }

# PostgreSQL's ceiling: one insert into an events-like table per transaction, 16 clients.
psql -q "$psql_url" -c "create table $schema.pgbench_events (project_id text not null,
    id bigint generated always as identity, type text not null, at timestamptz not null, mode text,
    request_id uuid not null, primary key (project_id, id))" >/dev/null
echo "insert into $schema.pgbench_events (project_id, type, at, mode, request_id) values ('bench', 'agent_activate', now(), 'active', gen_random_uuid());" > "$work/insert.sql"

results="$work/results.tsv"
run_pgbench() { # round
    local tps
    tps=$(pgbench -n -c 16 -j 2 -T "$seconds" -f "$work/insert.sql" "$psql_url" 2>/dev/null \
        | awk -F'= ' '/^tps/ {split($2, a, " "); print a[1]}')
    echo -e "pgbench\t$1\trps=${tps:-0}\tp50_ms=0\tp99_ms=0\tnon2xx=0\tsocket_errors=0\trequests=0" >> "$results"
}
store_cases() { # round store port agent agent_token: the four cases of one store, each after its ceiling
    local r=$1 store=$2 port=$3 agent=$4 agent_token=$5
    if [ "$store" = postgres ]; then run_pgbench "$r"; else
        run_wrk ceiling_post "$r" http://127.0.0.1:18100/v2/bench/events post-activation.lua ""; fi
    run_wrk "${store}_activation" "$r" "http://127.0.0.1:$port/v2/bench/events" post-activation.lua "$token"
    run_wrk ceiling_get "$r" http://127.0.0.1:18100/hello get-with-token.lua ""
    run_wrk "${store}_checkin" "$r" "$(checkin_url "$port" "$agent" "$agent_token")" get-with-token.lua "$agent_token"
    if [ "$store" = memory ]; then run_wrk ceiling_reply "$r" http://127.0.0.1:18100/checkin-reply get-with-token.lua ""; fi
    run_wrk ceiling_get "$r" http://127.0.0.1:18100/hello get-with-token.lua ""
    run_wrk "${store}_status" "$r" "http://127.0.0.1:$port/v2/bench/agents/$agent/status" get-with-token.lua "$token"
    run_wrk ceiling_post "$r" http://127.0.0.1:18100/v2/bench/events post-activation.lua ""
    run_wrk "${store}_heartbeat" "$r" "http://127.0.0.1:$port/v2/bench/agents/$agent/events" post-heartbeat.lua "$agent_token"
}
cases() { # round
    store_cases "$1" memory 18101 "$memory_agent" "$memory_agent_token"
    store_cases "$1" postgres 18102 "$postgres_agent" "$postgres_agent_token"
}

run_rounds

echo
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
echo "PostgreSQL: $(psql -Atq "$psql_url" -c 'show server_version'), synchronous_commit $(psql -Atq "$psql_url" -c 'show synchronous_commit')"
echo
awk -F'\t' -v rounds="$rounds" '
    function value(field) { split(field, kv, "="); return kv[2] + 0 }
    { n[$1]++; rps[$1] += value($3); p50[$1] += value($4); p99[$1] += value($5); bad[$1] += value($6) + value($7)
      cpu[$1] += value($9) }
    END {
        split("memory_activation memory_checkin memory_status memory_heartbeat postgres_activation postgres_checkin postgres_status postgres_heartbeat", order, " ")
        ceiling["memory_activation"] = "ceiling_post"; target["memory_activation"] = 0.7
        ceiling["memory_checkin"] = "ceiling_get"; target["memory_checkin"] = 0.6
        ceiling["memory_status"] = "ceiling_get"
        ceiling["memory_heartbeat"] = "ceiling_post"
        ceiling["postgres_activation"] = "pgbench"; target["postgres_activation"] = 1.0
        ceiling["postgres_checkin"] = "ceiling_get"; target["postgres_checkin"] = 0.4
        ceiling["postgres_status"] = "ceiling_get"
        ceiling["postgres_heartbeat"] = "ceiling_post"
        printf "%-20s %10s %9s %9s %7s   %-12s %10s %7s %-10s %7s %7s\n", "case", "req/s", "p50 ms", "p99 ms", "errors", "ceiling", "req/s", "ratio", "target", "cpu us", "ceil us"
        for (i = 1; i <= 8; i++) {
            c = order[i]; b = ceiling[c]
            if (!n[c]) continue
            mine = rps[c] / n[c]; theirs = n[b] ? rps[b] / n[b] : 0
            ratio = theirs > 0 ? mine / theirs : 0
            goal = (c in target) ? sprintf("%s %.1f", ratio >= target[c] ? "met" : "MISSED", target[c]) : "-"
            printf "%-20s %10.0f %9.2f %9.2f %7d   %-12s %10.0f %7.2f %-10s %7.1f %7s\n", c, mine, p50[c] / n[c], p99[c] / n[c], bad[c], b, theirs, ratio, goal,
                cpu[c] / n[c], (b == "pgbench" ? "-" : sprintf("%.1f", cpu[b] / n[b]))
        }
        printf "%-20s %10.0f %9.2f %9.2f\n", "ceiling_post", rps["ceiling_post"] / n["ceiling_post"], p50["ceiling_post"] / n["ceiling_post"], p99["ceiling_post"] / n["ceiling_post"]
        printf "%-20s %10.0f %9.2f %9.2f\n", "ceiling_get", rps["ceiling_get"] / n["ceiling_get"], p50["ceiling_get"] / n["ceiling_get"], p99["ceiling_get"] / n["ceiling_get"]
        if (n["ceiling_reply"]) {
            printf "%-20s %10.0f %9.2f %9.2f   (the check-in'"'"'s headers and body served bare: %.2f of ceiling_get, cpu %.1f us)\n", "ceiling_reply",
                rps["ceiling_reply"] / n["ceiling_reply"], p50["ceiling_reply"] / n["ceiling_reply"], p99["ceiling_reply"] / n["ceiling_reply"],
                (rps["ceiling_reply"] / n["ceiling_reply"]) / (rps["ceiling_get"] / n["ceiling_get"]), cpu["ceiling_reply"] / n["ceiling_reply"]
        }
        if (n["memory_checkin"] && cpu["ceiling_get"] > 0) {
            share = (cpu["memory_checkin"] / n["memory_checkin"]) / (cpu["ceiling_get"] / n["ceiling_get"])
            printf "memory check-in cpu per request: %.2f of ceiling_get'"'"'s (target at most 1.6: %s)\n", share, (share <= 1.6 ? "met" : "MISSED")
        }
        printf "%-20s %10.0f   (transactions/s, 16 clients)\n", "pgbench", rps["pgbench"] / n["pgbench"]
        printf "\nmeans of %d rounds; each product run follows its ceiling run; errors = non-2xx answers + socket errors;\n", rounds
        printf "cpu us = CPU time of the serving process per answered request, in microseconds (ceil us: its ceiling'"'"'s)\n"
    }' "$results"

stop_servers # JMH measured next to idle servers with big heaps varied tenfold between iterations
if [ "$jmh" = yes ]; then
    echo
    echo "JMH (average time per operation):"
    java -jar bench/jmh/target/benchmarks.jar -rf text -rff "$work/jmh.txt" > "$work/jmh.log" 2>&1 \
        && cat "$work/jmh.txt" || { echo "JMH failed:"; tail -20 "$work/jmh.log"; }
fi
if [ "$memory" = yes ]; then
    echo
    echo "heap (targets: at most 300 bytes per idle session, 400 per stored event):"
    java -Xms4g -Xmx4g -XX:+UseSerialGC -cp bench/jmh/target/benchmarks.jar io.agentevents.bench.HeapPerEntry
fi
