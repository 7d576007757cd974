# SPDX-License-Identifier: GPL-3.0-or-later
"""A consumer of {org}.runs that behaves like Port's execution agent, written from Port's
documented behaviour (port-reference.md sections 4 and 7), to check that the sandbox and
Porthole's signed messages work for it end to end. No delay anywhere: it reports the moment a
message arrives, as fast as the real agent or faster.

Usage: agent_consumer.py BOOTSTRAP ORG API CLIENT_ID CLIENT_SECRET COUNT
Handles COUNT messages (or gives up after 60 s), then prints one JSON summary line:
{"handled":[run ids], "rejected":[{"runId","reason"}], "calls":N, "non2xx":[...]} and exits 0
when every API call answered 2xx."""
import base64
import copy
import hashlib
import hmac
import json
import sys
import threading
import urllib.error
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from kafka import KafkaConsumer

bootstrap, org, api, client_id, client_secret, count = sys.argv[1:7]
count = int(count)
calls, non2xx = 0, []


def call(method, path, body=None):
    """One API call; like the agent, it logs in again before every call."""
    global calls

    def raw(method, path, body, token=None):
        global calls
        calls += 1
        req = urllib.request.Request(api + path, method=method,
                                     data=None if body is None else json.dumps(body).encode())
        req.add_header('Content-Type', 'application/json')
        if token:
            req.add_header('Authorization', f'Bearer {token}')
        try:
            with urllib.request.urlopen(req, timeout=10) as r:
                return r.status, json.loads(r.read() or b'{}')
        except urllib.error.HTTPError as e:
            text = e.read().decode(errors='replace')
            non2xx.append(f'{method} {path} -> {e.code} {text}')
            return e.code, {}

    status, login = raw('POST', '/v1/auth/access_token',
                        {'clientId': client_id, 'clientSecret': client_secret})
    if status != 200:
        return status, {}
    return raw(method, path, body, login['accessToken'])


def signature_ok(msg):
    """Port's agent: both headers or skip; HMAC-SHA256 over Python's compact dump."""
    headers = msg.get('headers') or {}
    if 'X-Port-Signature' not in headers or 'X-Port-Timestamp' not in headers:
        return 'Could not find the required headers'
    m = copy.deepcopy(msg)
    sig = m['headers'].pop('X-Port-Signature')
    ts = m['headers'].pop('X-Port-Timestamp')
    text = json.dumps(m, separators=(',', ':'), ensure_ascii=False)
    mac = hmac.new(bytes(client_secret, 'utf-8'), digestmod=hashlib.sha256)
    mac.update(bytes(f'{ts}.{text}', 'utf-8'))
    expected = 'v1,' + base64.b64encode(mac.digest()).decode()
    return None if hmac.compare_digest(sig, expected) else 'Could not verify signature'


class Webhook(BaseHTTPRequestHandler):
    """The invocation target: answers with what it was sent (the agent's WEBHOOK call)."""

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get('Content-Length', 0)))
        data = json.dumps({'received': json.loads(body or b'null'), 'ok': True}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


webhook = ThreadingHTTPServer(('127.0.0.1', 0), Webhook)
threading.Thread(target=webhook.serve_forever, daemon=True).start()


def invoke(method, payload):
    # The message's url points at the user's service; the test's service is this local one.
    req = urllib.request.Request(f'http://127.0.0.1:{webhook.server_port}/', method='POST',
                                 data=json.dumps(payload).encode())
    req.add_header('Content-Type', 'application/json')
    with urllib.request.urlopen(req, timeout=10) as r:
        return r.status, json.loads(r.read())


# Start like the agent: announce the streamer, read the Kafka credentials.
call('PATCH', '/v1/organization', {'settings': {'portAgentStreamerName': 'KAFKA'}})
status, creds = call('GET', '/v1/kafka-credentials')
brokers = (creds.get('credentials') or {}).get('brokers') or [bootstrap]

consumer = KafkaConsumer(f'{org}.runs', bootstrap_servers=brokers,
                         group_id=f'{org}.agent-{threading.get_ident()}',
                         auto_offset_reset='earliest', enable_auto_commit=True,
                         consumer_timeout_ms=60000)
print('ready', flush=True)
handled, rejected, seen = [], [], 0
for record in consumer:
    seen += 1
    msg = json.loads(record.value.decode())
    run_id = (msg.get('context') or {}).get('runId', '?')
    why = signature_ok(msg)
    if why:
        rejected.append({'runId': run_id, 'reason': why})
    else:
        invocation = (((msg.get('payload') or {}).get('action') or {})
                      .get('invocationMethod') or {})
        if invocation.get('agent') is True:
            body = msg['payload'].get('properties', msg['payload'])
            if run_id.startswith('wfnr_'):
                call('POST', f'/v1/workflows/nodes/runs/{run_id}/logs',
                     {'logs': [{'level': 'INFO', 'message': 'Invoking the webhook'}]})
                code, data = invoke(invocation.get('method', 'POST'), body)
                call('PATCH', f'/v1/workflows/nodes/runs/{run_id}',
                     {'status': 'COMPLETED', 'result': 'SUCCESS',
                      'output': {'response': {'status': code, 'data': data}},
                      'logs': [{'logLevel': 'INFO', 'log': 'Webhook answered'}]})
            else:
                call('POST', f'/v1/actions/runs/{run_id}/logs', {'message': 'Invoking the webhook'})
                code, data = invoke(invocation.get('method', 'POST'), body)
                if invocation.get('synchronized'):
                    call('PATCH', f'/v1/actions/runs/{run_id}/response', {'response': data})
                call('PATCH', f'/v1/actions/runs/{run_id}',
                     {'status': 'SUCCESS', 'summary': f'Webhook answered {code}'})
            handled.append(run_id)
    if seen >= count:
        break
consumer.close()
webhook.shutdown()
print(json.dumps({'handled': handled, 'rejected': rejected, 'calls': calls, 'non2xx': non2xx}),
      flush=True)
sys.exit(0 if not non2xx and seen >= count else 1)
