#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
# An independent reader (python3-kafka, no group, no commits) of every message on a topic:
# one JSON line per message with key, value and header values as hex (null stays null), sorted.
import json, sys
from kafka import KafkaConsumer, TopicPartition

bootstrap, topic, expected = sys.argv[1], sys.argv[2], int(sys.argv[3])
consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False,
                         consumer_timeout_ms=10000)
parts = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or []]
consumer.assign(parts)
consumer.seek_to_beginning(*parts)
hexed = lambda b: None if b is None else b.hex()
out = []
for m in consumer:
    out.append(json.dumps({"key": hexed(m.key), "value": hexed(m.value),
                           "headers": [[k, hexed(v)] for k, v in m.headers]}))
    if len(out) >= expected:
        break
for line in sorted(out):
    print(line)
