#!/usr/bin/env bash
# User tokens from Keystone against tokens-file tokens (docs/BENCHMARKS.md), in memory, once the
# token cache is warm.
#   bench/identity.sh [--seconds N] [--rounds N] [--warmup-seconds N] [--connections N]
# Starts a real Keystone (Debian's package, its database on the local PostgreSQL) and two nodes
# of agent-events: "file" with a tokens file only, "keystone" with the same file and Keystone.
# Round after round, wrk drives on each node the project-wide activation (file's with the
# tokens-file token, keystone's with a Keystone token) and an agent's check-in (an agent
# registered with those tokens). The table gives keystone's req/s and CPU time per request as
# ratios to file's: the target is at least 0.95 in req/s.
set -euo pipefail
cd "$(dirname "$0")/.."

warmup_seconds=10 seconds=5 rounds=3 connections=64
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
OS_KEYSTONE_CONFIG_FILES="$work/keystone/keystone.conf" start keystone 18150 \
    keystone-wsgi-public --host 127.0.0.1 --port 18150

sign_in() { # user password project: a project-scoped token
    curl -s -D - -o /dev/null -X POST "$keystone_url/auth/tokens?nocatalog" -H 'Content-Type: application/json' \
        -d "{\"auth\":{\"identity\":{\"methods\":[\"password\"],\"password\":{\"user\":{\"name\":\"$1\",
             \"domain\":{\"id\":\"default\"},\"password\":\"$2\"}}},
             \"scope\":{\"project\":{\"name\":\"$3\",\"domain\":{\"id\":\"default\"}}}}}" \
        | awk 'tolower($1) == "x-subject-token:" {print $2}' | tr -d '\r'
}
admin_token=$(sign_in admin "$admin_password" admin)
keystone_post() { # path body: the answer's first "id"
    curl -s -X POST "$keystone_url$1" -H "X-Auth-Token: $admin_token" -H 'Content-Type: application/json' -d "$2" \
        | json_field id
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
echo "$file_token $project admin" > "$work/tokens"
export ACCESS_LOG_LEVEL=WARN
product_options=(--tokens-file "$work/tokens" --rate-limit 1000000000)
start file 18151 java -Xmx2g -jar "$jar" --port 18151 "${product_options[@]}"
KEYSTONE_PASSWORD=$service_password start keystone 18152 java -Xmx2g -jar "$jar" --port 18152 "${product_options[@]}" \
    --keystone-url "$keystone_url" --keystone-user agent-events --keystone-project service

read -r file_agent file_agent_token < <(agent_of 18151 "$file_token" "$project")
read -r keystone_agent keystone_agent_token < <(agent_of 18152 "$keystone_token" "$project")
[ -n "$file_agent_token" ] && [ -n "$keystone_agent_token" ] || { echo "could not set up the agents" >&2; exit 1; }

results="$work/results.tsv"
cases() { # round
    run_wrk file_activation "$1" "http://127.0.0.1:18151/v2/$project/events" post-activation.lua "$file_token"
    run_wrk keystone_activation "$1" "http://127.0.0.1:18152/v2/$project/events" post-activation.lua "$keystone_token"
    run_wrk file_checkin "$1" "$(checkin_url 18151 "$file_agent" "$file_agent_token" "$project")" \
        get-with-token.lua "$file_agent_token"
    run_wrk keystone_checkin "$1" "$(checkin_url 18152 "$keystone_agent" "$keystone_agent_token" "$project")" \
        get-with-token.lua "$keystone_agent_token"
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
    END {
        printf "%-12s %12s %12s %8s %9s %9s %9s %8s %8s\n", "case", "file req/s", "kst req/s", "ratio", "file p99", "kst p99", "file us", "kst us", "errors"
        split("activation checkin", order, " ")
        for (i = 1; i <= 2; i++) {
            f = "file_" order[i]; k = "keystone_" order[i]
            ratio = rps[f] > 0 ? rps[k] / rps[f] : 0
            printf "%-12s %12.0f %12.0f %8.3f %9.2f %9.2f %9.1f %8.1f %8d  %s\n", order[i], rps[f] / n[f], rps[k] / n[k], ratio,
                p99[f] / n[f], p99[k] / n[k], cpu[f] / n[f], cpu[k] / n[k], bad[f] + bad[k], ratio >= 0.95 ? "met 0.95" : "MISSED 0.95"
        }
        printf "\nmeans of the rounds; ratio = Keystone node / tokens-file node in req/s; us = CPU time per request\n"
    }' "$results"
psql -q "$psql_server/test" -c "drop database if exists $keystone_db with (force)" >/dev/null
