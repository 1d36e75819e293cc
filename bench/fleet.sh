#!/usr/bin/env bash
# A large fleet on one in-memory node (docs/BENCHMARKS.md, "A fleet on one node"): N simulated
# agents over P projects, mostly idle, a control panel keeping 1 % of the projects active (half of
# its activations renewed once, the others left to run out) and a few agents in real_time by
# single-agent activations; the agents share a pool of connections from several loopback
# addresses, as behind a load balancer. Prints the node's peak RSS, its CPU time per request and
# the simulator's, the check-in latency, the agents-online gauge over the run, and the
# simulator's own summary (errors, statuses sampled, the service's view of a sample).
#   bench/fleet.sh [--agents N] [--projects P] [--seconds S] [--heap SIZE] [--jar PATH]
# NODE_JAVA_OPTS and SIMULATOR_JAVA_OPTS add JVM options to either (e.g. -Xlog:gc:file=gc.log).
set -euo pipefail
cd "$(dirname "$0")/.."

agents=100000 projects=10000 seconds=600 heap=700m jar=bootstrap/target/agent-events.jar build=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --agents) agents=$2; shift 2 ;;
        --projects) projects=$2; shift 2 ;;
        --seconds) seconds=$2; shift 2 ;;
        --heap) heap=$2; shift 2 ;;
        --jar) jar=$2; build=no; shift 2 ;;
        -h|--help) sed -n 2,10p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done
[ "$build" = no ] || mvn -B -q install -DskipTests

source bench/lib.sh

port=18160
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }
rss_mb() { awk '/^VmRSS/ {print int($2 / 1024)}' "/proc/$1/status"; }
online_gauge() { curl -s "http://127.0.0.1:$port/metrics" | awk '/^agent_events_agents_online / {print int($2)}'; }

# One admin token per project, in the service's tokens file, which the simulator reads too.
suffix=$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')
for i in $(seq 1 "$projects"); do echo "fleet-token-$i-$suffix fleet-$i admin"; done > "$work/tokens"

export ACCESS_LOG_LEVEL=WARN
# shellcheck disable=SC2086
start node "$port" java -Xmx"$heap" ${NODE_JAVA_OPTS:-} -jar "$jar" --port "$port" --tokens-file "$work/tokens" --rate-limit 0
node=${server_pid[node]}

# shellcheck disable=SC2086
# A pause of the simulator's collector delays every answer it is reading: keep them short.
java -Xmx1g -XX:MaxGCPauseMillis=20 ${SIMULATOR_JAVA_OPTS:-} -jar "$jar" simulate --url "http://127.0.0.1:$port" --tokens-file "$work/tokens" --agents "$agents" \
    --duration "${seconds}s" --wake-projects 1 --activate-agents 2 --connections 2000 \
    --source-addresses 127.0.0.2,127.0.0.3,127.0.0.4,127.0.0.5 --state-file "$work/fleet.json" \
    > "$work/simulator.log" 2>&1 &
simulator=$!
pids+=("$simulator")
set_up_from=$(date +%s)
until grep -q "agents running" "$work/simulator.log"; do
    kill -0 "$simulator" 2>/dev/null || { echo "the simulator stopped during set-up:" >&2; tail -5 "$work/simulator.log" >&2; exit 1; }
    sleep 1
done
echo "set-up (registrations, sign-ins, start-ups): $(( $(date +%s) - set_up_from )) s"

node_from=$(cpu_ms "$node")
peak_rss=0 gauge_low=-1 gauge_samples=0
while kill -0 "$simulator" 2>/dev/null && ! grep -q "^summary" "$work/simulator.log"; do
    rss=$(rss_mb "$node"); [ "$rss" -gt "$peak_rss" ] && peak_rss=$rss
    if [ $(( gauge_samples++ % 3 )) -eq 2 ]; then
        gauge=$(online_gauge)
        echo "t=$(( gauge_samples * 5 ))s node RSS ${rss} MB, agents online (gauge) ${gauge:-?}"
        # The gauge refreshes every 15 s: the first readings still count the start-up.
        if [ "$gauge_samples" -gt 6 ] && [ -n "$gauge" ] && { [ "$gauge_low" -lt 0 ] || [ "$gauge" -lt "$gauge_low" ]; }; then
            gauge_low=$gauge
        fi
    fi
    sleep 5
done
node_to=$(cpu_ms "$node")
# The node's own view of the agents' polls: the share it answered within 50 ms (from its histogram).
curl -s "http://127.0.0.1:$port/metrics" > "$work/metrics.txt"
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
echo "agents $agents over $projects projects, $seconds s, node -Xmx$heap"
echo "node peak RSS: $peak_rss MB"
echo "agents online by the node's gauge, lowest after the first 30 s: $gauge_low of $agents"
awk -v ms=$(( node_to - node_from )) -v n="$requests" 'BEGIN {printf "node CPU: %.1f µs a request (%d requests)\n", ms * 1000 / n, n}'
echo "$summary" | grep -o 'simulator CPU [0-9.]* µs a request' || true
echo "$summary" | grep -o 'check-in p50 [^(]*' || true
echo "agents' polls the node answered within 50 ms (its histogram, long-polls included): ${served_share:-?}"
