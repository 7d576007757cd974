#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs one test against a real Secret Service peer: gnome-keyring-daemon in a private D-Bus
# session, with a throw-away HOME and login keyring, so nothing touches the user's keyring.
#   dbus-run-session -- bash tests/gui/with-keyring.sh TEST_EXECUTABLE [ARGS...]
# Exports PORTHOLE_TEST_SECRET (random) for the test. Fails loudly (never skips) when the
# daemon cannot run; afterwards fails when that secret appears in any file under the HOME
# (the keyring's own store is encrypted, so not even there) or in the test's output.
set -euo pipefail
die() { echo "with-keyring.sh: $*" >&2; exit 1; }
[ $# -ge 1 ] || die "usage: dbus-run-session -- bash with-keyring.sh TEST [ARGS...]"
[ -n "${DBUS_SESSION_BUS_ADDRESS:-}" ] || die "no D-Bus session bus: run me under dbus-run-session"
command -v gnome-keyring-daemon >/dev/null ||
  die "gnome-keyring-daemon is missing (scripts/packages/keyring.txt)"

tmp=$(mktemp -d)
daemon=""
cleanup() {
  [ -z "$daemon" ] || { kill "$daemon" 2>/dev/null || true; wait "$daemon" 2>/dev/null || true; }
  rm -rf "$tmp"
}
trap cleanup EXIT
export HOME=$tmp/home XDG_DATA_HOME=$tmp/home/.local/share XDG_CONFIG_HOME=$tmp/home/.config
export XDG_CACHE_HOME=$tmp/home/.cache XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
PORTHOLE_TEST_SECRET="porthole-test-$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')"
export PORTHOLE_TEST_SECRET

# --unlock reads the login keyring's (throw-away) password on stdin and creates that keyring.
od -An -N12 -tx1 /dev/urandom | tr -d ' \n' |
  gnome-keyring-daemon --foreground --unlock --components=secrets >"$tmp/daemon.log" 2>&1 &
daemon=$!
ready=0
for _ in $(seq 100); do
  kill -0 "$daemon" 2>/dev/null || { cat "$tmp/daemon.log" >&2; die "gnome-keyring-daemon exited"; }
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null |
    grep -q 'boolean true'; then
    ready=1
    break
  fi
  sleep 0.1
done
[ "$ready" = 1 ] || { cat "$tmp/daemon.log" >&2; die "no Secret Service on the bus after 10 s"; }

rc=0
"$@" >"$tmp/test.out" 2>&1 || rc=$?
leak=0
if grep -qF "$PORTHOLE_TEST_SECRET" "$tmp/test.out"; then
  echo "with-keyring.sh: the test secret appears in the test's output" >&2
  leak=1
  sed "s/$PORTHOLE_TEST_SECRET/<secret>/g" "$tmp/test.out"
else
  cat "$tmp/test.out"
fi
if files=$(grep -rlF "$PORTHOLE_TEST_SECRET" "$HOME"); then
  echo "with-keyring.sh: the test secret appears in clear in: $files" >&2
  leak=1
fi
[ -s "$XDG_DATA_HOME/keyrings/login.keyring" ] || die "the login keyring was never written"
[ "$rc" = 0 ] || exit "$rc"
[ "$leak" = 0 ] || exit 1
echo "with-keyring.sh: the secret is in no file under the throw-away HOME nor in the output"
