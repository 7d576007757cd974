#pragma once

#include "kafka/kafkaproducer.h"
#include "portapi/localapicall.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>

#include <string>
#include <vector>

namespace porthole {

class MainWindow;
class RunLedger;
class RunsTableModel;

/// Feeds the window's run ledger from the panes and the sandbox, so every run's story is told
/// in one place: what was rendered and published here (Publish tab), what arrived on the topic
/// (Runs table, only messages that name a run, O(1) each), and every report and log the
/// sandbox's local API answered (a user's own consumer included; the Report tab's own calls are
/// recorded by the tab itself and skipped here, see ApiCallEvents::kReportAgentPrefix).
class LedgerFeed : public QObject
{
    Q_OBJECT
public:
    /// Feeds `ledger` with the messages `table` receives (see rowsReceived()).
    LedgerFeed(RunLedger* ledger, RunsTableModel* table, QObject* parent = nullptr);
    /// Also feeds it from `window`'s Publish tab and its sandbox's API.
    void watchWindow(MainWindow* window);

    /// A publish began (records "rendered" for each run the values name).
    void publishStarted(const std::vector<std::string>& values, const QString& topic,
                        bool signedLikePort);
    /// Delivery reports of that publish arrived (records "published").
    void messagesDelivered(const QList<porthole::DeliveryReport>& reports);
    /// Rows were appended to the Runs table (records "received" for those naming a run).
    void rowsReceived(int first, int last);
    /// The sandbox's API answered a call (records "reported"/"logged").
    void apiCallRecorded(const porthole::LocalApiCall& call);

private:
    RunLedger* m_ledger;
    RunsTableModel* m_table;
    MainWindow* m_window = nullptr;
    // The publish going on: the run id and workflow run id of each value, and where.
    QStringList m_valueRuns;
    QStringList m_valueWorkflowRuns;
    QString m_topic;
    bool m_signed = false;
    QDateTime m_publishStart;
    // Shared by the Received events of a topic (one string, not one per message).
    std::string m_lastTopicBytes;
    QString m_lastTopic;
};

} // namespace porthole
