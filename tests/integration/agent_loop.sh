#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Port's execution agent's loop against the sandbox, with real parts: porthole-cli sandbox,
# porthole-cli publish --sign, a Python consumer written from Port's documented agent behaviour
# (agent_consumer.py: verifies signatures with Python's own hmac, reports with no delay) and
# porthole-cli watch --verify. Every API answer must be 2xx; runs end SUCCESS / COMPLETED; a
# message signed with another secret is rejected by the consumer and shown "invalid"; an
# unknown run id answers 404 within 2 s.
set -euo pipefail
cli=$1 here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
sandbox_pid=
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
fail() { echo "FAIL: $*"; echo "--- sandbox log"; cat "$work/sandbox.err"; exit 1; }
py=/usr/bin/python3
$py -c 'import kafka' || fail "python3-kafka is not installed"
command -v curl >/dev/null || fail "curl is not installed"

"$cli" sandbox --org agent > "$work/sandbox.out" 2> "$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/sandbox.out" ] && break; sleep 0.1; done
line=$(head -n1 "$work/sandbox.out")
bootstrap=$(sed -E 's/.*bootstrap=([^ ]+).*/\1/' <<<"$line")
api=$(sed -E 's/.*api=([^ ]+).*/\1/' <<<"$line")
echo "sandbox: $line"

# Two agent-bound runs signed with the sandbox's secret, then one signed with another secret.
$py "$here/agent_consumer.py" "$bootstrap" agent "$api" sandbox sandbox 3 > "$work/consumer.out" 2>&1 &
consumer_pid=$!
for _ in $(seq 300); do grep -q ready "$work/consumer.out" 2>/dev/null && break; sleep 0.1; done
PORT_CLIENT_SECRET=sandbox "$cli" publish --raw "$here/agent_messages.jsonl" --sign \
  --bootstrap "$bootstrap" --org agent > "$work/publish.out" || fail "publish --sign failed"
echo '{"headers":{},"payload":{"action":{"invocationMethod":{"agent":true,"type":"WEBHOOK"}}},"context":{"runId":"wfnr_WrongSecret00001"}}' > "$work/wrong.jsonl"
"$cli" publish --raw "$work/wrong.jsonl" --sign --client-secret not-the-secret \
  --bootstrap "$bootstrap" --org agent > /dev/null || fail "publish with the wrong secret failed"
if ! wait "$consumer_pid"; then
  cat "$work/consumer.out"; fail "the agent-like consumer saw a non-2xx answer or timed out"
fi
summary=$(tail -n1 "$work/consumer.out")
echo "consumer: $summary"

token=$(curl -sS -X POST "$api/v1/auth/access_token" -H 'Content-Type: application/json' \
  -d '{"clientId":"sandbox","clientSecret":"sandbox"}' | $py -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
get() { curl -sS "$api$1" -H "Authorization: Bearer $token"; }
classic=$(get /v1/actions/runs/r_AgentClassic0001)
workflow=$(get /v1/workflows/runs/wfr_AgentWorkflow001)
org=$(get /v1/organization)
"$cli" watch --bootstrap "$bootstrap" --org agent --from beginning --exit-at-end --verify \
  --client-secret sandbox > "$work/watch.out"

$py - "$summary" "$classic" "$workflow" "$org" "$work/watch.out" <<'PY' || fail "checks above"
import json, sys
summary, classic, workflow, org = (json.loads(a) for a in sys.argv[1:5])
assert summary['non2xx'] == [], summary
assert sorted(summary['handled']) == ['r_AgentClassic0001', 'wfnr_AgentNodeRun0001'], summary
assert summary['rejected'] == [{'runId': 'wfnr_WrongSecret00001',
                                'reason': 'Could not verify signature'}], summary
run = classic['run']
assert run['status'] == 'SUCCESS', run
assert run['response']['ok'] is True and run['response']['received']['ratio'] == 1e-05, run
node = [n for n in workflow['workflowRun']['nodeRuns'] if n['identifier'] == 'wfnr_AgentNodeRun0001']
assert node and node[0]['status'] == 'COMPLETED' and node[0]['result'] == 'SUCCESS', workflow
assert node[0]['output']['response']['status'] == 200, node
assert org['organization']['settings'] == {'portAgentStreamerName': 'KAFKA'}, org
lines = [json.loads(l) for l in open(sys.argv[5])]
verdicts = {l['value']['context']['runId']: (l['signature'], l.get('forAgent')) for l in lines}
assert verdicts == {'r_AgentClassic0001': ('valid', True), 'wfnr_AgentNodeRun0001': ('valid', True),
                    'wfnr_WrongSecret00001': ('invalid', True)}, verdicts
assert all(0 <= l['signatureAgeS'] < 60 for l in lines), lines
print(f"PASS: {summary['calls']} API calls all 2xx; classic run SUCCESS with its response; "
      "node run COMPLETED/SUCCESS; wrong secret rejected and shown invalid")
PY
grep -E ' -> (404|405)' "$work/sandbox.err" && fail "the API log has a 404/405"

# Only JSON objects can carry headers: a non-object line fails the whole publish, naming it.
printf '{"a":1}\n[1,2]\n' > "$work/array.jsonl"
set +e
PORT_CLIENT_SECRET=sandbox "$cli" publish --raw "$work/array.jsonl" --sign --bootstrap "$bootstrap" \
  --org agent > /dev/null 2> "$work/array.err"
code=$?
env -u PORT_CLIENT_SECRET "$cli" publish --raw "$work/array.jsonl" --sign --bootstrap "$bootstrap" \
  --org agent > /dev/null 2> "$work/nosecret.err"
nosecret=$?
set -e
[ "$code" = 1 ] && grep -q 'message 2 cannot be signed: not a JSON object' "$work/array.err" ||
  fail "a non-object message: exit $code, $(cat "$work/array.err")"
[ "$nosecret" = 2 ] && grep -q 'PORT_CLIENT_SECRET' "$work/nosecret.err" ||
  fail "--sign without a secret: exit $nosecret, $(cat "$work/nosecret.err")"

# A report the instant a message lands, published by another process (no registration): the
# sandbox catches up on its topic instead of answering 404.
echo '{"context":{"runId":"r_CaughtUpRun00001"}}' > "$work/fast.jsonl"
"$cli" publish --raw "$work/fast.jsonl" --bootstrap "$bootstrap" --org agent > /dev/null
code=$(curl -sS -o /dev/null -w '%{http_code}' -X PATCH "$api/v1/actions/runs/r_CaughtUpRun00001" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"status":"SUCCESS"}')
[ "$code" = 200 ] || fail "a report right after publishing answered $code"
# A run that was never published: 404, within 2 s.
start=$(date +%s%N)
code=$(curl -sS -o /dev/null -w '%{http_code}' -X PATCH "$api/v1/workflows/nodes/runs/wfnr_NeverPublished01" \
  -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"status":"IN_PROGRESS"}')
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$code" = 404 ] || fail "an unknown run answered $code"
[ "$ms" -lt 2000 ] || fail "the 404 for an unknown run took $ms ms"
echo "PASS: a report right after publishing found its run; an unknown run: 404 after $ms ms"
