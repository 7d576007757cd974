#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs Port's published template renderer, npm @port-labs/jq-node-bindings, into
# ${PORTHOLE_ORACLE_DIR:-$HOME/.cache/porthole/oracle} for the oracle test (tests/oracle).
# Idempotent: does nothing when that version already loads from there. Only MODE "test"
# needs it. Fails loudly: without the oracle the oracle test fails, it never passes silently.
set -euo pipefail
mode=${1:-test}
[ "$mode" = test ] || exit 0

pkg=@port-labs/jq-node-bindings
version=0.0.12
dir=${PORTHOLE_ORACLE_DIR:-$HOME/.cache/porthole/oracle}

die() { echo "20-oracle.sh: $*" >&2; exit 1; }
command -v node >/dev/null ||
  die "node is not installed (the oracle is a Node addon; Debian: nodejs, see scripts/packages/oracle.txt)"
command -v npm >/dev/null ||
  die "npm is not installed (needed to install $pkg@$version; Debian: npm)"

# The check loads the addon, so a half-built install never counts as installed.
installed() {
  ORACLE_DIR="$1" node -e '
    const p = require("path"), d = p.join(process.env.ORACLE_DIR, "node_modules", process.argv[1]);
    // The package.json of 0.0.12 spells its version "v0.0.12".
    if (require(p.join(d, "package.json")).version.replace(/^v/, "") !== process.argv[2]) process.exit(1);
    const r = require(d).renderRecursively({a: 1}, "{{ .a }}", {throwOnError: true});
    process.exit(r === 1 ? 0 : 1);' "$pkg" "$version" 2>/dev/null
}

if installed "$dir"; then
  echo "oracle: $pkg@$version already installed in $dir"
  exit 0
fi

# node-gyp must not download Node's headers (no network but the registries): point it at
# the headers that ship beside the running node (Debian: libnode-dev's /usr/include/node).
prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
[ -f "$prefix/include/node/node_version.h" ] ||
  die "Node headers not found in $prefix/include/node (Debian: libnode-dev; node-gyp would try to download them)"
export npm_config_nodedir=$prefix
[ -x /usr/bin/python3 ] && export PYTHON=/usr/bin/python3
for tool in autoreconf automake libtoolize make g++; do
  command -v "$tool" >/dev/null || die "$tool is missing (scripts/packages/oracle.txt lists the Debian packages)"
done

# Build in a staging folder and swap it in at the end, so a failure leaves nothing behind
# that could look installed.
stage="$dir.staging.$$"
rm -rf "$stage"
mkdir -p "$stage"
trap 'rm -rf "$stage"' EXIT
echo '{"name":"porthole-oracle","private":true}' >"$stage/package.json"
echo "oracle: installing $pkg@$version into $dir (builds jq from source, a few minutes)"
start=$(date +%s)
if ! (cd "$stage" && npm install --no-audit --no-fund --no-save --no-package-lock \
        --foreground-scripts --loglevel=error "$pkg@$version" >"$stage/install.log" 2>&1); then
  tail -n 40 "$stage/install.log" >&2
  die "npm install of $pkg@$version failed (log above)"
fi
if ! installed "$stage"; then
  ORACLE_DIR="$stage" node -e 'require(require("path").join(process.env.ORACLE_DIR, "node_modules", process.argv[1]))' "$pkg" >&2 || true
  die "$pkg@$version installed but does not load or render"
fi
rm -rf "$dir"
mkdir -p "$(dirname "$dir")"
mv "$stage" "$dir"
trap - EXIT
echo "oracle: installed $pkg@$version in $(( $(date +%s) - start )) s"
