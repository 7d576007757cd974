#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# porthole's options are read before QApplication exists: with no display at all, --version
# and --help answer and a wrong option is a usage error (exit 2), never "could not connect to
# display". usage: app_options.sh PORTHOLE VERSION
set -uo pipefail
app=$1 version=$2
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
fail() { echo "FAIL: $*" >&2; exit 1; }

out=$("$app" --version 2>&1) && [ "$out" = "porthole $version" ] || fail "--version: $out"
out=$("$app" -v 2>&1) && [ "$out" = "porthole $version" ] || fail "-v: $out"
out=$("$app" --help 2>&1) || fail "--help exits non-zero: $out"
grep -q '^Usage: porthole \[options\] \[FILE.json\]$' <<<"$out" || fail "--help usage line: $out"
grep -q -- '--version' <<<"$out" || fail "--help lists no --version"
# Qt's own options are accepted before --version.
out=$("$app" -platform offscreen -style fusion --version 2>&1) && [ "$out" = "porthole $version" ] ||
  fail "Qt options then --version: $out"

out=$("$app" --no-such-option 2>&1)
rc=$?
[ $rc -eq 2 ] || fail "unknown option: exit $rc, want 2 ($out)"
grep -q "^porthole: Unknown option 'no-such-option'" <<<"$out" || fail "unknown option message: $out"
out=$("$app" a.json b.json 2>&1)
rc=$?
[ $rc -eq 2 ] || fail "two files: exit $rc, want 2 ($out)"
grep -q "at most one FILE.json" <<<"$out" || fail "two files message: $out"
echo "porthole --version/--help/usage errors answer without a display"
