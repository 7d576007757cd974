// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafka/groupoffsets.h"
#include "kafka/kafkaconfig.h"

#include <QFutureWatcher>
#include <QObject>
#include <QStringList>

#include <memory>
#include <vector>

namespace porthole {

/// One look at the consumer groups: where each stands on every partition of the runs topic.
struct GroupsSnapshot
{
    bool listAsked = false;
    QStringList listed; ///< the groups the broker named (ORG.*), when it was asked
    QString listNote;   ///< why the broker could not list them ("" when it could)
    std::vector<GroupPosition> positions;
    QStringList errors; ///< groups that could not be read, with why
    QString error;      ///< nothing could be read (the broker, the topic), "" otherwise
    qint64 atMs = 0;
};

// Reads the groups' committed offsets, the end offsets and the oldest waiting messages on a
// worker thread (the admin API: it never joins a group or commits), one poll at a time. The
// Kafka client is kept between polls of the same connection.
class GroupPoller : public QObject
{
    Q_OBJECT
public:
    explicit GroupPoller(QObject* parent = nullptr);
    ~GroupPoller() override;

    /// Starts a poll of `groups` on `topic`; with `list`, asks the broker for ORG.* first (those
    /// are read too). False (nothing started) while the last poll is still running.
    bool poll(const KafkaConfig& config, const QString& topic, const QString& org,
              const QStringList& groups, bool list);
    bool busy() const { return m_busy; }

Q_SIGNALS:
    void polled(const porthole::GroupsSnapshot& snapshot);

private:
    QFutureWatcher<GroupsSnapshot> m_watcher;
    bool m_busy = false; ///< the watcher learns of a started future only later, by an event
    std::shared_ptr<GroupOffsets> m_client;
    std::vector<KafkaConfig::Property> m_clientConfig;
};

} // namespace porthole
