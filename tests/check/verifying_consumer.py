# SPDX-License-Identifier: GPL-3.0-or-later
"""A consumer that checks each message's signature the way Port's execution agent does
(both X-Port-Signature and X-Port-Timestamp present; the message without them re-serialised by
json.dumps(separators=(",", ":"), ensure_ascii=False); HMAC-SHA256 keyed with the client secret
over "<timestamp>.<text>"; "v1," + base64) and reports SUCCESS for a valid one, FAILED with the
reason otherwise. Connection and secret from the environment check-consumer gives it."""
import base64
import copy
import hashlib
import hmac
import json
import os
import urllib.request

from kafka import KafkaConsumer

api = os.environ['PORT_API_BASE_URL']
secret = os.environ['PORT_CLIENT_SECRET']


def verdict(msg):
    headers = msg.get('headers') or {}
    if 'X-Port-Signature' not in headers or 'X-Port-Timestamp' not in headers:
        return 'Could not find the required headers'
    unsigned = copy.deepcopy(msg)
    del unsigned['headers']['X-Port-Signature']
    del unsigned['headers']['X-Port-Timestamp']
    text = json.dumps(unsigned, separators=(',', ':'), ensure_ascii=False)
    mac = hmac.new(secret.encode(), f"{headers['X-Port-Timestamp']}.{text}".encode(), hashlib.sha256)
    expected = 'v1,' + base64.b64encode(mac.digest()).decode()
    return None if hmac.compare_digest(expected, headers['X-Port-Signature']) else 'Could not verify signature'


def call(method, path, body, token=None):
    request = urllib.request.Request(api + path, data=json.dumps(body).encode(), method=method,
                                     headers={'Content-Type': 'application/json'})
    if token:
        request.add_header('Authorization', f'Bearer {token}')
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read())


consumer = KafkaConsumer(os.environ['KAFKA_TOPIC'],
                         bootstrap_servers=[os.environ['KAFKA_BOOTSTRAP_SERVERS']],
                         group_id=os.environ['KAFKA_GROUP_ID'])
for message in consumer:
    msg = json.loads(message.value.decode('utf-8'))
    problem = verdict(msg)
    token = call('POST', '/v1/auth/access_token',
                 {'clientId': os.environ['PORT_CLIENT_ID'], 'clientSecret': secret})['accessToken']
    body = {'status': 'COMPLETED', 'result': 'FAILED' if problem else 'SUCCESS',
            'output': {'signature': problem or 'valid'}}
    print(msg['context']['runId'], body, call('PATCH', f"/v1/workflows/nodes/runs/{msg['context']['runId']}", body, token))
