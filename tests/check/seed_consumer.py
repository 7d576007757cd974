# SPDX-License-Identifier: GPL-3.0-or-later
"""The seed page's consumer (docs/seed/kafka-action-node.md), adapted to read its connection
from the environment `porthole-cli check-consumer` gives it, and completed the way the page
says: for each message, do the work and report back with the page's own curl command.

Changes to the page's code, all from the environment: the topic, brokers and group id
(KAFKA_TOPIC, KAFKA_BOOTSTRAP_SERVERS, KAFKA_GROUP_ID) and Port's API (PORT_API_BASE_URL,
PORT_CLIENT_ID, PORT_CLIENT_SECRET). Like the page it sets no auto_offset_reset (kafka-python's
default is "latest"): the check must still deliver every run to it. It runs until stopped.
"""
import json
import os
import subprocess

from kafka import KafkaConsumer

consumer = KafkaConsumer(
    os.environ['KAFKA_TOPIC'],
    bootstrap_servers=[os.environ['KAFKA_BOOTSTRAP_SERVERS']],
    group_id=os.environ['KAFKA_GROUP_ID'],
    value_deserializer=lambda m: json.loads(m.decode('utf-8'))
)
api = os.environ['PORT_API_BASE_URL']


def curl(*args):
    out = subprocess.run(['curl', '-sS', '--fail-with-body', *args], capture_output=True, text=True)
    return out.returncode, out.stdout


for message in consumer:
    payload = message.value
    # Process the workflow event
    print(f"Received: {payload}")
    node_run_id = payload['context']['runId']
    run_id = payload['context']['workflowRunId']
    code, body = curl('-X', 'POST', f'{api}/v1/auth/access_token',
                      '-H', 'Content-Type: application/json',
                      '-d', json.dumps({'clientId': os.environ['PORT_CLIENT_ID'],
                                        'clientSecret': os.environ['PORT_CLIENT_SECRET']}))
    token = json.loads(body)['accessToken']
    # The page's "Reporting back to Port" command, with Port's host replaced by the API's.
    code, body = curl('-X', 'PATCH', f'{api}/v1/workflows/runs/{run_id}/nodes/{node_run_id}',
                      '-H', f'Authorization: Bearer {token}',
                      '-H', 'Content-Type: application/json',
                      '-d', '''{
    "status": "COMPLETED",
    "result": "SUCCESS",
    "output": {
      "processedAt": "2024-01-15T10:30:00Z"
    }
  }''')
    print(f'reported {node_run_id}: curl exit {code}: {body}')
