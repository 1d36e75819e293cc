#!/usr/bin/env bash
# Real time and many agents in one command (docs/BENCHMARKS.md): N simulated agents against the real service on loopback.
#   bench/realtime.sh memory   [agents] [seconds]   one node, in-memory store
#   bench/realtime.sh postgres [agents] [seconds]   two nodes sharing one PostgreSQL schema
# Phase 1 keeps every agent in `active` (poll + heartbeat every second) and asks the service how
# many it shows online; phase 2 keeps them in `real_time` (long-polling) and posts 20 single-agent
# activations per second, each through another node than the agent's; phase 3 adds 20 browse
# requests a second, each asked through another node than the agent's and waited for there, and
# prints their round trip (asked -> answer read) against the activation delay of the same run.
# Prints the simulator's summaries and each node's peak resident memory. DATABASE_URL overrides the local PostgreSQL;
# SERVER_JAR runs the nodes from another build (an older one, say) under the same simulator.
set -euo pipefail
cd "$(dirname "$0")/.."

store=${1:-memory}
agents=${2:-2000}
seconds=${3:-60}
heap=${HEAP:-512m}
jar=bootstrap/target/agent-events.jar
server_jar=${SERVER_JAR:-$jar}
case "$store" in memory|postgres) ;; *) echo "usage: $0 memory|postgres [agents] [seconds]" >&2; exit 2 ;; esac

[ -f "$jar" ] || mvn -B -q package -DskipTests

source bench/lib.sh

token="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token bench admin" > "$work/tokens"
# The simulator registers and checks thousands of agents with one user token: no request budget.
server_options=(--tokens-file "$work/tokens" --rate-limit 0)
ports=(18082)
if [ "$store" = postgres ]; then
    schema="bench_realtime"
    base=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
    psql_url=${PSQL_URL:-postgresql://postgres@127.0.0.1:5432/test}
    reset_schema "$psql_url" "$schema"
    separator='?'; [[ "$base" == *\?* ]] && separator='&'
    server_options+=(--database-url "$base${separator}currentSchema=$schema")
    ports=(18082 18083)
fi

urls=()
for port in "${ports[@]}"; do
    java -Xmx"$heap" -jar "$server_jar" --port "$port" "${server_options[@]}" > "$work/node-$port.log" 2>&1 &
    pids+=($!)
    urls+=("http://127.0.0.1:$port")
done
for url in "${urls[@]}"; do
    for _ in $(seq 1 120); do
        curl -s -o /dev/null "$url/v2/bench/events" && break
        sleep 0.5
    done
done

# Peak resident memory of each node, sampled every second.
( while true; do
      for pid in "${pids[@]}"; do echo "$pid $(ps -o rss= -p "$pid" 2>/dev/null || echo 0)"; done # the nodes only: started before this loop
      sleep 1
  done ) > "$work/rss" &
sampler=$!
nodes=("${pids[@]}")
pids+=("$sampler")

joined=$(IFS=,; echo "${urls[*]}")
simulate() {
    java -jar "$jar" simulate --url "$joined" --project bench --token "$token" --agents "$agents" \
        --duration "${seconds}s" --state-file "$work/agents.json" "$@" | tail -1
}
echo "== $store, $agents agents, ${#urls[@]} node(s), -Xmx$heap, nodes from $server_jar =="
echo "-- active, ${seconds} s"
simulate --keep-mode active
echo "-- real_time, ${seconds} s, 20 single-agent activations/s"
if [ "$store" = postgres ]; then
    # PostgreSQL's own commit latency meanwhile, for a transaction like an activation's (one insert,
    # one notification), at the same rate: the part of the delay that is the database's.
    psql -q "$psql_url" -c "create table $schema.commit_probe (at timestamptz default now(), note text)" >/dev/null
    printf 'begin;\ninsert into %s.commit_probe (note) values (%s);\nselect pg_notify(%s, %s);\ncommit;\n' \
        "$schema" "'x'" "'bench_commit_probe'" "'x'" > "$work/commit.sql"
    (cd "$work" && pgbench -n -c 1 -R 20 -T "$seconds" -l -f commit.sql "$psql_url" > pgbench.out 2>&1) &
    probe=$!
fi
simulate --keep-mode real_time --activate-agents 20
if [ "$store" = postgres ]; then
    wait "$probe" || true
    cat "$work"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk '{v[NR] = $1}
        END { if (NR == 0) { print "pgbench probe: no samples"; exit }
              printf "PostgreSQL alone, one insert + notify per transaction, 20/s: commit p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d)\n",
                     v[int((NR - 1) * 0.5) + 1], v[int((NR - 1) * 0.99) + 1], v[NR], NR }'
fi
echo "-- real_time, ${seconds} s, 20 single-agent activations/s and 20 browse requests/s"
asked=$(simulate --keep-mode real_time --activate-agents 20 --browse-agents 20)
echo "$asked"
# The round trip's p99 over the single-agent activation delay's p99, both of this run: from the
# request sent, and from its 202 (stored, as the activation's delay starts once it is stored).
echo "$asked" | awk '
    function p99(label,   at, part) {
        if (!match($0, label " p50 [0-9.]+ ms, p99 [0-9.]+")) return ""
        part = substr($0, RSTART, RLENGTH); sub(/.* p99 /, "", part); return part
    }
    { activation = p99("long-poll, one agent"); trip = p99("browse round trip"); after = p99("browse 202 to answer") }
    END {
        if (activation == "" || trip == "") { print "round trip / activation delay: not measured (see the summary)"; exit }
        printf "round trip p99 %s ms (from the 202: %s ms); activation delay (one agent) p99 %s ms; ratios %.2f (from the 202: %.2f)\n",
               trip, after, activation, trip / activation, after / activation }'
kill "$sampler"
for pid in "${nodes[@]}"; do
    echo "node pid $pid: peak RSS $(awk -v p="$pid" '$1==p && $2>m {m=$2} END {printf "%d MB", m/1024}' "$work/rss")"
done
