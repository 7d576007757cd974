# SPDX-License-Identifier: GPL-3.0-or-later
"""Commits offsets for a consumer group as its consumer would after reading (python3-kafka).

Usage: commit_offsets.py BOOTSTRAP TOPIC GROUP PARTITION=OFFSET...
The consumer is assigned the partitions (no subscription, so no rebalance) and commits the
given next-offsets: the state a group leaves after reading up to OFFSET-1.
"""
import sys

from kafka import KafkaConsumer, TopicPartition
from kafka.structs import OffsetAndMetadata

bootstrap, topic, group = sys.argv[1:4]
offsets = {}
for arg in sys.argv[4:]:
    partition, offset = arg.split('=')
    offsets[TopicPartition(topic, int(partition))] = OffsetAndMetadata(int(offset), None)
consumer = KafkaConsumer(bootstrap_servers=[bootstrap], group_id=group, enable_auto_commit=False)
consumer.assign(list(offsets))
consumer.commit(offsets)
consumer.close(autocommit=False)
print('committed', len(offsets))
