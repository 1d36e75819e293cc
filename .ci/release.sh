#!/usr/bin/env bash
# Builds a release listed in CHANGELOG.md from the commit it was cut from, in a temporary clone of
# this repository, and keeps its jars under target/releases/VERSION/ (built once, then reused):
#   .ci/release.sh previous        the newest release with a commit (what this build is compared with)
#   .ci/release.sh VERSION         any release listed
# Prints the folder holding agent-events-domain.jar and agent-events.jar, and installs the domain
# jar in the local Maven repository as io.agentevents:agent-events-domain:VERSION, for japicmp. Git tags may not travel
# with the repository, so the commit comes from CHANGELOG.md, whose release lines read
#   ## VERSION — DATE — commit <40 hex digits>
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
wanted="${1:?usage: .ci/release.sh previous|VERSION}"

line=$(grep -E '^## [0-9]+\.[0-9]+\.[0-9]+ — .* — commit [0-9a-f]{40}$' "$root/CHANGELOG.md" \
    | { if [ "$wanted" = previous ]; then head -n1; else grep -F "## $wanted — " || true; fi })
if [ -z "$line" ]; then
    echo "release.sh: CHANGELOG.md lists no release '$wanted' with a commit" >&2
    exit 2
fi
version=$(echo "$line" | sed -E 's/^## ([0-9.]+) .*/\1/')
commit=$(echo "$line" | sed -E 's/.* commit ([0-9a-f]{40})$/\1/')
out="$root/target/releases/$version"
install_domain() {
    local installed="${MAVEN_REPOSITORY:-$HOME/.m2/repository}/io/agentevents/agent-events-domain/$version/agent-events-domain-$version.jar"
    if ! cmp -s "$out/agent-events-domain.jar" "$installed"; then
        (cd "$out" && mvn -B -q org.apache.maven.plugins:maven-install-plugin:3.1.4:install-file \
            -Dfile="$out/agent-events-domain.jar" -DgroupId=io.agentevents -DartifactId=agent-events-domain \
            -Dversion="$version" -Dpackaging=jar) >&2
    fi
}
if [ -f "$out/commit" ] && [ "$(cat "$out/commit")" = "$commit" ] \
        && [ -f "$out/agent-events.jar" ] && [ -f "$out/agent-events-domain.jar" ]; then
    install_domain
    echo "$out"
    exit 0
fi
if ! git -C "$root" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "release.sh: commit $commit of release $version is not in this repository's history" \
        "(a shallow clone? fetch it with git fetch --unshallow)" >&2
    exit 1
fi

clone=$(mktemp -d "${TMPDIR:-/tmp}/agent-events-release-$version.XXXXXX")
trap 'rm -rf "$clone"' EXIT
echo "release.sh: building release $version from commit $commit in $clone" >&2
git clone -q --no-checkout "$root" "$clone/src"
git -C "$clone/src" checkout -q "$commit"
# package, not install: the release's artifacts must not replace this build's in the local repository.
(cd "$clone/src" && mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dagent-events.skip-release-check=true) >&2
mkdir -p "$out"
cp "$clone/src/bootstrap/target/agent-events.jar" "$out/agent-events.jar"
cp "$(ls "$clone/src/domain/target/"agent-events-domain-*.jar | grep -v -e sources -e tests -e javadoc | head -n1)" \
    "$out/agent-events-domain.jar"
echo "$commit" > "$out/commit"
install_domain
echo "$out"
