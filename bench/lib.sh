# Shared by the benchmark scripts (sourced, not run): a scratch directory and the processes to
# stop on exit, and a fresh PostgreSQL schema.
work=$(mktemp -d)
pids=()
declare -A server_pid # name given to start -> its process, for its CPU time per request
stop_servers() { # the servers started so far: their heaps and timers would disturb what runs next
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    pids=()
}
cleanup() {
    stop_servers
    rm -rf "$work"
}
trap cleanup EXIT

reset_schema() { # psql_url schema
    psql -q "$1" -c "set client_min_messages to warning" -c "drop schema if exists $2 cascade" \
        -c "create schema $2" >/dev/null
}

reset_database() { # psql_url name: a fresh database beside the one psql_url names
    psql -q "$1" -c "set client_min_messages to warning" -c "drop database if exists $2 with (force)" >/dev/null
    psql -q "$1" -c "create database $2" >/dev/null
}
# The JDBC URL of another database on the same server: jdbc:postgresql://host:port/db?query -> .../name?query
jdbc_of_database() { # jdbc_url name
    local url=$1 query=""
    [[ "$url" == *\?* ]] && query="?${url#*\?}" && url=${url%%\?*}
    echo "${url%/*}/$2$query"
}

start() { # name port command...
    local name=$1 port=$2; shift 2
    "$@" > "$work/$name.log" 2>&1 &
    pids+=($!)
    server_pid[$name]=$!
    for _ in $(seq 1 120); do
        curl -s -o /dev/null "http://127.0.0.1:$port/" && return 0
        sleep 0.5
    done
    echo "$name did not start; its log:" >&2; cat "$work/$name.log" >&2; exit 1
}

json_field() { # the first "name":"value" of a JSON text
    grep -o "\"$1\":\"[^\"]*\"" | head -1 | cut -d'"' -f4
}
# One registered, signed-in agent per store: "<agent id> <agent token>".
agent_of() { # port user_token [project, default bench]
    local port=$1 token=$2 project=${3:-bench} registered agent password
    registered=$(curl -s -X POST "http://127.0.0.1:$port/v2/$project/agents" -H "X-Auth-Token: $token" \
        -H 'Content-Type: application/json' \
        -d '{"name":"bench","version":"1","host":{"flavor":"nova","region":"DFW","machine":{"id":"bench"},
             "os":{"name":"Linux","version":"6","architecture":"64-bit"},"fingerprint":"bench-host",
             "addresses":[{"version":4,"addr":"10.0.0.1"}]},"rsa_public_key":{"modulus":"C5A1D3E7","exponent":10001}}')
    agent=$(echo "$registered" | json_field id)
    password=$(echo "$registered" | json_field password)
    echo "$agent $(curl -s -X POST "http://127.0.0.1:$port/v2/$project/agents/tokens" -H 'Content-Type: application/json' \
        -d "{\"id\":\"$agent\",\"password\":\"$password\",\"host\":{\"fingerprint\":\"bench-host\"}}" | json_field id)"
}

# One signed-in agent per node of $variants ("name:port" each): agent[name] and agent_token[name].
declare -A agent agent_token
agents_of_variants() { # user_token
    local variant name port
    for variant in "${variants[@]}"; do
        name=${variant%%:*} port=${variant##*:}
        read -r "agent[$name]" "agent_token[$name]" < <(agent_of "$port" "$1")
        [ -n "${agent_token[$name]}" ] || { echo "could not set up an agent on $name" >&2; exit 1; }
    done
}

cpu_ticks() { # pid: user + system CPU time so far, in clock ticks (0 if the process is gone)
    awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0
}

# One wrk run of a case, appended to $results as a tab-separated line (needs $connections, $seconds).
# The label starts with the name the serving process was started under (ceiling_get: "ceiling"):
# its CPU time per answered request is recorded too, a measure of work that, unlike req/s, does
# not move when a neighbour on a shared machine takes the CPU away.
run_wrk() { # label round url script token
    local label=$1 round=$2 url=$3 script=$4 token_value=$5
    local pid=${server_pid[${label%%_*}]:-} ticks_before=0 ticks_after=0
    cat "bench/wrk/$script" bench/wrk/report.lua > "$work/case.lua"
    [ -n "$pid" ] && ticks_before=$(cpu_ticks "$pid")
    TOKEN=$token_value wrk -t1 -c"$connections" -d"${seconds}s" -s "$work/case.lua" "$url" > "$work/wrk.out" 2>&1 || true
    [ -n "$pid" ] && ticks_after=$(cpu_ticks "$pid")
    local line
    line=$(grep '^RESULT' "$work/wrk.out" || echo "RESULT rps=0 p50_ms=0 p99_ms=0 non2xx=0 socket_errors=-1 requests=0")
    local requests cpu_us=0
    requests=$(echo "$line" | grep -o 'requests=[0-9]*' | cut -d= -f2)
    if [ "${requests:-0}" -gt 0 ]; then
        cpu_us=$(awk -v t=$((ticks_after - ticks_before)) -v hz="$(getconf CLK_TCK)" -v n="$requests" \
            'BEGIN {printf "%.1f", t / hz * 1e6 / n}')
    fi
    echo -e "$label\t$round\t$(echo "$line" | sed 's/^RESULT //; s/ /\t/g')\tcpu_us=$cpu_us" >> "$results"
}

marker_of() { # port agent token [project]: the newest id of the agent's feed, so the check-in finds nothing new
    curl -s "http://127.0.0.1:$1/v2/${4:-bench}/agents/$2/events?sort_dir=desc&limit=1" -H "X-Auth-Token: $3" \
        | json_field id
}
checkin_url() { # port agent token [project]
    local marker
    marker=$(marker_of "$@")
    echo "http://127.0.0.1:$1/v2/${4:-bench}/agents/$2/events${marker:+?marker=$marker}"
}

# One warm-up round of the caller's cases() (not counted; ${warmup_seconds:-15} s a case, so the JIT
# has compiled the request path before anything is measured), then $rounds rounds into $results.
run_rounds() {
    local measured_seconds=$seconds
    seconds=${warmup_seconds:-15}
    echo "warming up (one round of $seconds s a case, not counted)..."
    cases 0
    seconds=$measured_seconds
    : > "$results"
    for round in $(seq 1 "$rounds"); do
        echo "round $round of $rounds ($seconds s per run, wrk -t1 -c$connections)..."
        cases "$round"
    done
}
