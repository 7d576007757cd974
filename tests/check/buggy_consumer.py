# SPDX-License-Identifier: GPL-3.0-or-later
"""A consumer with one of the common bugs, for `porthole-cli check-consumer`'s tests.

Usage: buggy_consumer.py MODE, connection from the environment the check gives it.
  never-report   reads every message and prints its run id, never calls the API
  failure-route  reports result FAILURE (the classic runs' word) on the workflow route
  crash          exits with an error before it even connects
  mixed          the n-th message gets the n-th bug: reported twice, COMPLETED without a
                 result, a body over 1 MiB, a report for a run id it made up
"""
import json
import os
import sys
import urllib.error
import urllib.request

mode = sys.argv[1]
if mode == 'crash':
    print('consumer: cannot load config.yaml: No such file or directory', file=sys.stderr)
    sys.exit(2)

from kafka import KafkaConsumer  # noqa: E402  (after the crash mode, which needs no Kafka)

api = os.environ['PORT_API_BASE_URL']


def call(method, path, body, token=None):
    request = urllib.request.Request(api + path, data=json.dumps(body).encode(), method=method,
                                     headers={'Content-Type': 'application/json'})
    if token:
        request.add_header('Authorization', f'Bearer {token}')
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read() or b'{}')


status, answer = call('POST', '/v1/auth/access_token',
                      {'clientId': os.environ['PORT_CLIENT_ID'],
                       'clientSecret': os.environ['PORT_CLIENT_SECRET']})
token = answer['accessToken']
consumer = KafkaConsumer(os.environ['KAFKA_TOPIC'],
                         bootstrap_servers=[os.environ['KAFKA_BOOTSTRAP_SERVERS']],
                         group_id=os.environ['KAFKA_GROUP_ID'],
                         value_deserializer=lambda m: json.loads(m.decode('utf-8')))
seen = 0
for message in consumer:
    run = message.value['context']['runId']
    route = f'/v1/workflows/nodes/runs/{run}'
    print(f'received {run}')
    done = {'status': 'COMPLETED', 'result': 'SUCCESS', 'output': {'ok': True}}
    if mode == 'failure-route':
        print(call('PATCH', route, {'status': 'COMPLETED', 'result': 'FAILURE'}, token))
    elif mode == 'mixed':
        bug = seen % 4
        if bug == 0:
            print(call('PATCH', route, done, token), call('PATCH', route, done, token))
        elif bug == 1:
            print(call('PATCH', route, {'status': 'COMPLETED'}, token))
        elif bug == 2:
            print(call('PATCH', route, {'status': 'COMPLETED', 'result': 'SUCCESS',
                                        'output': {'blob': 'x' * (1536 * 1024)}}, token)[0])
        else:
            print(call('PATCH', '/v1/workflows/nodes/runs/wfnr_0000000000000000', done, token))
    seen += 1
