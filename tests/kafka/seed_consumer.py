# SPDX-License-Identifier: GPL-3.0-or-later
"""The seed page's consumer (docs/seed/kafka-action-node.md), made runnable for tests.

Usage: seed_consumer.py BOOTSTRAP TOPIC GROUP
Prints each received payload as one compact JSON line and stops after 5 s without messages.
Additions to the seed code, all needed to run it unattended: auto_offset_reset='earliest'
(the test publishes before the group exists) and consumer_timeout_ms (to end the loop).
"""
import json
import sys

from kafka import KafkaConsumer

bootstrap, topic, group = sys.argv[1:4]

consumer = KafkaConsumer(
    topic,
    bootstrap_servers=[bootstrap],
    group_id=group,
    value_deserializer=lambda m: json.loads(m.decode('utf-8')),
    auto_offset_reset='earliest',
    consumer_timeout_ms=5000,
)

for message in consumer:
    payload = message.value
    # Process the workflow event
    print(json.dumps(payload, separators=(',', ':')), flush=True)

consumer.close()  # commits the group's offsets (enable_auto_commit defaults to True)
