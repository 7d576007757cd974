# SPDX-License-Identifier: GPL-3.0-or-later
"""A consumer of workflow KAFKA nodes for the workflow tests, reporting an output per node.

Usage: workflow_consumer.py [good|bad], connection from the environment (the names
`porthole-cli check-consumer` gives: KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC, KAFKA_GROUP_ID,
PORT_API_BASE_URL, PORT_CLIENT_ID, PORT_CLIENT_SECRET).
  good  reports each node run COMPLETED: a payload with "step": "build" gets the image it
        "pushed" as output ({"image", "digest"}); one with "fail": true is reported FAILED;
        any other gets {"seen": <payload>}
  bad   reports every node run with result FAILURE, the classic runs' word, which Port's
        workflow route refuses (422): the run never completes
Each message's node run is `context.runId`; it prints one line per report.
"""
import json
import os
import sys
import urllib.error
import urllib.request

from kafka import KafkaConsumer

mode = sys.argv[1] if len(sys.argv) > 1 else 'good'
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
                         auto_offset_reset='earliest',
                         value_deserializer=lambda m: json.loads(m.decode('utf-8')))
for message in consumer:
    envelope = message.value
    node_run = envelope['context']['runId']
    payload = envelope.get('payload') or {}
    if mode == 'bad':
        body = {'status': 'COMPLETED', 'result': 'FAILURE'}
    elif payload.get('fail'):
        body = {'status': 'COMPLETED', 'result': 'FAILED', 'output': {'reason': 'asked to fail'}}
    elif payload.get('step') == 'build':
        image = f"registry.example/{payload.get('repository')}:{payload.get('ref')}"
        body = {'status': 'COMPLETED', 'result': 'SUCCESS',
                'output': {'image': image, 'digest': 'sha256:0f1e2d3c'}}
    else:
        body = {'status': 'COMPLETED', 'result': 'SUCCESS', 'output': {'seen': payload}}
    status, _ = call('PATCH', f'/v1/workflows/nodes/runs/{node_run}', body, token)
    print(f'reported {node_run} {body["result"]} -> {status}', flush=True)
