// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "watchoptions.h"

#include <cstdint>
#include <map>
#include <utility>
#include <vector>

namespace porthole {

/// Where a watcher starts reading each partition, worked out from the start position and the
/// ends of each partition's log (no broker here: KafkaWatcher asks it for them, StartPlan decides).
/// Real offsets wherever the ends are known, so every partition can be fetched at once; the
/// logical ones (librdkafka's BEGINNING/END/TAIL) only when they are not.
class StartPlan
{
public:
    /// librdkafka's logical offsets, repeated here so the plan needs no librdkafka.
    static constexpr int64_t kBeginning = -2;
    static constexpr int64_t kEnd = -1;
    static constexpr int64_t kTailBase = -2000;

    /// `firsts`/`ends`: each partition's log start offset and high watermark; missing
    /// partitions (or empty maps: the lookup failed) fall back to logical offsets. A timestamp
    /// position gets the time itself as its offset: the caller looks it up.
    StartPlan(const StartPosition& from, const std::vector<int32_t>& partitions,
              const std::map<int32_t, int64_t>& firsts, const std::map<int32_t, int64_t>& ends);

    /// The offset to assign, per partition, in the order given.
    const std::vector<std::pair<int32_t, int64_t>>& assignments() const { return m_assign; }
    /// Notes the first offset a partition asks for where the position alone does not say it
    /// (a timestamp, once looked up).
    void want(int32_t partition, int64_t offset) { m_wanted[partition] = offset; }
    /// Partitions whose first wanted messages the broker has already dropped (the sandbox keeps
    /// a few MB per partition; real topics have retention): reading starts at the oldest still
    /// there and the user should know what is missing. partition -> (first offset wanted,
    /// first offset still there).
    std::map<int32_t, std::pair<int64_t, int64_t>> dropped() const;

private:
    std::vector<std::pair<int32_t, int64_t>> m_assign;
    std::map<int32_t, int64_t> m_wanted; ///< the first offset each partition asks for
    std::map<int32_t, int64_t> m_firsts;
};

} // namespace porthole
