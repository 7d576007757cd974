# SPDX-License-Identifier: GPL-3.0-or-later
"""Port's execution agent in polling mode, replayed call for call against the sandbox.

Port's agent (port-labs/port-agent) is not published to a package index (the PyPI name
"port-agent" is an unrelated project), so this driver makes the calls its source makes, in its
order, with its bodies and headers:
  app/port_client.py            get_port_api_headers (a login before every call, User-Agent
                                port-agent), patch_org_streamer_setting, claim_pending_runs,
                                ack_runs, run_logger_factory, report_run_response,
                                report_run_status
  app/consumers/http_polling_consumer.py   claim, then per run: ack it, then process it
  app/streamers/polling/polling_streamer.py  the invocation method from run["payload"]
  app/processors/polling/polling_to_webhook_processor.py  the webhook body from payload.body
  app/invokers/webhook_invoker.py  the run's log lines, the webhook call, PATCH …/response for
                                synchronized webhooks, PATCH the run SUCCESS/FAILURE
Usage: agent_polling_driver.py API_URL BOOTSTRAP ORG. Publishes two agent-bound classic runs
(one synchronized) that call a local webhook, runs the agent loop until the queue is empty, and
exits 1 unless every call the agent made was answered 2xx and both runs ended as the agent
leaves them.
"""
import http.server
import json
import sys
import threading
import time
import urllib.error
import urllib.request

from kafka import KafkaProducer

api, bootstrap, org = sys.argv[1:4]
calls = []  # (method, path, status) of every call the agent made


def request(method, url, body=None, headers=None, record=True):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={'Content-Type': 'application/json', **(headers or {})})
    try:
        with urllib.request.urlopen(req, timeout=10) as answer:
            status, text = answer.status, answer.read()
    except urllib.error.HTTPError as e:
        status, text = e.code, e.read()
    if record:
        calls.append((method, url.replace(api, ''), status))
    return status, json.loads(text or b'{}')


def port_headers():
    # get_port_api_headers: the agent logs in before every call.
    status, answer = request('POST', f'{api}/v1/auth/access_token',
                             {'clientId': 'sandbox', 'clientSecret': 'sandbox'})
    return {'Authorization': f"Bearer {answer.get('accessToken')}", 'User-Agent': 'port-agent'}


def port(method, path, body, reserved=False):
    headers = port_headers()
    if reserved:
        headers['x-port-reserved-usage'] = 'true'
    return request(method, api + path, body, headers)


class Webhook(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get('Content-Length', 0)))
        body = json.dumps({'deployed': True}).encode()
        self.send_response(200)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *_):
        pass


server = http.server.HTTPServer(('127.0.0.1', 0), Webhook)
threading.Thread(target=server.serve_forever, daemon=True).start()
webhook = f'http://127.0.0.1:{server.server_port}/deploy'

runs = {'r_PollingSynced001': True, 'r_PollingAsync0001': False}
producer = KafkaProducer(bootstrap_servers=[bootstrap])
for run, synchronized in runs.items():
    message = {'action': 'deploy', 'resourceType': 'run', 'status': 'TRIGGERED',
               'trigger': {'by': {'orgId': org, 'userId': 'u'}, 'origin': 'UI', 'at': 'now'},
               'context': {'entity': None, 'blueprint': 'service', 'runId': run},
               'payload': {'entity': None, 'properties': {'env': 'prod'},
                           'action': {'identifier': 'deploy', 'invocationMethod': {
                               'type': 'WEBHOOK', 'agent': True, 'url': webhook,
                               'synchronized': synchronized, 'method': 'POST'}}}}
    producer.send(f'{org}.runs', json.dumps(message).encode())
producer.flush()
# Port creates runs before the agent can claim them: wait until the sandbox knows both (these
# reads are the test's, not the agent's).
token = request('POST', f'{api}/v1/auth/access_token',
                {'clientId': 'sandbox', 'clientSecret': 'sandbox'}, record=False)[1]['accessToken']
deadline = time.time() + 10
while any(request('GET', f'{api}/v1/actions/runs/{r}', headers={
        'Authorization': f'Bearer {token}'}, record=False)[0] != 200 for r in runs):
    if time.time() > deadline:
        sys.exit('the sandbox never learnt the runs from its topic')
    time.sleep(0.1)

# Start: the agent announces its streamer (patch_org_streamer_setting).
port('PATCH', '/v1/organization', {'settings': {'portAgentStreamerName': 'POLLING'}})
processed, empty_polls = [], 0
while empty_polls < 2:
    status, answer = port('POST', '/v1/actions/runs/claim-pending',
                          {'installationId': 'port-agent', 'limit': 10,
                           'invocationMethod': 'WEBHOOK'}, reserved=True)
    claimed = answer.get('runs', [])
    empty_polls = 0 if claimed else empty_polls + 1
    for run in claimed:
        run_id = run['id']
        if port('PATCH', '/v1/actions/runs/ack', {'runIds': [run_id]},
                reserved=True)[1].get('ackedCount', 0) == 0:
            continue
        payload = run['payload']
        if not payload.get('agent'):
            continue
        body = dict(payload['body'], headers=payload.get('headers', {}))
        body.setdefault('context', {})['runId'] = run_id
        log = lambda text: port('POST', f'/v1/actions/runs/{run_id}/logs', {'message': text})
        log('An action message has been received')
        log('Preparing the payload for the request')
        log('Sending the request')
        hook_status, hook_answer = request(payload.get('method', 'POST'), payload['url'], body,
                                           record=False)
        log(f'Action invocation has completed successfully with status code: {hook_status}')
        if payload.get('synchronized') and hook_answer:
            log('Reporting the run response')
            port('PATCH', f'/v1/actions/runs/{run_id}/response', {'response': hook_answer})
            log('The run response was reported successfully ')
        if payload.get('synchronized'):
            port('PATCH', f'/v1/actions/runs/{run_id}', {'status': 'SUCCESS'})
        log('Port agent finished processing the action run')
        processed.append(run_id)
    time.sleep(0.2)

for method, path, status in calls:
    print(f'{method} {path} -> {status}')
bad = [c for c in calls if not 200 <= c[2] < 300]
synced = request('GET', f'{api}/v1/actions/runs/r_PollingSynced001',
                 headers={'Authorization': f'Bearer {token}'}, record=False)[1]['run']
waiting = request('GET', f'{api}/v1/actions/runs/r_PollingAsync0001',
                  headers={'Authorization': f'Bearer {token}'}, record=False)[1]['run']
problems = []
if bad:
    problems.append(f'{len(bad)} call(s) not answered 2xx: {bad}')
if sorted(processed) != sorted(runs):
    problems.append(f'processed {processed}, expected both runs once')
if synced.get('status') != 'SUCCESS' or synced.get('response') != {'deployed': True}:
    problems.append(f'synchronized run ended {synced}')
if waiting.get('status') != 'IN_PROGRESS' or len(waiting.get('logs', [])) != 5:
    problems.append(f'asynchronous run ended {waiting}')
print(f'agent calls={len(calls)} non-2xx={len(bad)} runs processed={len(processed)}')
if problems:
    sys.exit('FAIL: ' + '; '.join(problems))
