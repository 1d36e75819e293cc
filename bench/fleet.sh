#!/usr/bin/env bash
# A large fleet (docs/BENCHMARKS.md, "A fleet of 100,000 agents"): N simulated agents over P
# projects, mostly idle, a control panel keeping 1 % of the projects active (half of its
# activations renewed once, the others left to run out) and a few agents in real_time by
# single-agent activations; the agents share a pool of connections from several loopback
# addresses, as behind a load balancer. On one in-memory node, or on PostgreSQL with several
# nodes (agent i on node i mod n). Prints each node's peak RSS, the nodes' CPU time per request
# and the simulator's, the check-in latency, the agents-online gauge and the presence buffer over
# the run, the simulator's summary (errors, statuses sampled, the service's view of a sample),
# and on PostgreSQL what the database wrote: rows and WAL, per second and per agent request.
#   bench/fleet.sh [--store memory|postgres] [--nodes N] [--agents N] [--projects P] [--seconds S]
#                  [--heap SIZE] [--jar PATH]
# NODE_JAVA_OPTS and SIMULATOR_JAVA_OPTS add JVM options to either (e.g. -Xlog:gc:file=gc.log);
# DATABASE_URL and PSQL_URL override the local PostgreSQL (schema bench_fleet).
set -euo pipefail
cd "$(dirname "$0")/.."

store=memory nodes=1 agents=100000 projects=10000 seconds=600 heap=700m jar=bootstrap/target/agent-events.jar build=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --store) store=$2; shift 2 ;;
        --nodes) nodes=$2; shift 2 ;;
        --agents) agents=$2; shift 2 ;;
        --projects) projects=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        --jar) jar=$2; build=no; shift 2 ;;
        -h|--help) sed -n 2,15p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done
case "$store" in memory|postgres) ;; *) echo "--store is memory or postgres" >&2; exit 2 ;; esac
if [ "$store" = memory ] && [ "$nodes" -ne 1 ]; then
    echo "the in-memory store is one node; give --store postgres for several" >&2; exit 2
fi
[ "$build" = no ] || mvn -B -q install -DskipTests

source bench/lib.sh

ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
gauge() { # port name: a gauge of the node's /metrics
    curl -s "http://127.0.0.1:$1/metrics" | awk -v name="$2" '$1 == name {print int($2)}'
}

# One admin token per project, in the service's tokens file, which the simulator reads too.
suffix=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
for i in $(seq 1 "$projects"); do echo "fleet-token-$i-$suffix fleet-$i admin"; done > "$work/tokens"

node_options=(--tokens-file "$work/tokens" --rate-limit 0)
if [ "$store" = postgres ]; then
    schema=bench_fleet
    base=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
    psql_url=${PSQL_URL:-postgresql://postgres@127.0.0.1:5432/test}
    reset_schema "$psql_url" "$schema"
    separator='?'; [[ "$base" == *\?* ]] && separator='&'
    node_options+=(--database-url "$base${separator}currentSchema=$schema")
fi
# What the database has written so far: WAL records and bytes, and rows of the schema's tables.
db_written() {
    psql -qtA "$psql_url" -c "select (select wal_records from pg_stat_wal), (select wal_bytes from pg_stat_wal),
        (select coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0) from pg_stat_user_tables where schemaname = '$schema'),
        (select xact_commit from pg_stat_database where datname = current_database())" | tr '|' ' '
}

export ACCESS_LOG_LEVEL=WARN
ports=() urls=() node_pids=()
for n in $(seq 0 $(( nodes - 1 ))); do
    port=$(( 18160 + n ))
    # shellcheck disable=SC2086
    start "node$n" "$port" java -Xmx"$heap" ${NODE_JAVA_OPTS:-} -jar "$jar" --port "$port" "${node_options[@]}"
    ports+=("$port") urls+=("http://127.0.0.1:$port") node_pids+=("${server_pid[node$n]}")
done
url_list=$(IFS=,; echo "${urls[*]}")

# A pause of the simulator's collector delays every answer it is reading: keep them short.
# shellcheck disable=SC2086
java -Xmx1g -XX:MaxGCPauseMillis=20 ${SIMULATOR_JAVA_OPTS:-} -jar "$jar" simulate --url "$url_list" \
    --tokens-file "$work/tokens" --agents "$agents" --duration "${seconds}s" --wake-projects 1 --activate-agents 2 \
    --connections 2000 --source-addresses 127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5 --state-file "$work/fleet.json" \
    > "$work/simulator.log" 2>&1 &
simulator=$!
pids+=("$simulator")
set_up_from=$(date +%s)
until grep -q "agents running" "$work/simulator.log"; do
    kill -0 "$simulator" 2>/dev/null || { echo "the simulator stopped during set-up:" >&2; tail -5 "$work/simulator.log" >&2; exit 1; }
    sleep 1
