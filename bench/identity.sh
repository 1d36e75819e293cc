#!/usr/bin/env bash
# User tokens from Keystone against tokens-file tokens (docs/BENCHMARKS.md), in memory, once the
# token cache is warm.
#   bench/identity.sh [--seconds N] [--rounds N] [--warmup-seconds N] [--connections N]
# Starts a real Keystone (Debian's package, its database on the local PostgreSQL) and two nodes
# of agent-events: "keystone" with a tokens file and Keystone, "file" with the tokens file only.
# Round after round, wrk drives on the Keystone node the project-wide activation with a
# tokens-file token and with a Keystone token, and the check-in of an agent registered with each;
# on the file node the same activation and check-in, as a reference. The table gives req/s, p99
# and CPU time per request as ratios: the target is at least 0.95 for the Keystone tokens.
set -euo pipefail
cd "$(dirname "$0")/.."

warmup_seconds=15 seconds=5 rounds=4 connections=64
while [ $# -gt 0 ]; do
    case "$1" in
        --seconds) seconds=$2; shift 2 ;;
        --warmup-seconds) warmup_seconds=$2; shift 2 ;;
        --rounds) rounds=$2; shift 2 ;;
        --connections) connections=$2; shift 2 ;;
        -h|--help) sed -n 2,11p "$0"; exit 0 ;;
        *) echo "unknown option $1; see --help" >&2; exit 2 ;;
    esac
done

bash bench/require-wrk.sh
bash .ci/install-keystone.sh
for tool in psql curl java mvn; do
    command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }
done
psql_server=${PSQL_SERVER_URL:-postgresql://postgres@127.0.0.1:5432}
jar=bootstrap/target/agent-events.jar
echo "building..."
mvn -B -q install -DskipTests

source bench/lib.sh

# Keystone: its own database, Fernet keys in the scratch directory, its public API on 18150.
keystone_db=bench_keystone
keystone_url=http://127.0.0.1:18150/v3
admin_password="admin-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
psql -q "$psql_server/test" -c "drop database if exists $keystone_db with (force)" -c "create database $keystone_db"
mkdir -p "$work/keystone/fernet" "$work/keystone/credential"
cat > "$work/keystone/keystone.conf" <<CONF
[DEFAULT]
log_file = $work/keystone/keystone.log
[database]
connection = $psql_server/$keystone_db
[token]
provider = fernet
[fernet_tokens]
key_repository = $work/keystone/fernet
[fernet_receipts]
key_repository = $work/keystone/fernet
[credential]
key_repository = $work/keystone/credential
CONF
manage() { keystone-manage --config-file "$work/keystone/keystone.conf" "$@" > "$work/keystone/manage.log" 2>&1 \
    || { echo "keystone-manage $1 failed:" >&2; tail -20 "$work/keystone/manage.log" >&2; exit 1; }; }
echo "setting up Keystone..."
manage db_sync
manage fernet_setup --keystone-user root --keystone-group root
manage credential_setup --keystone-user root --keystone-group root
manage bootstrap --bootstrap-password "$admin_password" --bootstrap-public-url "$keystone_url/"
OS_KEYSTONE_CONFIG_FILES="$work/keystone/keystone.conf" start identity 18150 \
    keystone-wsgi-public --host 127.0.0.1 --port 18150

sign_in() { # user password project: a project-scoped token
    curl -s -D - -o /dev/null -X POST "$keystone_url/auth/tokens?nocatalog" -H 'Content-Type: application/json' \
        -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$1\",
             \"domain\":{\"id\":\"default\"},\"password\":\"$2\"}}},
             \"scope\":{\"project\":{\"name\":\"$3\",\"domain\":{\"id\":\"default\"}}}}}" \
        | awk 'tolower($1) == "x-subject-token:" {print $2}' | tr -d '\r'
}
admin_token=$(sign_in admin "$admin_password" admin)
keystone_post() { # path body: the answer's first "id" (Keystone writes a space after the colon)
    curl -s -X POST "$keystone_url$1" -H "X-Auth-Token: $admin_token" -H 'Content-Type: application/json' -d "$2" \
        | grep -o '"id": *"[^"]*"' | head -1 | cut -d'"' -f4
}
grant() { # project user role
    curl -s -o /dev/null -X PUT "$keystone_url/projects/$1/users/$2/roles/$3" -H "X-Auth-Token: $admin_token"
}
service_project=$(keystone_post /projects '{"project":{"name":"service","domain_id":"default"}}')
service_role=$(keystone_post /roles '{"role":{"name":"service"}}')
admin_role=$(keystone_post /roles '{"role":{"name":"cloudBackup:admin"}}')
service_password="svc-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
grant "$service_project" "$(keystone_post /users "{\"user\":{\"name\":\"agent-events\",\"password\":\"$service_password\",\"domain_id\":\"default\"}}")" "$service_role"
project=$(keystone_post /projects '{"project":{"name":"bench","domain_id":"default"}}')
user_password="user-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
grant "$project" "$(keystone_post /users "{\"user\":{\"name\":\"bench-admin\",\"password\":\"$user_password\",\"domain_id\":\"default\"}}")" "$admin_role"
keystone_token=$(sign_in bench-admin "$user_password" bench)
[ -n "$keystone_token" ] || { echo "could not get a Keystone token" >&2; exit 1; }

file_token="bench-user-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
# A tokens-file token as long as Keystone's (Fernet tokens are long), so that a comparison of the
# two kinds does not measure the header's length; the length's own cost has a row of its own.
long_file_token=$(od -An -N"$(( (${#keystone_token} + 1) / 2 ))" -tx1 /dev/urandom | tr -d ' \n' | cut -c1-"${#keystone_token}")
printf '%s %s admin\n%s %s admin\n' "$file_token" "$project" "$long_file_token" "$project" > "$work/tokens"
export ACCESS_LOG_LEVEL=WARN
product_options=(--tokens-file "$work/tokens" --rate-limit 1000000000)
start file 18151 java -Xmx2g -jar "$jar" --port 18151 "${product_options[@]}"
# The cache is kept warm for the whole run (what is measured is a warm cache, not Keystone).
KEYSTONE_PASSWORD=$service_password start keystone 18152 java -Xmx2g -jar "$jar" --port 18152 "${product_options[@]}" \
    --keystone-url "$keystone_url" --keystone-user agent-events --keystone-project service --token-cache-ttl 30m

# On the Keystone node, one agent registered with each kind of token; on the file node, one.
read -r kagent kagent_token < <(agent_of 18152 "$keystone_token" "$project")
read -r fagent fagent_token < <(agent_of 18152 "$long_file_token" "$project")
read -r refagent refagent_token < <(agent_of 18151 "$file_token" "$project")
[ -n "$kagent_token" ] && [ -n "$fagent_token" ] && [ -n "$refagent_token" ] || { echo "could not set up the agents" >&2; exit 1; }

results="$work/results.tsv"
activation() { # label round port token
    run_wrk "$1" "$2" "http://127.0.0.1:$3/v2/$project/events" post-activation.lua "$4"
}
checkin() { # label round port agent agent_token
    run_wrk "$1" "$2" "$(checkin_url "$3" "$4" "$5" "$project")" get-with-token.lua "$5"
}
cases() { # round: each pair in turns of which goes first, so drift favours neither
    local r=$1
    if [ $((r % 2)) = 0 ]; then
        activation keystone_act-short "$r" 18152 "$file_token"
        activation keystone_act-file "$r" 18152 "$long_file_token"; activation keystone_act-keystone "$r" 18152 "$keystone_token"
        checkin keystone_chk-file "$r" 18152 "$fagent" "$fagent_token"; checkin keystone_chk-keystone "$r" 18152 "$kagent" "$kagent_token"
        activation file_act-ref "$r" 18151 "$long_file_token"; checkin file_chk-ref "$r" 18151 "$refagent" "$refagent_token"
    else
        activation keystone_act-keystone "$r" 18152 "$keystone_token"; activation keystone_act-file "$r" 18152 "$long_file_token"
        activation keystone_act-short "$r" 18152 "$file_token"
        checkin keystone_chk-keystone "$r" 18152 "$kagent" "$kagent_token"; checkin keystone_chk-file "$r" 18152 "$fagent" "$fagent_token"
        checkin file_chk-ref "$r" 18151 "$refagent" "$refagent_token"; activation file_act-ref "$r" 18151 "$long_file_token"
    fi
}
run_rounds

echo
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -1); Keystone $(dpkg-query -W -f '${Version}' keystone)"
echo "Keystone was asked $(curl -s http://127.0.0.1:18152/metrics \
    | awk '/^agent_events_identity_validations_total/ {n += $2} END {print n + 0}') times in all (the rest from the cache)"
