// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkaconfig.h"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// The consumer groups a broker can name, or why it cannot.
struct GroupListing
{
    std::vector<std::string> groups; ///< sorted
    std::string unavailable;         ///< why listing is not possible ("" when it worked)
};

/// Where one group stands on one partition.
struct GroupPosition
{
    std::string group;
    int32_t partition = 0;
    int64_t committed = -1; ///< the next offset the group will read; -1: no committed offset
    int64_t end = -1;       ///< the partition's end offset (high watermark); -1: unknown
    int64_t lag = -1;       ///< messages from `committed` to `end`; -1 without a committed offset
    /// Seconds since the oldest message the group has not consumed was written; absent when
    /// the group is at the end (or has no committed offset).
    std::optional<double> oldestWaitingS;
};

// Reads consumer groups' committed offsets from outside, through the admin API (OffsetFetch):
// it never joins a group and never commits. Listing groups (ListGroups) needs a broker that
// answers it; librdkafka's mock cluster (the sandbox) does not, and list() says so.
class GroupOffsets
{
public:
    /// A client for the connection in `config`; nullptr + error when the settings are refused.
    static std::unique_ptr<GroupOffsets> create(const KafkaConfig& config, std::string* error);
    ~GroupOffsets();

    /// The groups whose id starts with `prefix` (e.g. "ORG."), or why they cannot be listed.
    GroupListing list(const std::string& prefix, int timeoutMs = 10000);
    /// `group`'s committed offset per partition of `topic` (-1: none); nullopt + error when the
    /// broker cannot be asked.
    std::optional<std::map<int32_t, int64_t>> committed(const std::string& group,
                                                        const std::string& topic,
                                                        const std::vector<int32_t>& partitions,
                                                        std::string* error, int timeoutMs = 10000);
    /// The partitions of `topic` (sorted); nullopt + error when the metadata cannot be read.
    std::optional<std::vector<int32_t>> partitions(const std::string& topic, std::string* error,
                                                   int timeoutMs = 5000);
    /// Each partition's first and end offsets (low, high watermark); nullopt + error.
    std::optional<std::map<int32_t, std::pair<int64_t, int64_t>>>
    watermarks(const std::string& topic, const std::vector<int32_t>& partitions, std::string* error,
               int timeoutMs = 5000);
    /// The timestamp (epoch ms) of the first message at or after `offset`; nullopt when there
    /// is none within the timeout.
    std::optional<int64_t> timestampAt(const std::string& topic, int32_t partition, int64_t offset,
                                       int timeoutMs = 5000);
    /// committed + watermarks + oldest waiting message of `group` on `partitions`, at `nowMs`.
    std::optional<std::vector<GroupPosition>> positions(const std::string& group,
                                                        const std::string& topic,
                                                        const std::vector<int32_t>& partitions,
                                                        int64_t nowMs, std::string* error);

private:
    GroupOffsets() = default;
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace porthole
