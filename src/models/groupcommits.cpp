// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupcommits.h"

namespace porthole {

QStringList GroupCommits::groups() const
{
    QStringList out;
    for (const auto& [group, offsets] : m_groups)
        out << group;
    return out;
}

void GroupCommits::setGroups(const QStringList& groups)
{
    std::map<QString, std::map<int32_t, int64_t>> next;
    for (const QString& g : groups) {
        const auto old = m_groups.find(g);
        next[g] = old == m_groups.end() ? std::map<int32_t, int64_t>() : old->second;
    }
    if (next == m_groups)
        return;
    m_groups = std::move(next);
    Q_EMIT changed();
}

void GroupCommits::setCommitted(const QString& group, const std::map<int32_t, int64_t>& committed)
{
    const auto it = m_groups.find(group);
    if (it == m_groups.end() || it->second == committed)
        return; // a group no longer watched, or nothing new: no repaint
    it->second = committed;
    Q_EMIT changed();
}

int64_t GroupCommits::committed(const QString& group, int32_t partition) const
{
    const auto g = m_groups.find(group);
    if (g == m_groups.end())
        return -1;
    const auto p = g->second.find(partition);
    return p == g->second.end() ? -1 : p->second;
}

QStringList GroupCommits::consumedBy(int32_t partition, int64_t offset) const
{
    QStringList out;
    for (const auto& [group, offsets] : m_groups) {
        const auto p = offsets.find(partition);
        // The committed offset is the next one the group reads: past it means greater.
        if (p != offsets.end() && p->second > offset)
            out << group;
    }
    return out;
}

} // namespace porthole
