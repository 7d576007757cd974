#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Port's execution agent in polling mode against porthole-cli sandbox: agent_polling_driver.py
# replays the agent's calls (its source is not installable from a package index) and fails
# unless every call was answered 2xx and both runs ended as the agent leaves them.
set -euo pipefail
cli=$1 here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
sandbox_pid=
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
"$cli" sandbox --org polling > "$work/sandbox.out" 2> "$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/sandbox.out" ] && break; sleep 0.1; done
line=$(head -n1 "$work/sandbox.out")
bootstrap=$(sed -E 's/.*bootstrap=([^ ]+).*/\1/' <<<"$line")
api=$(sed -E 's/.*api=([^ ]+).*/\1/' <<<"$line")
echo "sandbox: $line"
if ! /usr/bin/python3 "$here/agent_polling_driver.py" "$api" "$bootstrap" polling; then
  echo "--- sandbox log"; cat "$work/sandbox.err"; exit 1
fi
