#!/usr/bin/env bash
# Sign-in under a flood (docs/BENCHMARKS.md): does one client guessing one agent's password slow
# everyone else down? On the in-memory store with default settings:
#   bench/abuse.sh [--seconds N] [--connections N] [--jar PATH]   (--jar: another build, e.g. an older one)
# (a) baseline: a legitimate client (its own address, 127.0.0.2) signs other agents in 10 times a
#     second and reads statuses 20 times a second, alone;
# (b) flood: the same, while wrk posts wrong passwords for one known agent from 127.0.0.1 on 64
#     connections as fast as the service answers;
# then the legitimate sign-in p50/p99 and status p99 of both, their ratios, and the targets
# (sign-in p99 under the flood at most 3x without and at most 250 ms; status p99 at most 2x).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 connections=64 jar=bootstrap/target/agent-events.jar build=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --jar) jar=$2; build=no; shift 2 ;;
        -h|--help) sed -n 2,11p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done
bash bench/require-wrk.sh
if [ $build = yes ]; then
    echo "building..."
    mvn -B -q install -DskipTests
fi
source bench/lib.sh

port=18120
token="abuse-user-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
echo "$token bench admin" > "$work/tokens"
start product $port java -Xmx512m -jar "$jar" --port $port --tokens-file "$work/tokens"

register() { # name fingerprint: "<id> <password> <fingerprint>"
    local registered
    registered=$(curl -s -X POST "http://127.0.0.1:$port/v2/bench/agents" -H "X-Auth-Token: $token" \
        -H 'Content-Type: application/json' \
        -d "{\"name\":\"$1\",\"version\":\"1\",\"host\":{\"flavor\":\"nova\",\"region\":\"DFW\",\"machine\":{\"id\":\"$1\"},
             \"os\":{\"name\":\"Linux\",\"version\":\"6\",\"architecture\":\"64-bit\"},\"fingerprint\":\"$2\",
             \"addresses\":[{\"version\":4,\"addr\":\"10.0.0.1\"}]},\"rsa_public_key\":{\"modulus\":\"C5A1D3E7\",\"exponent\":10001}}")
    echo "$(echo "$registered" | json_field id) $(echo "$registered" | json_field password) $2"
}
read -r victim _ victim_fingerprint < <(register victim fp-victim)
for i in $(seq 1 20); do register "agent-$i" "fp-agent-$i"; done > "$work/agents"

legit() { # label
    java bench/abuse/LegitClient.java 127.0.0.1 $port 127.0.0.2 bench "$token" "$work/agents" "$seconds" 10 20 \
        | grep '^RESULT' | sed "s/^RESULT/$1/"
}
field() { # line name
    echo "$1" | grep -o "$2=[0-9.]*" | cut -d= -f2
}

echo "baseline: the legitimate client alone, ${seconds} s after a 10 s warm-up"
baseline=$(legit baseline)
echo "$baseline"
echo "flood: $connections connections of wrong passwords for agent $victim, ${seconds} s, with the legitimate client (after its 10 s warm-up)"
cat bench/wrk/post-wrong-password.lua bench/wrk/report.lua > "$work/flood.lua"
AGENT=$victim FINGERPRINT=$victim_fingerprint wrk -t1 -c"$connections" -d"$((seconds + 13))s" -s "$work/flood.lua" \
    "http://127.0.0.1:$port/v2/bench/agents/tokens" > "$work/flood.out" 2>&1 &
flood_pid=$!
sleep 1
flooded=$(legit flooded)
wait $flood_pid || true
echo "$flooded"
echo "the flood: $(grep '^RESULT' "$work/flood.out" | sed 's/^RESULT //') (every answer a refusal: 401, then 429)"

awk -v b="$baseline" -v f="$flooded" 'function get(line, name,   m) {
        if (match(line, name "=[0-9.]+")) { return substr(line, RSTART + length(name) + 1, RLENGTH - length(name) - 1) + 0 }
        return 0 }
    BEGIN {
        bp99 = get(b, "sign_in_p99_ms"); fp99 = get(f, "sign_in_p99_ms")
        bs99 = get(b, "status_p99_ms"); fs99 = get(f, "status_p99_ms")
        printf "\n| | sign-in p50 ms | sign-in p99 ms | status p99 ms |\n|---|---:|---:|---:|\n"
        printf "| alone | %.2f | %.2f | %.2f |\n", get(b, "sign_in_p50_ms"), bp99, bs99
        printf "| under the flood | %.2f | %.2f | %.2f |\n", get(f, "sign_in_p50_ms"), fp99, fs99
        r1 = bp99 > 0 ? fp99 / bp99 : 0; r2 = bs99 > 0 ? fs99 / bs99 : 0
        printf "\nsign-in p99 ratio %.2f (target <= 3, and p99 <= 250 ms: %s); status p99 ratio %.2f (target <= 2: %s)\n",
            r1, (r1 <= 3 && fp99 <= 250) ? "met" : "missed", r2, r2 <= 2 ? "met" : "missed"
    }'
