#!/usr/bin/env bash
# Sign-in under a flood (docs/BENCHMARKS.md): does one client guessing one agent's password slow
# everyone else down, or keep them out? On the in-memory store, default settings, with
# --trusted-proxies 127.0.0.1 (a proxy that sends no Forwarded header is its own client):
#   bench/abuse.sh [--seconds N] [--connections N] [--jar PATH]   (--jar: another build, e.g. an older one)
# (a) baseline: a legitimate client (source 127.0.0.2) signs other agents in 10 times a second and
#     reads statuses 20 times a second, alone;
# (b) flood from another address: the same, while wrk posts wrong passwords for one known agent
#     from 127.0.0.1 on 64 connections as fast as the service answers;
# (c) the same address: flood and legitimate client both from 127.0.0.1 (one NAT);
# (d) through a trusted proxy: both from 127.0.0.1 with X-Forwarded-For 198.51.100.7 (one NAT
#     behind a load balancer);
# then each case's legitimate sign-in p50/p99 and status p99, their ratios to (a), and the targets
# (sign-in p99 under a flood at most 3x alone and at most 250 ms; status p99 at most 2x).
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 connections=64 jar=bootstrap/target/agent-events.jar build=yes
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        --jar) jar=$2; build=no; shift 2 ;;
        -h|--help) sed -n 2,15p "$0"; exit 0 ;;
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
start product $port java -Xmx512m -jar "$jar" --port $port --tokens-file "$work/tokens" --trusted-proxies 127.0.0.1

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

legit() { # label source-address
    java bench/abuse/LegitClient.java 127.0.0.1 $port "$2" bench "$token" "$work/agents" "$seconds" 10 20 \
        | grep '^RESULT' | sed "s/^RESULT/$1/"
}

echo "(a) baseline: the legitimate client alone, ${seconds} s after a 10 s warm-up"
baseline=$(legit baseline 127.0.0.2)
echo "$baseline"
cat bench/wrk/post-wrong-password.lua bench/wrk/report.lua > "$work/flood.lua"

flooded() { # label legit-source forwarded-for
    echo "($1) $connections connections of wrong passwords for agent $victim from 127.0.0.1${3:+ as $3}, ${seconds} s," \
        "with the legitimate client from $2${3:+ as $3} (after its 10 s warm-up)" >&2
    FORWARDED_FOR=$3 AGENT=$victim FINGERPRINT=$victim_fingerprint wrk -t1 -c"$connections" -d"$((seconds + 13))s" \
        --timeout 10s -s "$work/flood.lua" "http://127.0.0.1:$port/v2/bench/agents/tokens" > "$work/flood-$1.out" 2>&1 &
    local flood_pid=$!
    sleep 1
    FORWARDED_FOR=$3 legit "$1" "$2"
    wait $flood_pid || true
    echo "the flood: $(grep '^RESULT' "$work/flood-$1.out" | sed 's/^RESULT //') (every answer a 401)" >&2
}
other=$(flooded b 127.0.0.2 "")
echo "$other"
same=$(flooded c 127.0.0.1 "")
echo "$same"
proxied=$(flooded d 127.0.0.1 198.51.100.7)
echo "$proxied"

awk -v b="$baseline" -v o="$other" -v s="$same" -v p="$proxied" 'function get(line, name,   m) {
        if (match(line, name "=[0-9.]+")) { return substr(line, RSTART + length(name) + 1, RLENGTH - length(name) - 1) + 0 }
        return 0 }
    function row(label, line,   p99, s99, r1, r2) {
        p99 = get(line, "sign_in_p99_ms"); s99 = get(line, "status_p99_ms")
        r1 = bp99 > 0 ? p99 / bp99 : 0; r2 = bs99 > 0 ? s99 / bs99 : 0
        printf "| %s | %.2f | %.2f | %.2f | %.2f (%s) | %.2f (%s) |\n", label, get(line, "sign_in_p50_ms"), p99, s99,
            r1, (r1 <= 3 && p99 <= 250) ? "met" : "missed", r2, r2 <= 2 ? "met" : "missed"
    }
    BEGIN {
        bp99 = get(b, "sign_in_p99_ms"); bs99 = get(b, "status_p99_ms")
        printf "\n| case | sign-in p50 ms | sign-in p99 ms | status p99 ms | sign-in p99 ratio (<= 3, <= 250 ms) | status p99 ratio (<= 2) |\n"
        printf "|---|---:|---:|---:|---:|---:|\n"
        printf "| (a) alone | %.2f | %.2f | %.2f | | |\n", get(b, "sign_in_p50_ms"), bp99, bs99
        row("(b) flood from another address", o)
        row("(c) flood from the same address", s)
        row("(d) both through a trusted proxy, one forwarded address", p)
    }'
echo "legitimate answers by status: (b) $(echo "$other" | grep -o 'answers=.*'), (c) $(echo "$same" | grep -o 'answers=.*'), (d) $(echo "$proxied" | grep -o 'answers=.*')"
