#!/usr/bin/env bash
# The browser tests drive a real Chromium through its WebDriver: Debian's chromium and
# chromium-driver. Installed when missing (as root); about a minute the first time.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    exit 0
fi
if [ "$(id -u)" != 0 ]; then
    echo "Chromium is missing: apt-get install chromium chromium-driver (as root)" >&2
    exit 1
fi
echo "installing Chromium (Debian's chromium and chromium-driver)..."
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q chromium chromium-driver >/dev/null 2>&1 \
    || { apt-get update -q >/dev/null && apt-get install -y -q chromium chromium-driver >/dev/null; }
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
