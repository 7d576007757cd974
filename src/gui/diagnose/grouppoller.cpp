// SPDX-License-Identifier: GPL-3.0-or-later
#include "grouppoller.h"

#include <QDateTime>
#include <QtConcurrent/QtConcurrentRun>

#include <set>

namespace porthole {
namespace {

GroupsSnapshot pollOnce(const std::shared_ptr<GroupOffsets>& client, const std::string& topic,
                        const std::string& org, const QStringList& named, bool list)
{
    GroupsSnapshot s;
    s.atMs = QDateTime::currentMSecsSinceEpoch();
    std::set<std::string> groups;
    for (const QString& g : named)
        groups.insert(g.toStdString());
    if (list) {
        s.listAsked = true;
        const GroupListing listing = client->list(org + ".", 5000);
        s.listNote = QString::fromStdString(listing.unavailable);
        for (const std::string& g : listing.groups) {
            s.listed << QString::fromStdString(g);
            groups.insert(g);
        }
    }
    std::string error;
    const auto partitions = client->partitions(topic, &error);
    if (!partitions) {
        s.error = QString::fromStdString(error);
        return s;
    }
    for (const std::string& g : groups) {
        const auto positions = client->positions(g, topic, *partitions, s.atMs, &error);
        if (!positions) {
            s.errors << QString::fromStdString(error);
            continue;
        }
        s.positions.insert(s.positions.end(), positions->begin(), positions->end());
    }
    return s;
}

} // namespace

GroupPoller::GroupPoller(QObject* parent) : QObject(parent)
{
    connect(&m_watcher, &QFutureWatcher<GroupsSnapshot>::finished, this, [this] {
        m_busy = false;
        Q_EMIT polled(m_watcher.result());
    });
}

// A poll still running finishes on the pool by itself (it holds its own client and values, not
// this object); the application waits for the pool when it exits.
GroupPoller::~GroupPoller() = default;

bool GroupPoller::poll(const KafkaConfig& config, const QString& topic, const QString& org,
                       const QStringList& groups, bool list)
{
    if (busy())
        return false;
    if (!m_client || m_clientConfig != config.properties()) {
        std::string error;
        m_client = GroupOffsets::create(config, &error);
        m_clientConfig = config.properties();
        if (!m_client) {
            GroupsSnapshot s;
            s.atMs = QDateTime::currentMSecsSinceEpoch();
            s.error = QString::fromStdString(error);
            Q_EMIT polled(s);
            return true;
        }
    }
    m_busy = true;
    m_watcher.setFuture(QtConcurrent::run(pollOnce, m_client, topic.toStdString(),
                                          org.toStdString(), groups, list));
    return true;
}

} // namespace porthole
