// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace porthole {

/// What a record's timestamp means (Kafka's message.timestamp.type): the producer's create time,
/// the broker's log-append time, or none (old message formats, records made by hand).
enum class TimestampType : uint8_t
{
    None,
    CreateTime,
    LogAppendTime,
};

/// One Kafka record exactly as it came off the wire: raw bytes, nothing decoded. Plain value
/// type without librdkafka so decoding and classification can be tested and fuzzed alone.
struct KafkaRecord
{
    using Header = std::pair<std::string, std::optional<std::string>>;

    std::string topic;
    int32_t partition = 0;
    int64_t offset = 0;
    int64_t timestamp = -1; ///< milliseconds since the epoch, -1 when absent
    TimestampType timestampType = TimestampType::None;
    std::optional<std::string> key;   ///< nullopt: null key
    std::vector<Header> headers;      ///< in record order; a header value may be null
    std::optional<std::string> value; ///< nullopt: null value (tombstone)
};

} // namespace porthole
