// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafka/kafkaproducer.h"
#include "portapi/localapicall.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>

#include <string>
#include <vector>

namespace porthole {

class PublishPane;
class RunLedger;
class RunsTableModel;
class Session;

/// Feeds the window's run ledger from the panes and the sandbox, so every run's story is told
/// in one place: what was rendered and published here (Publish tab), what arrived on the topic
/// (Runs table), and every report and log the sandbox's local API answered (a user's own
/// consumer included; the Report tab's own calls are recorded by the tab itself and skipped
/// here, see ApiCallEvents::kReportAgentPrefix).
///
/// A busy topic must not cost a story per message: a message becomes a "received" event at once
/// only when its run already has a story (published here, reported); otherwise only its row and
/// arrival time are noted in a small bounded index (16 bytes, no strings), and the event is
/// written when the run's story begins (a report arrives later). So most messages cost one hash
/// insert, and the ledger keeps the runs something happened to.
class LedgerFeed : public QObject
{
    Q_OBJECT
public:
    /// Feeds the session's ledger with the messages `table` receives (see rowsReceived()) and
    /// the calls the session's sandbox API answers.
    LedgerFeed(Session* session, RunsTableModel* table, QObject* parent = nullptr);
    /// Also feeds it from a Publish tab.
    void watchPublisher(PublishPane* publish);

    /// A publish began (records "rendered" for each run the values name).
    void publishStarted(const std::vector<std::string>& values, const QString& topic,
                        bool signedLikePort);
    /// Delivery reports of that publish arrived (records "published").
    void messagesDelivered(const QList<porthole::DeliveryReport>& reports);
    /// Rows were appended to the Runs table (records "received" for those naming a run).
    void rowsReceived(int first, int last);
    /// The sandbox's API answered a call (records "reported"/"logged").
    void apiCallRecorded(const porthole::LocalApiCall& call);
    /// A run's story began: tell it the message already received for it, if any.
    void storyBegan(const QString& runId);
    /// The sandbox started a workflow run (POST /v1/workflows/{id}/runs): its story lists its
    /// node runs as the sandbox runs them (ledgerworkflows.cpp).
    void workflowRunStarted(const QString& workflowRunId, const QByteArray& workflow);

private:
    RunLedger* m_ledger;
    RunsTableModel* m_table;
    Session* m_session;
    // The publish going on: the run id and workflow run id of each value, and where.
    QStringList m_valueRuns;
    QStringList m_valueWorkflowRuns;
    QString m_topic;
    bool m_signed = false;
    QDateTime m_publishStart;
    // Where the latest message of a run (by the hash of its id) sits, and when it came: two
    // generations of at most kIndexGeneration entries each, the older dropped whole.
    struct Receipt
    {
        qint64 seq = -1;
        qint64 atMs = 0;
    };
    static constexpr qsizetype kIndexGeneration = 100000;
    QHash<size_t, Receipt> m_recent;
    QHash<size_t, Receipt> m_older;
    void addReceived(const QString& runId, qint64 seq, const QDateTime& at);
    // The sandbox's workflow runs still running: each node's type, the node runs told.
    struct FollowedRun
    {
        QHash<QString, QString> nodeTypes;
        QSet<QString> told;
        QString workflow;
    };
    QHash<QString, FollowedRun> m_workflowRuns;
    void syncWorkflowRuns();
    // Shared by the Received events of a topic (one string, not one per message).
    std::string m_lastTopicBytes;
    QString m_lastTopic;
};

} // namespace porthole
