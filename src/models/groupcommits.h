// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <map>

namespace porthole {

/// The consumer groups being watched and each one's committed offset per partition of the runs
/// topic: the one home of "has this group read that message?". The groups panel fills it from
/// its polling (admin API, never a member); the Runs table's Consumed column and the diagnosis
/// read it.
class GroupCommits : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    /// The watched groups, sorted (with or without offsets read yet).
    QStringList groups() const;
    /// Watches exactly `groups` (offsets of the others are forgotten).
    void setGroups(const QStringList& groups);
    /// `group`'s committed offsets (the next offset it reads; -1: none) per partition.
    void setCommitted(const QString& group, const std::map<int32_t, int64_t>& committed);
    /// The committed offset of `group` on `partition` (-1: none or unknown).
    int64_t committed(const QString& group, int32_t partition) const;
    /// The watched groups whose committed offset on `partition` is past `offset`.
    QStringList consumedBy(int32_t partition, int64_t offset) const;

Q_SIGNALS:
    /// The groups or their offsets changed.
    void changed();

private:
    std::map<QString, std::map<int32_t, int64_t>> m_groups;
};

} // namespace porthole
