#!/usr/bin/env bash
# wrk drives every HTTP case: installed from Debian's packages when missing (as root), else a clear stop.
set -euo pipefail
command -v wrk >/dev/null && exit 0
if [ "$(id -u)" = 0 ]; then
    apt-get install -y -q wrk >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; }
else
    echo "wrk is missing: apt-get install wrk" >&2
    exit 1
fi
