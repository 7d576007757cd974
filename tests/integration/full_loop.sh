#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The whole offline loop with real peers: porthole-cli sandbox (broker + local Port API),
# porthole-cli publish, the seed page's Python consumer (python3-kafka) reporting with curl,
# then the run read back from the local Port API must be COMPLETED with the output.
set -euo pipefail
cli=$1 examples=$2 here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cleanup() { kill "$sandbox_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
command -v curl >/dev/null || { echo "FAIL: curl is not installed"; exit 1; }
/usr/bin/python3 -c 'import kafka' || { echo "FAIL: python3-kafka is not installed"; exit 1; }

"$cli" sandbox --org loop > "$work/sandbox.out" 2> "$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/sandbox.out" ] && break; sleep 0.1; done
line=$(head -n1 "$work/sandbox.out")
echo "sandbox: $line"
bootstrap=$(sed -E 's/.*bootstrap=([^ ]+).*/\1/' <<<"$line")
api=$(sed -E 's/.*api=([^ ]+).*/\1/' <<<"$line")

/usr/bin/python3 "$here/seed_consumer.py" "$bootstrap" loop "$api" sandbox sandbox > "$work/consumer.log" 2>&1 &
consumer_pid=$!
"$cli" publish "$examples/nodes/with-run-ids.json" --context "$examples/contexts/workflow.json" \
  --bootstrap "$bootstrap" --org loop
if ! wait "$consumer_pid"; then
  echo "FAIL: the seed consumer did not report"; cat "$work/consumer.log"; cat "$work/sandbox.err"; exit 1
fi
cat "$work/consumer.log"

token=$(curl -sS -X POST "$api/v1/auth/access_token" -H 'Content-Type: application/json' \
  -d '{"clientId":"sandbox","clientSecret":"sandbox"}' | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
run=$(curl -sS "$api/v1/workflows/runs/wfr_4hT9xQ2mLp0aZ7Kd" -H "Authorization: Bearer $token")
echo "run: $run"
/usr/bin/python3 - "$run" <<'PY'
import json, sys
run = json.loads(sys.argv[1])['workflowRun']
node = [n for n in run['nodeRuns'] if n['identifier'] == 'wfnr_8Jk2Lm4Np6Qr8St0']
assert node, 'node run unknown to the local Port API'
assert node[0]['status'] == 'COMPLETED', node[0]
assert node[0]['result'] == 'SUCCESS', node[0]
assert node[0]['output'] == {'processedAt': '2024-01-15T10:30:00Z'}, node[0]
print('PASS: node run COMPLETED with the output')
PY
