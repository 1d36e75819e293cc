#!/usr/bin/env bash
# What a project-wide wake-up costs the service (docs/BENCHMARKS.md): 2,000 simulated agents
# long-poll in real_time on one in-memory node; ten project-wide activations 2 s apart warm the
# wake-up path up (the JIT compiles it then; not counted), then ten pairs of 2 s windows, one
# quiet and one starting with a project-wide activation that wakes them all at once. Prints the
# node's CPU time per wake-up and per woken agent (the wake-up windows' CPU above the quiet
# ones'), the simulator's likewise, its delay from each activation to each agent,
# and, on the same node afterwards, the CPU of one agent check-in (wrk, after a warm-up) and the
# ratio of the two (target: a woken agent at most 3 check-ins).
#   bench/fanout.sh [SERVER.jar ...]   each jar in turn (default: this build), the same simulator
# NODE_JAVA_OPTS adds JVM options to the node (e.g. a profiler agent).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=bootstrap/target/agent-events.jar
[ -f "$jar" ] || mvn -B -q package -DskipTests
servers=("$@")
[ ${#servers[@]} -gt 0 ] || servers=("$jar")

bash bench/require-wrk.sh
source bench/lib.sh

port=18095
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v t="$ticks" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"; }

wake_once() { # a project-wide activation
    curl -s -o /dev/null -X POST -H "X-Auth-Token: $token" -H 'Content-Type: application/json' \
        -d '{"event":"agent_activate","mode":"real_time"}' "http://127.0.0.1:$port/v2/bench/events"
}
wake_ten_times() { # project-wide activations, 2 s apart
    for _ in $(seq 1 10); do
        wake_once
        sleep 2
    done
}
# The node's CPU time per check-in of an idle agent of another project, wrk -t1 -c64 for 5 s after
# a 10 s warm-up, as bench/run.sh measures it.
checkin_cpu_us() {
    local agent_id agent_token url before after requests
    read -r agent_id agent_token < <(agent_of "$port" "$idle_token" bench-idle)
    url=$(checkin_url "$port" "$agent_id" "$agent_token" bench-idle)
    cat bench/wrk/get-with-token.lua bench/wrk/report.lua > "$work/checkin.lua"
    TOKEN=$agent_token wrk -t1 -c64 -d10s -s "$work/checkin.lua" "$url" > /dev/null 2>&1
    before=$(cpu_ms "$node")
    TOKEN=$agent_token wrk -t1 -c64 -d5s -s "$work/checkin.lua" "$url" > "$work/checkin.out" 2>&1
    after=$(cpu_ms "$node")
    requests=$(grep -o 'requests=[0-9]*' "$work/checkin.out" | cut -d= -f2)
    awk -v ms=$((after - before)) -v n="${requests:-0}" 'BEGIN {printf "%.1f", (n > 0 ? ms * 1000 / n : 0)}'
}

for server in "${servers[@]}"; do
    token="bench-admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    idle_token="bench-idle-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
    printf '%s bench admin\n%s bench-idle admin\n' "$token" "$idle_token" > "$work/tokens"
    rm -f "$work/agents.json"
    java -Xmx512m ${NODE_JAVA_OPTS:-} -jar "$server" --port "$port" --tokens-file "$work/tokens" --rate-limit 0 > "$work/node.log" 2>&1 &
    node=$!
    pids+=("$node")
    for _ in $(seq 1 120); do
        curl -s -o /dev/null "http://127.0.0.1:$port/v2/bench/events" && break
        sleep 0.5
    done
    java -jar "$jar" simulate --url "http://127.0.0.1:$port" --project bench --token "$token" --agents 2000 \
        --duration 100s --state-file "$work/agents.json" --keep-mode real_time > "$work/simulator.log" 2>&1 &
    simulator=$!
    until grep -qs "agents running" "$work/simulator.log"; do sleep 0.5; done
    sleep 5
    wake_ten_times # the warm-up
    sleep 2
    # Ten pairs of 2 s windows, one quiet and one with a wake-up, so that a change of the
    # machine's speed during the run weighs on both alike.
    quiet=0 bursts=0 sim_quiet=0 sim_bursts=0
    for _ in $(seq 1 10); do
        a=$(cpu_ms "$node"); sa=$(cpu_ms "$simulator")
        sleep 2
        b=$(cpu_ms "$node"); sb=$(cpu_ms "$simulator")
        wake_once
        sleep 2
        c=$(cpu_ms "$node"); sc=$(cpu_ms "$simulator")
        quiet=$((quiet + b - a)); bursts=$((bursts + c - b))
        sim_quiet=$((sim_quiet + sb - sa)); sim_bursts=$((sim_bursts + sc - sb))
    done
    wait "$simulator"
    per_wake_up=$(( (bursts - quiet) / 10 ))
    checkin_us=$(checkin_cpu_us)
    kill "$node"; wait "$node" 2>/dev/null || true
    echo "== $server: node CPU $quiet ms in 10 quiet windows of 2 s, $bursts ms in 10 with a wake-up each:" \
        "$per_wake_up ms per wake-up of 2,000 agents, $(( per_wake_up * 1000 / 2000 )) us per woken agent;" \
        "the simulator's $(( (sim_bursts - sim_quiet) / 10 )) ms"
    awk -v agent="$per_wake_up" -v checkin="$checkin_us" 'BEGIN {
        ratio = agent * 1000 / 2000 / checkin
        printf "   one check-in on the same node: %.1f us; a woken agent costs %.2f check-ins (target at most 3: %s)\n",
            checkin, ratio, (ratio <= 3 ? "met" : "MISSED") }'
    tail -1 "$work/simulator.log"
done
