# SPDX-License-Identifier: GPL-3.0-or-later
"""The seed page's consumer (docs/seed/kafka-action-node.md), completed the way its page says:
read the message from {orgId}.runs, do the work, report back to Port with the page's own curl.

Usage: seed_consumer.py BOOTSTRAP ORG API_BASE_URL CLIENT_ID CLIENT_SECRET
Exits 0 after reporting one node run, 1 on a time-out."""
import json
import subprocess
import sys
import time

from kafka import KafkaConsumer

bootstrap, org, api, client_id, client_secret = sys.argv[1:6]

consumer = KafkaConsumer(
    f'{org}.runs',
    bootstrap_servers=[bootstrap],
    group_id=f'{org}.your-consumer-group',
    value_deserializer=lambda m: json.loads(m.decode('utf-8')),
    auto_offset_reset='earliest',   # the test publishes right after starting us
    consumer_timeout_ms=60000,
)


def curl(*args, secret=False, retries=1):
    # The sandbox learns a run when its own watcher reads the message; a consumer faster than
    # that gets 404 for a moment, where Port would already know the run: try again briefly.
    for _ in range(retries):
        out = subprocess.run(['curl', '-sS', '--fail-with-body', *args], capture_output=True, text=True)
        if out.returncode == 0 or '"not_found"' not in out.stdout:
            break
        time.sleep(0.2)
    # An answer that carries a token is not echoed: logs never hold secrets.
    shown = '(token response)' if secret and out.returncode == 0 else out.stdout.strip()
    print(f'curl -> {out.returncode}: {shown} {out.stderr.strip()}', flush=True)
    if out.returncode != 0:
        sys.exit(2)
    return out.stdout


for message in consumer:
    payload = message.value
    print(f"Received: {payload}", flush=True)
    node_run_id = payload['context']['runId']
    run_id = payload['payload']['workflowRunId']
    token = json.loads(curl('-X', 'POST', f'{api}/v1/auth/access_token',
                            '-H', 'Content-Type: application/json',
                            '-d', json.dumps({'clientId': client_id, 'clientSecret': client_secret}),
                            secret=True))['accessToken']
    # The seed page's own command, with Port's host replaced by the sandbox's.
    curl('-X', 'PATCH', f'{api}/v1/workflows/runs/{run_id}/nodes/{node_run_id}',
         '-H', f'Authorization: Bearer {token}',
         '-H', 'Content-Type: application/json',
         '-d', '''{
    "status": "COMPLETED",
    "result": "SUCCESS",
    "output": {
      "processedAt": "2024-01-15T10:30:00Z"
    }
  }''', retries=25)
    consumer.close()
    sys.exit(0)
print('no message within 60 s', flush=True)
sys.exit(1)
