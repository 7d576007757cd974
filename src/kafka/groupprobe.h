// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace porthole {

/// Watches a consumer group from outside without ever joining it, on a broker that answers
/// neither ListGroups nor DescribeGroups (librdkafka 2.0.2's mock cluster, our sandbox).
///
/// How it sees a join: a group exists on the broker only once a member has sent JoinGroup.
/// Before that, an offset commit from a non-member (generation -1) is accepted; afterwards the
/// broker refuses it with UNKNOWN_MEMBER_ID. So probe() commits offset 0 for every partition:
/// accepted means "nobody has joined yet" (and re-commits the same 0 precommit() wrote, changing
/// nothing), refused means "a member joined". Because precommit() stored offset 0 before the
/// consumer started, the consumer starts at the beginning whatever its auto.offset.reset says,
/// so messages published right after the join are never skipped.
class GroupProbe
{
public:
    enum class State
    {
        NotJoined, ///< the group does not exist yet
        Joined,    ///< a member has joined (the broker refuses a non-member's commit)
        Error      ///< the broker could not be asked (see error())
    };

    /// A probe of `group` for `topic` (with `partitions` partitions) on `bootstrap`.
    static std::unique_ptr<GroupProbe> create(const std::string& bootstrap,
                                              const std::string& topic, int partitions,
                                              const std::string& group, std::string* error);
    ~GroupProbe();

    /// Commits offset 0 on every partition for the (not yet existing) group; false + why.
    bool precommit(std::string* error);
    /// The same at the topic's current end offsets (a real broker's topic with older messages);
    /// probe() then re-commits those.
    bool precommitAtEnd(std::string* error);
    /// Asks the broker whether a member has joined (one loopback round trip, at most 5 s).
    State probe();
    /// The group's committed offset per partition (-1: none); empty + error() on failure. Reads
    /// only (OffsetFetch): works while the consumer is a member.
    std::map<int32_t, int64_t> committed(int timeoutMs = 2000);
    /// The last error (empty when none).
    const std::string& error() const { return m_error; }

private:
    GroupProbe() = default;
    int commitZero();
    struct Impl;
    std::unique_ptr<Impl> d;
    std::string m_topic;
    int m_partitions = 0;
    std::vector<int64_t> m_start; // precommitAtEnd: the offsets committed; empty: all 0
    std::string m_error;
};

} // namespace porthole
