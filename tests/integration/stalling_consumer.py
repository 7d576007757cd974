# SPDX-License-Identifier: GPL-3.0-or-later
"""A seed-style consumer that stalls, for `porthole-cli diagnose`: it reports the first run it
reads (COMPLETED, with the seed page's curl), reads the second and commits it without reporting
(a consumer that crashed between the two), and stops before the third.

Usage: stalling_consumer.py BOOTSTRAP ORG API_BASE_URL CLIENT_ID CLIENT_SECRET
Commits each offset itself (enable_auto_commit off), exits 0 after the second message."""
import json
import subprocess
import sys
import time

from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

bootstrap, org, api, client_id, client_secret = sys.argv[1:6]
topic = f'{org}.runs'
consumer = KafkaConsumer(
    bootstrap_servers=[bootstrap],
    group_id=f'{org}.worker',
    enable_auto_commit=False,
    value_deserializer=lambda m: json.loads(m.decode('utf-8')),
    auto_offset_reset='earliest',
    consumer_timeout_ms=30000,
)
# Partition 0 holds the runs this test publishes; assigning it avoids a rebalance wait.
consumer.assign([TopicPartition(topic, 0)])


def curl(*args, secret=False):
    for _ in range(25):  # the sandbox learns a run when its own watcher reads the message
        out = subprocess.run(['curl', '-sS', '--fail-with-body', *args], capture_output=True, text=True)
        if out.returncode == 0 or '"not_found"' not in out.stdout:
            break
        time.sleep(0.2)
    shown = '(token response)' if secret and out.returncode == 0 else out.stdout.strip()
    print(f'curl -> {out.returncode}: {shown} {out.stderr.strip()}', flush=True)
    if out.returncode != 0:
        sys.exit(2)
    return out.stdout


read = 0
for message in consumer:
    node_run_id = message.value['context']['runId']
    print(f'Received {node_run_id} at offset {message.offset}', flush=True)
    if read == 0:
        token = json.loads(curl('-X', 'POST', f'{api}/v1/auth/access_token',
                                '-H', 'Content-Type: application/json',
                                '-d', json.dumps({'clientId': client_id, 'clientSecret': client_secret}),
                                secret=True))['accessToken']
        curl('-X', 'PATCH', f'{api}/v1/workflows/nodes/runs/{node_run_id}',
             '-H', f'Authorization: Bearer {token}', '-H', 'Content-Type: application/json',
             '-d', '{"status":"COMPLETED","result":"SUCCESS","output":{"done":true}}')
    consumer.commit({TopicPartition(topic, message.partition): OffsetAndMetadata(message.offset + 1, None)})
    read += 1
    if read == 2:
        break
consumer.close(autocommit=False)
sys.exit(0 if read == 2 else 1)
