#!/usr/bin/env bash
# What a project-wide wake-up costs the service (docs/BENCHMARKS.md): 2,000 simulated agents
# long-poll in real_time on one in-memory node; after 20 s of quiet, ten project-wide activations
# 2 s apart wake them all at once. Prints the node's CPU time per wake-up (the bursts' CPU above
# the quiet rate), the simulator's likewise, and its delay from each activation to each agent.
#   bench/fanout.sh [SERVER.jar ...]   each jar in turn (default: this build), the same simulator
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bootstrap/target/agent-events.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=("$jar")

source bench/lib.sh

port=18095
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

for server in "${servers[@]}"; do
    token="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    echo "$token bench admin" > "$work/tokens"
    rm -f "$work/agents.json"
    java -Xmx512m -jar "$server" --port "$port" --tokens-file "$work/tokens" --rate-limit 0 > "$work/node.log" 2>&1 &
    node=$!
    pids+=("$node")
    for _ in $(seq 1 120); do
        curl -s -o /dev/null "http://127.0.0.1:$port/v2/bench/events" && break
        sleep 0.5
    done
    java -jar "$jar" simulate --url "http://127.0.0.1:$port" --project bench --token "$token" --agents 2000 \
        --duration 75s --state-file "$work/agents.json" --keep-mode real_time > "$work/simulator.log" 2>&1 &
    simulator=$!
    until grep -q "agents running" "$work/simulator.log"; do sleep 0.5; done
    sleep 5
    quiet_from=$(cpu_ms "$node"); sim_quiet_from=$(cpu_ms "$simulator")
    sleep 20
    quiet_to=$(cpu_ms "$node"); sim_quiet_to=$(cpu_ms "$simulator")
    for _ in $(seq 1 10); do
        curl -s -o /dev/null -X POST -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
            -d '{"event":"agent_activate","mode":"real_time"}' "http://127.0.0.1:$port/v2/bench/events"
        sleep 2
    done
    bursts_to=$(cpu_ms "$node"); sim_bursts_to=$(cpu_ms "$simulator")
    wait "$simulator"
    kill "$node"; wait "$node" 2>/dev/null || true
    quiet=$((quiet_to - quiet_from)); bursts=$((bursts_to - quiet_to))
    sim_quiet=$((sim_quiet_to - sim_quiet_from)); sim_bursts=$((sim_bursts_to - sim_quiet_to))
    echo "== $server: node CPU $quiet ms in 20 s quiet, $bursts ms in 20 s with 10 wake-ups:" \
        "$(( (bursts - quiet) / 10 )) ms per wake-up of 2,000 agents;" \
        "the simulator's $(( (sim_bursts - sim_quiet) / 10 )) ms"
    tail -1 "$work/simulator.log"
done
