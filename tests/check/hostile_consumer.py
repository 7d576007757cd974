# SPDX-License-Identifier: GPL-3.0-or-later
"""Consumers that misbehave towards the check itself, for tst_check_badinput.

Usage: hostile_consumer.py MODE, connection from the environment the check gives it.
  flood     posts ~1,000 log lines a second to the API from four threads until it is stopped,
            and completes each run once, 2 s after receiving it
  huge      answers every run with an 3 MiB PATCH body (refused: Port's limit is 1 MiB) and
            prints 3 MiB of output
  deaf      completes each run once, then ignores SIGTERM and never exits (killed after the
            check's grace)
"""
import json
import os
import signal
import sys
import threading
import time
import urllib.error
import urllib.request

from kafka import KafkaConsumer

mode = sys.argv[1]
api = os.environ['PORT_API_BASE_URL']


def call(method, path, body, token=None):
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    request = urllib.request.Request(api + path, data=data, method=method,
                                     headers={'Content-Type': 'application/json'})
    if token:
        request.add_header('Authorization', f'Bearer {token}')
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as e:
        return e.code, {}
    except OSError:
        return 0, {}  # the check went away: keep misbehaving


token = call('POST', '/v1/auth/access_token',
             {'clientId': os.environ['PORT_CLIENT_ID'],
              'clientSecret': os.environ['PORT_CLIENT_SECRET']})[1]['accessToken']
if mode == 'deaf':
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
runs = []


def flood():
    # ~250 calls/s per thread, four threads: ~1,000 log lines a second at the API.
    while True:
        started = time.monotonic()
        for run in list(runs) or [None]:
            if run:
                call('POST', f'/v1/workflows/nodes/runs/{run}/logs',
                     {'logs': [{'level': 'INFO', 'message': 'flood'}]}, token)
        time.sleep(max(0.0, 0.004 - (time.monotonic() - started)))


if mode == 'flood':
    for _ in range(4):
        threading.Thread(target=flood, daemon=True).start()

consumer = KafkaConsumer(os.environ['KAFKA_TOPIC'],
                         bootstrap_servers=[os.environ['KAFKA_BOOTSTRAP_SERVERS']],
                         group_id=os.environ['KAFKA_GROUP_ID'],
                         value_deserializer=lambda m: json.loads(m.decode('utf-8')))
for message in consumer:
    run = message.value['context']['runId']
    runs.append(run)
    path = f'/v1/workflows/nodes/runs/{run}'
    if mode == 'huge':
        body = json.dumps({'status': 'COMPLETED', 'result': 'SUCCESS',
                           'output': {'blob': 'x' * (3 << 20)}}).encode()
        print(f'PATCH {path} ({len(body)} bytes) -> {call("PATCH", path, body, token)[0]}',
              flush=True)
        sys.stdout.write('y' * (3 << 20) + '\n')
        sys.stdout.flush()
        continue
    if mode == 'flood':
        time.sleep(2)  # the check takes the flood a while before the run completes
    status = call('PATCH', path, {'status': 'COMPLETED', 'result': 'SUCCESS'}, token)[0]
    print(f'PATCH {path} -> {status}', flush=True)
