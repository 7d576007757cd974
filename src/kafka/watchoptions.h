// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkaconfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// Where watching starts in each partition.
struct StartPosition
{
    enum class Kind
    {
        Beginning,
        End,
        Offset,
        Timestamp,
        Tail
    };
    Kind kind = Kind::End;
    int64_t value = 0; ///< offset, epoch ms, or N for the last N per partition

    /// Parses beginning | end | OFFSET | @EPOCH_MS | -N.
    static std::optional<StartPosition> parse(std::string_view text, std::string* error);
};

/// What to watch and how to connect.
struct WatchOptions
{
    KafkaConfig config; ///< connection properties (profile + -X)
    std::string topic;
    std::string org;                  ///< for the group id prefix; derived from topic if empty
    std::optional<int32_t> partition; ///< all partitions when absent
    std::vector<int32_t> partitions;  ///< or several (all when empty and `partition` is absent)
    StartPosition from;
    std::string groupId; ///< optional; must start with "ORG." when org is known
    int connectTimeoutMs = 10000;
};

} // namespace porthole
