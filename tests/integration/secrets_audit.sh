#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Secrets audit: run publish, watch and report with secrets in a saved profile's neighbourhood,
# the environment and on the command line, then search everything Porthole wrote (its config,
# data and cache folders under a throw-away HOME, history files) and everything it printed for
# the secret strings and the tokens it was issued. None may appear.
set -uo pipefail
cli=$1 examples=$2
work=$(mktemp -d)
export HOME=$work/home XDG_CONFIG_HOME=$work/home/.config XDG_DATA_HOME=$work/home/.local/share \
  XDG_CACHE_HOME=$work/home/.cache XDG_RUNTIME_DIR=$work/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
cleanup() { kill "$sandbox_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
out=$work/out && mkdir -p "$out"

kafka_secret='KafkaPw-9f3e1c77-audit'
port_secret='PortSecret-51ab09-audit'
wrong_secret='WrongSecret-7d2e44-audit'
export KAFKA_PASSWORD=$kafka_secret KAFKA_USERNAME=audit-user

"$cli" sandbox --org audit > "$out/sandbox.out" 2> "$out/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$out/sandbox.out" ] && break; sleep 0.1; done
line=$(head -n1 "$out/sandbox.out")
bootstrap=$(sed -E 's/.*bootstrap=([^ ]+).*/\1/' <<<"$line")
api=$(sed -E 's/.*api=([^ ]+).*/\1/' <<<"$line")

run() { local name=$1; shift; "$@" > "$out/$name.out" 2> "$out/$name.err"; echo "$name: exit $?"; }
run publish "$cli" publish "$examples/nodes/with-run-ids.json" \
  --context "$examples/contexts/workflow.json" --bootstrap "$bootstrap" --org audit \
  -X "sasl.password=$kafka_secret"
run watch "$cli" watch --bootstrap "$bootstrap" --org audit --from beginning --exit-at-end \
  -X "sasl.password=$kafka_secret"
# The sandbox's API accepts sandbox/sandbox: log in with the real pair through the environment,
# and fail once with a wrong secret on the command line.
# The sandbox learns a run when its watcher reads the published message: try until it has.
for _ in $(seq 50); do
  PORT_CLIENT_ID=sandbox PORT_CLIENT_SECRET=sandbox run report-ok "$cli" report --api "$api" \
    --node-run wfnr_8Jk2Lm4Np6Qr8St0 --workflow-run wfr_4hT9xQ2mLp0aZ7Kd --result SUCCESS
  grep -q 'HTTP 200' "$out/report-ok.out" && break
  sleep 0.2
done
run report-bad "$cli" report --api "$api" --client-id sandbox --client-secret "$wrong_secret" \
  --node-run wfnr_8Jk2Lm4Np6Qr8St0 --result SUCCESS
PORT_CLIENT_SECRET=$port_secret run report-curl "$cli" report --api "$api" --client-id someone \
  --node-run wfnr_8Jk2Lm4Np6Qr8St0 --result SUCCESS --print-curl
kill "$sandbox_pid"; wait "$sandbox_pid" 2>/dev/null

grep -q '"delivered":1' "$out/publish.out" || { echo "FAIL: publish did not deliver"; cat "$out/publish.err"; exit 1; }
grep -q 'HTTP 200' "$out/report-ok.out" || { echo "FAIL: report did not succeed"; cat "$out"/report-ok.*; exit 1; }
grep -q 'HTTP 401' "$out/report-bad.out" "$out/report-bad.err" || { echo "FAIL: the wrong secret was not refused"; exit 1; }
ls -R "$HOME" | head -40
found=0
for s in "$kafka_secret" "$port_secret" "$wrong_secret"; do
  if grep -rlF -- "$s" "$HOME" "$out"; then echo "FAIL: secret '$s' found in the files above"; found=1; fi
done
# Issued tokens look like sbx_<hex>: none may be printed or stored.
if grep -rlE 'sbx_[0-9a-f]{16,}' "$HOME" "$out"; then echo "FAIL: an access token was found in the files above"; found=1; fi
files=$(find "$HOME" "$out" -type f | wc -l)
[ "$found" = 0 ] && echo "PASS: no secret or token in $files files written or printed by Porthole"
exit $found
