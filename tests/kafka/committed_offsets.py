# SPDX-License-Identifier: GPL-3.0-or-later
"""Prints a consumer group's committed offsets for a topic as JSON {"partition": offset|null}.

Usage: committed_offsets.py BOOTSTRAP TOPIC GROUP
Only reads (OffsetFetch): it never joins the group and never commits.
"""
import json
import sys

from kafka import KafkaConsumer, TopicPartition

bootstrap, topic, group = sys.argv[1:4]
consumer = KafkaConsumer(bootstrap_servers=[bootstrap], group_id=group, enable_auto_commit=False)
partitions = consumer.partitions_for_topic(topic) or set()
result = {str(p): consumer.committed(TopicPartition(topic, p)) for p in sorted(partitions)}
consumer.close(autocommit=False)
print(json.dumps(result, sort_keys=True))