echo
awk -F'\t' '
    function value(field) { split(field, kv, "="); return kv[2] + 0 }
    { n[$1]++; rps[$1] += value($3); p99[$1] += value($5); bad[$1] += value($6) + value($7); cpu[$1] += value($9) }
    function row(what, base, mine, goal,    ratio) {
        ratio = rps[base] > 0 ? (rps[mine] / n[mine]) / (rps[base] / n[base]) : 0
        printf "%-50s %9.0f %9.0f %7.3f %8.2f %8.2f %7.1f %7.1f %6d  %s\n", what, rps[base] / n[base], rps[mine] / n[mine],
            ratio, p99[base] / n[base], p99[mine] / n[mine], cpu[base] / n[base], cpu[mine] / n[mine], bad[base] + bad[mine],
            goal ? (ratio >= 0.95 ? "met 0.95" : "MISSED 0.95") : ""
    }
    END {
        printf "%-50s %9s %9s %7s %8s %8s %7s %7s %6s\n", "case: base -> measured", "base r/s", "r/s", "ratio", "base p99", "p99", "base us", "us", "errors"
        row("activation: file token -> Keystone token", "keystone_act-file", "keystone_act-keystone", 1)
        row("check-in: file-token agent -> Keystone-token agent", "keystone_chk-file", "keystone_chk-keystone", 1)
        row("activation: file token, short -> as long", "keystone_act-short", "keystone_act-file", 0)
        row("activation: file-only node -> Keystone node", "file_act-ref", "keystone_act-keystone", 0)
        row("check-in: file-only node -> Keystone node", "file_chk-ref", "keystone_chk-keystone", 0)
        printf "\nmeans of the rounds; ratio = measured / base in req/s; p99 in ms; us = CPU time per request.\n"
        printf "The first three rows are on one node (Keystone configured), tokens-file tokens as long as\n"
        printf "Keystone'"'"'s but in the third (%d characters against %d); the last two compare the node with\n", short, long
        printf "one that has only the tokens file, so they carry the process-to-process spread too.\n"
    }' short=${#file_token} long=${#keystone_token} "$results"
psql -q "$psql_server/test" -c "drop database if exists $keystone_db with (force)" >/dev/null
