#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# porthole-cli diagnose on the sandbox with real peers (issue 24's done-when): kcat publishes
# three node runs to partition 0; a seed-style python3-kafka consumer in group ORG.worker
# reports the first (curl PATCH), reads and commits the second without reporting, and never
# reaches the third. diagnose must say completed (exit 0), consumed-not-reported,
# not-consumed, no-consumer and not-published (exit 1), and exit 2/3 for bad input and
# unreachable peers, never hanging.
set -euo pipefail
cli=$1 here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
cleanup() { kill "$sandbox_pid" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
for tool in curl kcat; do command -v $tool >/dev/null || { echo "FAIL: $tool is not installed"; exit 1; }; done
/usr/bin/python3 -c 'import kafka' || { echo "FAIL: python3-kafka is not installed"; exit 1; }
fails=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

org=diag
"$cli" sandbox --org $org > "$work/sandbox.out" 2> "$work/sandbox.err" &
sandbox_pid=$!
for _ in $(seq 100); do [ -s "$work/sandbox.out" ] && break; sleep 0.1; done
line=$(head -n1 "$work/sandbox.out")
bootstrap=$(sed -E 's/.*bootstrap=([^ ]+).*/\1/' <<<"$line")
api=$(sed -E 's/.*api=([^ ]+).*/\1/' <<<"$line")
echo "sandbox: $line"

n1=wfnr_Done000000000001 n2=wfnr_Read000000000002 n3=wfnr_Wait000000000003
w1=wfr_Done000000000001 w2=wfr_Read000000000002 w3=wfr_Wait000000000003
n4=wfnr_Lone000000000004 w4=wfr_Lone000000000004 r5=r_Classic000000005
never=wfnr_Never00000000009
msg() { printf '{"context":{"runId":"%s"},"payload":{"workflowRunId":"%s"}}\n' "$1" "$2"; }
{ msg $n1 $w1; msg $n2 $w2; msg $n3 $w3; } | kcat -b "$bootstrap" -P -t $org.runs -p 0
msg $n4 $w4 | kcat -b "$bootstrap" -P -t $org.runs -p 1
printf '{"context":{"runId":"%s"},"action":"deploy"}\n' $r5 | kcat -b "$bootstrap" -P -t $org.runs -p 2

if ! timeout 60 /usr/bin/python3 "$here/stalling_consumer.py" "$bootstrap" $org "$api" sandbox sandbox > "$work/consumer.log" 2>&1; then
  cat "$work/consumer.log"; echo "FAIL: the stalling consumer did not run"; exit 1
fi
cat "$work/consumer.log"

# diagnose ID EXPECTED_VERDICT EXPECTED_EXIT [extra args]: JSON checked with Python's json.
check() {
  local id=$1 verdict=$2 code=$3; shift 3
  local rc=0 start=$(date +%s%N)
  timeout 60 "$cli" diagnose "$id" --bootstrap "$bootstrap" --org $org --group $org.worker \
    --api "$api" --client-id sandbox --client-secret sandbox --format json "$@" \
    > "$work/out.json" 2> "$work/err.txt" || rc=$?
  local ms=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "diagnose $id -> exit $rc in ${ms} ms: $(cat "$work/out.json")"
  [ "$rc" = "$code" ] || { fail "$id: exit $rc, expected $code"; cat "$work/err.txt"; }
  /usr/bin/python3 - "$work/out.json" "$id" "$verdict" <<'PY' || fail "$id: JSON is not as expected"
import json, sys
out = json.load(open(sys.argv[1]))
assert out['run'] == sys.argv[2], out
assert out['verdict'] == sys.argv[3], (out['verdict'], sys.argv[3])
for key in ('messages', 'groups', 'port'):
    assert key in out, key
for g in out['groups']:
    assert set(g) == {'group', 'partition', 'committedOffset', 'lag', 'oldestWaitingS', 'consumed'}, g
for m in out['messages']:
    assert set(m) == {'partition', 'offset', 'timestamp'}, m
PY
}

check $n1 completed 0
check $w1 completed 0
check $n2 consumed-not-reported 1
check $n3 not-consumed 1
check $n4 no-consumer 1
check $r5 no-consumer 1
check $never not-published 1

# The evidence behind the verdicts: offsets, lag, the oldest waiting age, Port's answer.
"$cli" diagnose $n3 --bootstrap "$bootstrap" --org $org --group $org.worker --api "$api" \
  --client-id sandbox --client-secret sandbox --format json > "$work/n3.json" || true
/usr/bin/python3 - "$work/n3.json" <<'PY' || fail "not-consumed evidence"
import json, sys
out = json.load(open(sys.argv[1]))
assert out['messages'] == [{'partition': 0, 'offset': 2, 'timestamp': out['messages'][0]['timestamp']}], out
g = out['groups'][0]
assert (g['group'], g['partition'], g['committedOffset'], g['lag'], g['consumed']) == ('diag.worker', 0, 2, 1, False), g
assert 0 <= g['oldestWaitingS'] < 120, g
assert out['port']['asked'] and out['port']['httpStatus'] == 200 and out['port']['status'] == 'IN_PROGRESS', out['port']
assert out['port']['reported'] is False, out['port']
PY
# Text: the verdict line first, then the evidence; the scan's progress went to stderr.
"$cli" diagnose $n2 --bootstrap "$bootstrap" --org $org --group $org.worker > "$work/n2.txt" 2> "$work/n2.err" || true
head -n1 "$work/n2.txt" | grep -q "^$n2: consumed-not-reported" || fail "text verdict: $(cat "$work/n2.txt")"
grep -q "group    diag.worker partition 0: committed 2, end 3, lag 1" "$work/n2.txt" || fail "text evidence: $(cat "$work/n2.txt")"
grep -q "diagnose: scanned 5 messages" "$work/n2.err" || fail "progress: $(cat "$work/n2.err")"
# Without --group the sandbox cannot list groups, and says why.
"$cli" diagnose $n3 --bootstrap "$bootstrap" --org $org > "$work/nogroup.txt" 2>&1 || true
grep -q "ListGroups" "$work/nogroup.txt" || fail "listing reason: $(cat "$work/nogroup.txt")"

# Bad input and unreachable peers: exit 2 and 3 within seconds.
rc=0; "$cli" diagnose run_123 --bootstrap "$bootstrap" --org $org 2> "$work/err.txt" || rc=$?
[ $rc = 2 ] || fail "unknown id form: exit $rc"
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
rc=0; timeout 30 "$cli" diagnose $n1 --bootstrap 127.0.0.1:$port --org $org --timeout 2 2> "$work/err.txt" || rc=$?
[ $rc = 3 ] || fail "unreachable broker: exit $rc ($(cat "$work/err.txt"))"
rc=0; timeout 30 "$cli" diagnose $w1 --bootstrap "$bootstrap" --org $org --api http://127.0.0.1:$port --token t --timeout 2 2> "$work/err.txt" || rc=$?
[ $rc = 3 ] || fail "unreachable API: exit $rc ($(cat "$work/err.txt"))"
rc=0; timeout 30 "$cli" diagnose $w1 --bootstrap "$bootstrap" --org $org --api "$api" --token wrong 2> "$work/err.txt" || rc=$?
[ $rc = 3 ] && grep -q 401 "$work/err.txt" || fail "refused token: exit $rc ($(cat "$work/err.txt"))"

# An API answering 5xx: one retry, then exit 3 naming the answer; an unknown workflow run: 404
# is evidence, not an error.
/usr/bin/python3 - "$work/api503.port" <<'PY' &
import http.server, sys
class H(http.server.BaseHTTPRequestHandler):
    def answer(self):
        body = b'{"ok":false,"error":"unavailable","message":"down for maintenance"}'
        self.send_response(503); self.send_header('Content-Length', str(len(body))); self.end_headers()
        self.wfile.write(body)
    do_GET = do_POST = answer
    def log_message(self, *a): pass
s = http.server.HTTPServer(('127.0.0.1', 0), H)
open(sys.argv[1], 'w').write(str(s.server_address[1]))
s.timeout = 20
for _ in range(4): s.handle_request()
PY
api503_pid=$!
for _ in $(seq 50); do [ -s "$work/api503.port" ] && break; sleep 0.1; done
rc=0; timeout 30 "$cli" diagnose $w1 --bootstrap "$bootstrap" --org $org --api "http://127.0.0.1:$(cat "$work/api503.port")" --token t --timeout 2 2> "$work/err.txt" || rc=$?
[ $rc = 3 ] && grep -q 503 "$work/err.txt" || fail "API answering 503: exit $rc ($(cat "$work/err.txt"))"
kill $api503_pid 2>/dev/null || true
rc=0; "$cli" diagnose wfr_Unknown000000009 --bootstrap "$bootstrap" --org $org --api "$api" --token "$(curl -sS -X POST "$api/v1/auth/access_token" -H 'Content-Type: application/json' -d '{"clientId":"sandbox","clientSecret":"sandbox"}' | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')" --format json > "$work/unknown.json" 2> "$work/err.txt" || rc=$?
[ $rc = 1 ] || fail "unknown workflow run: exit $rc ($(cat "$work/err.txt"))"
/usr/bin/python3 -c '
import json, sys
out = json.load(open(sys.argv[1]))
assert out["verdict"] == "not-published" and out["port"]["httpStatus"] == 404 and not out["port"]["found"], out
' "$work/unknown.json" || fail "unknown workflow run: $(cat "$work/unknown.json")"

# diagnose never joined or committed: the worker's offsets are as the consumer left them.
committed=$(/usr/bin/python3 "$here/../kafka/committed_offsets.py" "$bootstrap" $org.runs $org.worker)
[ "$committed" = '{"0": 2, "1": null, "2": null}' ] || fail "committed offsets changed: $committed"

[ $fails = 0 ] && echo "PASS: diagnose verdicts and exit codes" || exit 1
