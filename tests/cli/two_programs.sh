#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# porthole-cli and porthole-cli-net (src/cli/CMakeLists.txt, command.h networkCommands):
# porthole-cli loads no network library; it runs the commands that talk to Port's API or run
# the sandbox as porthole-cli-net (exec: the same arguments, streams, exit code and process),
# from a build tree and from the installed layout, and says so when porthole-cli-net is gone.
# Usage: two_programs.sh PORTHOLE_CLI PORTHOLE_CLI_NET WORKFLOW.json
set -euo pipefail
cli=$1 net=$2 workflow=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
needed() { readelf -d "$1" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'; }

for lib in libQt6Network libQt6HttpServer libQt6WebSockets; do
  needed "$cli" | grep -q "^$lib" && fail "porthole-cli loads $lib"
done
needed "$net" | grep -q '^libQt6HttpServer' || fail "porthole-cli-net does not load QtHttpServer"
echo "porthole-cli loads $(needed "$cli" | wc -l) libraries directly, porthole-cli-net $(needed "$net" | wc -l)"

help=$("$cli" --help)
for c in check-consumer diagnose lint publish render report sandbox template watch; do
  grep -q "^  $c " <<<"$help" || fail "porthole-cli --help does not list $c"
done
[ "$help" = "$("$net" --help)" ] || fail "the two programs' --help differ"

# A forwarded command: the same help, the same usage error and exit code.
[ "$("$cli" sandbox --help)" = "$("$net" sandbox --help)" ] || fail "sandbox --help differs"
rc=0; "$cli" report >"$work/out" 2>"$work/err" || rc=$?
[ "$rc" = 2 ] || fail "report without --api: exit $rc, want 2"
grep -q "^porthole-cli: report: --api BASE_URL is required" "$work/err" || fail "report's error: $(cat "$work/err")"
# exec, not a child: the process that was started runs the command.
command -v strace >/dev/null || fail "strace is required (scripts/packages/core.txt)"
# (LeakSanitizer cannot run under ptrace: the asan build would fail at exit.)
ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
  strace -f -e trace=execve,clone,clone3,fork,vfork -o "$work/strace" "$cli" diagnose --help >/dev/null
grep -qE 'clone|fork' "$work/strace" && fail "porthole-cli started a child for diagnose: $(cat "$work/strace")"
[ "$(grep -c 'execve(' "$work/strace")" = 2 ] || fail "want two execs: $(cat "$work/strace")"

# render --workflow --run reads Port's API: porthole-cli hands the whole command over too.
args=(render --workflow "$workflow" --node request-cache --run wfr_abcdefghijklmnop
      --api http://127.0.0.1:1 --token t)
rc=0; "$cli" "${args[@]}" >"$work/out" 2>"$work/err" || rc=$?
rc_net=0; "$net" "${args[@]}" >"$work/out.net" 2>"$work/err.net" || rc_net=$?
[ "$rc" = 3 ] && [ "$rc_net" = 3 ] || fail "render --run to a closed port: exit $rc and $rc_net, want 3"
cmp -s "$work/err" "$work/err.net" || fail "render --run: $(cat "$work/err") vs $(cat "$work/err.net")"
grep -q "Connection refused" "$work/err" || fail "render --run: $(cat "$work/err")"

# The installed layout: bin/porthole-cli finds libexec/porthole/porthole-cli-net.
mkdir -p "$work/usr/bin" "$work/usr/libexec/porthole" "$work/alone"
cp "$cli" "$work/usr/bin/porthole-cli"
cp "$net" "$work/usr/libexec/porthole/porthole-cli-net"
"$work/usr/bin/porthole-cli" sandbox --help | grep -q "^Usage: porthole-cli sandbox" ||
  fail "installed porthole-cli sandbox --help"

# Without porthole-cli-net: a clear error and exit 3; the other commands still work.
cp "$cli" "$work/alone/porthole-cli"
rc=0; "$work/alone/porthole-cli" diagnose wfr_abcdefghijklmnop >"$work/out" 2>"$work/err" || rc=$?
[ "$rc" = 3 ] || fail "diagnose without porthole-cli-net: exit $rc, want 3"
grep -q "^porthole-cli: diagnose: this command is in porthole-cli-net, which was not found" "$work/err" ||
  fail "diagnose without porthole-cli-net: $(cat "$work/err")"
"$work/alone/porthole-cli" lint --workflow "$workflow" >/dev/null || fail "lint without porthole-cli-net"
echo "ok: porthole-cli hands check-consumer, diagnose, report, sandbox and render --run to porthole-cli-net"
