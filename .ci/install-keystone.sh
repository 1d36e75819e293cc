#!/usr/bin/env bash
# The identity tests drive a real OpenStack Keystone: Debian's package, with the PostgreSQL driver
# its database needs. Installed when missing (as root); about two minutes the first time.
set -euo pipefail
if command -v keystone-manage >/dev/null && command -v keystone-wsgi-public >/dev/null \
        && /usr/bin/python3 -c 'import psycopg2' 2>/dev/null; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "Keystone is missing: apt-get install keystone python3-psycopg2 (as root)" >&2
    exit 1
fi
echo "installing Keystone (Debian's keystone and python3-psycopg2)..."
export DEBIAN_FRONTEND=noninteractive
# The package starts no service here (policy-rc.d, no systemd); each test class runs its own.
apt-get install -y -q keystone python3-psycopg2 >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q keystone python3-psycopg2 >/dev/null; }
command -v keystone-manage >/dev/null
