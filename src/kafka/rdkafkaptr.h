// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/kafka: the only header that includes librdkafka. Every handle is owned by a
// unique_ptr with librdkafka's own destroy function.
#include <librdkafka/rdkafka.h>

#include <memory>
#include <string>

namespace porthole {

class KafkaConfig;

struct RdDeleter
{
    void operator()(rd_kafka_t* p) const { rd_kafka_destroy(p); }
    void operator()(rd_kafka_conf_t* p) const { rd_kafka_conf_destroy(p); }
    void operator()(rd_kafka_topic_t* p) const { rd_kafka_topic_destroy(p); }
    void operator()(rd_kafka_topic_partition_list_t* p) const
    {
        rd_kafka_topic_partition_list_destroy(p);
    }
    void operator()(rd_kafka_queue_t* p) const { rd_kafka_queue_destroy(p); }
    void operator()(rd_kafka_message_t* p) const { rd_kafka_message_destroy(p); }
    void operator()(const rd_kafka_metadata_t* p) const { rd_kafka_metadata_destroy(p); }
    void operator()(rd_kafka_headers_t* p) const { rd_kafka_headers_destroy(p); }
};

using RdKafkaPtr = std::unique_ptr<rd_kafka_t, RdDeleter>;
using RdConfPtr = std::unique_ptr<rd_kafka_conf_t, RdDeleter>;
using RdTopicPtr = std::unique_ptr<rd_kafka_topic_t, RdDeleter>;
using RdPartitionsPtr = std::unique_ptr<rd_kafka_topic_partition_list_t, RdDeleter>;
using RdQueuePtr = std::unique_ptr<rd_kafka_queue_t, RdDeleter>;
using RdMessagePtr = std::unique_ptr<rd_kafka_message_t, RdDeleter>;
using RdMetadataPtr = std::unique_ptr<const rd_kafka_metadata_t, RdDeleter>;

/// A librdkafka configuration holding every property, or nullptr with "KEY: reason".
RdConfPtr buildConf(const KafkaConfig& config, std::string* error);

/// rd_kafka_new that takes ownership of `conf` in every case.
RdKafkaPtr newHandle(rd_kafka_type_t type, RdConfPtr conf, std::string* error);

} // namespace porthole