done
echo "set-up (registrations, sign-ins, start-ups): $(( $(date +%s) - set_up_from )) s"

cpu_from=0
for pid in "${node_pids[@]}"; do cpu_from=$(( cpu_from + $(cpu_ms "$pid") )); done
[ "$store" = postgres ] && read -r wal_records_from wal_bytes_from rows_from commits_from < <(db_written)
run_from=$(date +%s%N)
peak_rss=()
peak_buffered=0 gauge_low=-1 samples=0
while kill -0 "$simulator" 2>/dev/null && ! grep -q "^summary" "$work/simulator.log"; do
    for n in "${!node_pids[@]}"; do
        rss=$(rss_mb "${node_pids[$n]}")
        [ "$rss" -gt "${peak_rss[$n]:-0}" ] && peak_rss[$n]=$rss
    done
    if [ $(( samples++ % 3 )) -eq 2 ]; then
        online=$(gauge "${ports[0]}" agent_events_agents_online)
        buffered=0
        for port in "${ports[@]}"; do
            b=$(gauge "$port" agent_events_presence_buffered); buffered=$(( buffered + ${b:-0} ))
        done
        [ "$buffered" -gt "$peak_buffered" ] && peak_buffered=$buffered
        echo "t=$(( ($(date +%s%N) - run_from) / 1000000000 ))s peak RSS ${peak_rss[*]} MB, agents online (gauge) ${online:-?}, presence buffered $buffered"
        # The gauge refreshes every 15 s: the first readings still count the start-up.
        if [ $(( $(date +%s%N) - run_from )) -gt 30000000000 ] && [ -n "$online" ] && { [ "$gauge_low" -lt 0 ] || [ "$online" -lt "$gauge_low" ]; }; then
            gauge_low=$online
        fi
    fi
    sleep 5
done
run_ns=$(( $(date +%s%N) - run_from ))
cpu_to=0
for pid in "${node_pids[@]}"; do cpu_to=$(( cpu_to + $(cpu_ms "$pid") )); done
[ "$store" = postgres ] && read -r wal_records_to wal_bytes_to rows_to commits_to < <(db_written)
# The nodes' own view of the agents' polls: the share they answered within 50 ms (their histograms).
for port in "${ports[@]}"; do curl -s "http://127.0.0.1:$port/metrics"; done > "$work/metrics.txt"
served_share=$(awk '/^http_server_requests_seconds_bucket/ && index($0, "route=\"/v2/:project/agents/:agent/events\"") \
    && index($0, "method=\"GET\"") && index($0, "status=\"200\"") {
        if (index($0, "le=\"0.05\"")) within += $NF; if (index($0, "le=\"+Inf\"")) all += $NF }
    END { if (all > 0) printf "%.4f of %d", within / all, all }' "$work/metrics.txt")
wait "$simulator" || true
summary=$(grep "^summary" "$work/simulator.log" || true)
[ -n "$summary" ] || { echo "no summary; the simulator's last lines:" >&2; tail -5 "$work/simulator.log" >&2; exit 1; }
requests=$(echo "$summary" | grep -o '[0-9]* requests (' | grep -o '^[0-9]*')
echo
echo "$summary"
echo
echo "agents $agents over $projects projects, $seconds s, $store, $nodes node(s) with -Xmx$heap"
for n in "${!node_pids[@]}"; do echo "node $n peak RSS: ${peak_rss[$n]} MB"; done
echo "agents online by the gauge, lowest after the first 30 s: $gauge_low of $agents"
echo "presence buffered (all nodes), highest: $peak_buffered"
awk -v ms=$(( cpu_to - cpu_from )) -v n="$requests" \
    'BEGIN {printf "nodes CPU: %.1f µs a request (%d requests)\n", ms * 1000 / n, n}'
echo "$summary" | grep -o 'simulator CPU [0-9.]* µs a request' || true
echo "$summary" | grep -o 'check-in p50 [^(]*' || true
echo "agents' polls the nodes answered within 50 ms (their histograms, long-polls included): ${served_share:-?}"
if [ "$store" = postgres ]; then
    awk -v s="$run_ns" -v n="$requests" -v rows=$(( rows_to - rows_from )) -v wr=$(( wal_records_to - wal_records_from )) \
        -v wb=$(( wal_bytes_to - wal_bytes_from )) -v c=$(( commits_to - commits_from )) 'BEGIN {
        secs = s / 1e9
        printf "database: %.0f rows/s, %.0f WAL records/s, %.2f MB WAL/s, %.0f commits/s\n", rows / secs, wr / secs, wb / secs / 1e6, c / secs
        printf "database per agent request: %.3f rows, %.0f WAL bytes, %.4f commits\n", rows / n, wb / n, c / n }'
fi
