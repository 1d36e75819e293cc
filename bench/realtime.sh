#!/usr/bin/env bash
# Real time and many agents in one command (docs/BENCHMARKS.md): N simulated agents against the real service on loopback.
#   bench/realtime.sh memory   [agents] [seconds]   one node, in-memory store
#   bench/realtime.sh postgres [agents] [seconds]   two nodes sharing one PostgreSQL schema
#   bench/realtime.sh delivery [agents] [seconds] [rounds]   what PostgreSQL and a second node add to the delay
# Phase 1 keeps every agent in `active` (poll + heartbeat every second) and asks the service how
# many it shows online; phase 2 keeps them in `real_time` (long-polling) and posts 20 single-agent
# activations per second, each through another node than the agent's; phase 3 adds 20 browse
# requests a second, each asked through another node than the agent's and waited for there, and
# prints their round trip (asked -> answer read) against the activation delay of the same run.
# `delivery` runs phase 2 alone (100 agents by default), on one in-memory node and then on two
# PostgreSQL nodes, in turn for each round, with the same simulator, and prints what the database
# and the second node add to the delay at p50 and p99, beside PostgreSQL's own commit latency.
# Prints the simulator's summaries and each node's peak resident memory. DATABASE_URL overrides the local PostgreSQL;
# SERVER_JAR runs the nodes from another build (an older one, say) under the same simulator.
set -euo pipefail
cd "$(dirname "$0")/.."

store=${1:-memory}
default_agents=2000; [ "$store" = delivery ] && default_agents=100
agents=${2:-$default_agents}
seconds=${3:-60}
rounds=${4:-2}
heap=${HEAP:-512m}
jar=bootstrap/target/agent-events.jar
server_jar=${SERVER_JAR:-$jar}
case "$store" in memory|postgres|delivery) ;; *) echo "usage: $0 memory|postgres|delivery [agents] [seconds] [rounds]" >&2; exit 2 ;; esac

[ -f "$jar" ] || mvn -B -q package -DskipTests

source bench/lib.sh

token="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token bench admin" > "$work/tokens"
schema="bench_realtime"
base=${DATABASE_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}
psql_url=${PSQL_URL:-postgresql://postgres@127.0.0.1:5432/test}

urls=()
nodes=()
start_nodes() { # memory|postgres: one in-memory node, or two nodes on a fresh schema; sets urls and nodes
    # The simulator registers and checks thousands of agents with one user token: no request budget.
    local options=(--tokens-file "$work/tokens" --rate-limit 0) ports=(18082) port url
    if [ "$1" = postgres ]; then
        reset_schema "$psql_url" "$schema"
        local separator='?'; [[ "$base" == *\?* ]] && separator='&'
        options+=(--database-url "$base${separator}currentSchema=$schema")
        ports=(18082 18083)
    fi
    urls=()
    nodes=()
    rm -f "$work/agents.json" "$work/rss"
    for port in "${ports[@]}"; do
        java -Xmx"$heap" -jar "$server_jar" --port "$port" "${options[@]}" > "$work/node-$port.log" 2>&1 &
        pids+=($!)
        nodes+=($!)
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
          for pid in "${nodes[@]}"; do echo "$pid $(ps -o rss= -p "$pid" 2>/dev/null || echo 0)"; done
          sleep 1
      done ) > "$work/rss" &
    pids+=($!)
}

simulate() { simulate_for "$seconds" "$@"; }
simulate_for() { # seconds simulator-options...: its summary line
    local joined for=$1; shift
    joined=$(IFS=,; echo "${urls[*]}")
    java -jar "$jar" simulate --url "$joined" --project bench --token "$token" --agents "$agents" \
        --duration "${for}s" --state-file "$work/agents.json" "$@" | tail -1
}

# PostgreSQL's own commit latency meanwhile, for a transaction like an activation's (one insert,
# one notification), at the same rate: the part of the delay that is the database's.
start_commit_probe() {
    psql -q "$psql_url" -c "create table $schema.commit_probe (at timestamptz default now(), note text)" >/dev/null
    printf 'begin;\ninsert into %s.commit_probe (note) values (%s);\nselect pg_notify(%s, %s);\ncommit;\n' \
        "$schema" "'x'" "'bench_commit_probe'" "'x'" > "$work/commit.sql"
    rm -f "$work"/pgbench_log.*
    (cd "$work" && pgbench -n -c 1 -R 20 -T "$seconds" -l -f commit.sql "$psql_url" > pgbench.out 2>&1) &
    probe=$!
}
commit_probe_result() {
    wait "$probe" || true
    cat "$work"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n | awk '{v[NR] = $1}
        END { if (NR == 0) { print "pgbench probe: no samples"; exit }
              printf "PostgreSQL alone, one insert + notify per transaction, 20/s: commit p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d)\n",
                     v[int((NR - 1) * 0.5) + 1], v[int((NR - 1) * 0.99) + 1], v[NR], NR }'
}

peak_rss() {
    for pid in "${nodes[@]}"; do
        echo "node pid $pid: peak RSS $(awk -v p="$pid" '$1==p && $2>m {m=$2} END {printf "%d MB", m/1024}' "$work/rss")"
    done
}

# "p50 p99" of the single-agent activation delay in a simulator summary
one_agent_delay() {
    grep -o 'long-poll, one agent p50 [0-9.]* ms, p99 [0-9.]*' | awk '{print $5, $8}'
}

if [ "$store" = delivery ]; then
    echo "== delivery: $agents agents in real_time, 20 single-agent activations/s, ${seconds} s a run, $rounds round(s), nodes from $server_jar =="
    for round in $(seq 1 "$rounds"); do
        start_nodes memory
        simulate_for 10 --keep-mode real_time > /dev/null # registered, signed in and long-polling
        memory=$(simulate --keep-mode real_time --activate-agents 20)
        stop_servers
        start_nodes postgres
        simulate_for 10 --keep-mode real_time > /dev/null
        start_commit_probe
        postgres=$(simulate --keep-mode real_time --activate-agents 20)
        database=$(commit_probe_result)
        stop_servers
        read -r memory_p50 memory_p99 < <(echo "$memory" | one_agent_delay)
        read -r postgres_p50 postgres_p99 < <(echo "$postgres" | one_agent_delay)
        echo "-- round $round"
        echo "one in-memory node:        activation -> agent p50 $memory_p50 ms, p99 $memory_p99 ms"
        echo "two nodes on PostgreSQL:   activation -> agent p50 $postgres_p50 ms, p99 $postgres_p99 ms"
        echo "$database"
        awk -v m50="$memory_p50" -v m99="$memory_p99" -v p50="$postgres_p50" -v p99="$postgres_p99" 'BEGIN {
            a50 = p50 - m50; a99 = p99 - m99
            printf "added by the database and the second node: p50 %.1f ms (target <= 5: %s), p99 %.1f ms (target <= 20: %s)\n",
                   a50, a50 <= 5 ? "met" : "not met", a99, a99 <= 20 ? "met" : "not met" }'
    done
    exit 0
fi

start_nodes "$store"
echo "== $store, $agents agents, ${#urls[@]} node(s), -Xmx$heap, nodes from $server_jar =="
echo "-- active, ${seconds} s"
simulate --keep-mode active
echo "-- real_time, ${seconds} s, 20 single-agent activations/s"
[ "$store" = postgres ] && start_commit_probe
simulate --keep-mode real_time --activate-agents 20
[ "$store" = postgres ] && commit_probe_result
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
peak_rss
