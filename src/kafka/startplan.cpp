// SPDX-License-Identifier: GPL-3.0-or-later
#include "startplan.h"

#include <algorithm>
#include <optional>

namespace porthole {
namespace {

std::optional<int64_t> known(const std::map<int32_t, int64_t>& m, int32_t p)
{
    const auto it = m.find(p);
    return it == m.end() ? std::nullopt : std::optional<int64_t>(it->second);
}

} // namespace

StartPlan::StartPlan(const StartPosition& from, const std::vector<int32_t>& partitions,
                     const std::map<int32_t, int64_t>& firsts,
                     const std::map<int32_t, int64_t>& ends)
    : m_firsts(firsts)
{
    for (int32_t p : partitions) {
        const auto lo = known(firsts, p), hi = known(ends, p);
        int64_t offset = 0;
        switch (from.kind) {
        case StartPosition::Kind::Beginning:
            offset = lo.value_or(kBeginning);
            m_wanted[p] = 0;
            break;
        case StartPosition::Kind::End:
            // "New messages" start at the end as it is now, not whenever the fetcher first
            // resolves the logical END: a message published right after Watch was clicked
            // (or while paused before that lookup) would otherwise be skipped.
            offset = hi.value_or(kEnd);
            break;
        case StartPosition::Kind::Offset:
            offset = from.value;
            m_wanted[p] = from.value;
            break;
        case StartPosition::Kind::Timestamp:
            offset = from.value; // the caller looks the time up
            break;
        case StartPosition::Kind::Tail:
            if (lo && hi) {
                const int64_t first = std::max<int64_t>(0, *hi - from.value);
                offset = std::max(*lo, first);
                m_wanted[p] = first;
            } else {
                offset = kTailBase - from.value;
            }
            break;
        }
        m_assign.emplace_back(p, offset);
    }
}

std::map<int32_t, std::pair<int64_t, int64_t>> StartPlan::dropped() const
{
    std::map<int32_t, std::pair<int64_t, int64_t>> gone;
    for (const auto& [p, first] : m_wanted) {
        const auto lo = m_firsts.find(p);
        if (lo != m_firsts.end() && first < lo->second)
            gone[p] = {first, lo->second};
    }
    return gone;
}

} // namespace porthole
