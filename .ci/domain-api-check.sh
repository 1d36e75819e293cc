#!/usr/bin/env bash
# The domain jar's promise to other backends, after japicmp has compared it with the previous
# release (domain/pom.xml runs this in verify):
#   .ci/domain-api-check.sh JAPICMP_XML VERSION PREVIOUS_VERSION
# No binary-incompatible change: fine. Otherwise the version must say so (the major part up, or
# while 0.x the minor part up) and CHANGELOG.md's section of VERSION must name every class that
# broke, on its "Domain API" lines, with how to move.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
report="$1" version="${2%-SNAPSHOT}" previous="$3"

broken=$(grep -o '<class [^>]*binaryCompatible="false"[^>]*' "$report" \
    | sed -E 's/.*fullyQualifiedName="([^"]+)".*/\1/' | sort -u || true)
if [ -z "$broken" ]; then
    echo "domain API: binary compatible with $previous"
    exit 0
fi
list=$(echo "$broken" | sed 's/^/  /')
IFS=. read -r major minor _ <<< "$version"
IFS=. read -r previous_major previous_minor _ <<< "$previous"
if ! { [ "$major" -gt "$previous_major" ] \
        || { [ "$major" -eq 0 ] && [ "$previous_major" -eq 0 ] && [ "$minor" -gt "$previous_minor" ]; }; }; then
    echo "domain API: binary-incompatible changes against release $previous, but version $version promises" \
        "compatibility (raise the minor part while 0.x, the major part after):" >&2
    echo "$list" >&2
    echo "see domain/target/japicmp/ for the whole report" >&2
    exit 1
fi
section=$(awk -v v="## $version " 'index($0, v) == 1 { inside = 1; next } /^## / { inside = 0 } inside' "$root/CHANGELOG.md")
notes=$(echo "$section" | grep -i -A20 '^Domain API' || true)
missing=""
for class in $broken; do
    simple="${class##*.}"
    echo "$notes" | grep -q -w "$simple" || missing="$missing $simple"
done
if [ -n "$missing" ]; then
    echo "domain API: version $version breaks compatibility with $previous, as it may, but CHANGELOG.md's" \
        "'Domain API' notes of $version do not name:$missing (say what broke and how to move)" >&2
    exit 1
fi
echo "domain API: incompatible with $previous as version $version allows, and CHANGELOG.md says how to move:"
echo "$list"
