#include "ledgerfeed.h"

#include "apicallevents.h"
#include "core/messagedecoder.h"
#include "gui/mainwindow.h"
#include "gui/node/documentcontroller.h"
#include "gui/preview/previewpane.h"
#include "gui/publish/publishpane.h"
#include "models/runledger.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"

#include <QFileInfo>
#include <QSet>

namespace porthole {

LedgerFeed::LedgerFeed(RunLedger* ledger, RunsTableModel* table, QObject* parent)
    : QObject(parent), m_ledger(ledger), m_table(table)
{
    connect(table, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { rowsReceived(first, last); });
}

void LedgerFeed::watchWindow(MainWindow* window)
{
    m_window = window;
    connect(window->publishPane(), &PublishPane::publishStarted, this, &LedgerFeed::publishStarted);
    connect(window->publishPane(), &PublishPane::messagesDelivered, this,
            &LedgerFeed::messagesDelivered);
    if (Sandbox* sandbox = window->sandbox())
        connect(sandbox, &Sandbox::apiCallRecorded, this, &LedgerFeed::apiCallRecorded);
}

void LedgerFeed::publishStarted(const std::vector<std::string>& values, const QString& topic,
                                bool signedLikePort)
{
    m_publishStart = QDateTime::currentDateTimeUtc();
    m_topic = topic;
    m_signed = signedLikePort;
    m_valueRuns.clear();
    m_valueWorkflowRuns.clear();
    // The run the context names, for values that name none themselves.
    const JsonValue& ctx = m_window->previewPane()->context();
    const JsonValue& wfnr = ctx["workflowNodeRun"]["identifier"];
    const JsonValue& run = ctx["run"]["id"];
    const QString contextRun = QString::fromStdString(wfnr.isString()  ? wfnr.toString()
                                                      : run.isString() ? run.toString()
                                                                       : std::string());
    const QString path = m_window->documents()->document()->path();
    const QString node = path.isEmpty() ? tr("untitled node") : QFileInfo(path).fileName();
    const QString context = m_window->previewPane()->contextDescription();
    const bool strict = m_window->previewPane()->options().strict;
    QSet<QString> rendered;
    for (size_t i = 0; i < values.size(); ++i) {
        const RunIds ids = MessageDecoder::findIds(values[i]);
        QString runId = RunLedger::primaryRunId(ids);
        if (runId.isEmpty())
            runId = contextRun;
        const QString wfr = QString::fromStdString(ids.workflowRun.text());
        m_valueRuns << runId;
        m_valueWorkflowRuns << (wfr == runId ? QString() : wfr);
        if (runId.isEmpty() || rendered.contains(runId))
            continue;
        rendered.insert(runId);
        RunEvent e;
        e.stage = RunEvent::Stage::Rendered;
        e.at = m_publishStart;
        e.runId = runId;
        e.workflowRunId = m_valueWorkflowRuns.last();
        e.source = QStringLiteral("Porthole");
        e.summary = tr("node %1 · context: %2 · %3 · %n message(s)", nullptr, int(values.size()))
                        .arg(node, context, strict ? tr("strict") : tr("not strict"));
        if (!path.isEmpty())
            e.detail = path;
        m_ledger->add(e);
    }
}

void LedgerFeed::messagesDelivered(const QList<DeliveryReport>& reports)
{
    if (m_valueRuns.isEmpty())
        return;
    for (const DeliveryReport& r : reports) {
        const auto value = qsizetype(r.index % uint64_t(m_valueRuns.size()));
        if (!r.delivered() || m_valueRuns[value].isEmpty())
            continue;
        RunEvent e;
        e.stage = RunEvent::Stage::Published;
        // When the broker acknowledged it: the publish's start plus the round trip.
        e.at = m_publishStart.addMSecs(qint64(r.latencyMs));
        e.runId = m_valueRuns[value];
        e.workflowRunId = m_valueWorkflowRuns[value];
        e.source = QStringLiteral("Porthole");
        e.topic = r.topic.empty() ? m_topic : QString::fromStdString(r.topic);
        e.partition = r.partition;
        e.offset = r.offset;
        e.signedByPort = m_signed;
        e.latencyMs = qint64(r.latencyMs);
        e.summary = tr("%1 partition %2 offset %3 · acknowledged in %4 ms")
                        .arg(e.topic)
                        .arg(r.partition)
                        .arg(r.offset)
                        .arg(r.latencyMs, 0, 'f', 1);
        m_ledger->add(e);
    }
}

void LedgerFeed::rowsReceived(int first, int last)
{
    const MessageStore& store = m_table->store();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int row = first; row <= last && size_t(row) < store.size(); ++row) {
        const MessageStore::Entry& entry = store.entry(size_t(row));
        if (!entry.idsLen)
            continue; // no run id: nothing to tell (most of a busy topic costs one test)
        const RunIds ids = store.ids(entry);
        RunEvent e;
        e.stage = RunEvent::Stage::Received;
        e.runId = RunLedger::primaryRunId(ids);
        if (e.runId.isEmpty())
            continue;
        e.at = now;
        const QString wfr = QString::fromStdString(ids.workflowRun.text());
        if (wfr != e.runId)
            e.workflowRunId = wfr;
        e.source = QStringLiteral("Runs topic");
        const std::string_view topic = store.topic(entry);
        if (topic != m_lastTopicBytes) {
            m_lastTopicBytes = std::string(topic);
            m_lastTopic = QString::fromUtf8(topic.data(), qsizetype(topic.size()));
        }
        e.topic = m_lastTopic;
        e.partition = entry.partition;
        e.offset = entry.offset;
        e.seq = qint64(store.firstSeq() + uint64_t(row));
        m_ledger->add(e);
    }
}

void LedgerFeed::apiCallRecorded(const LocalApiCall& call)
{
    if (ApiCallEvents::fromReportTab(call))
        return; // the Report tab recorded it, with its latency and trace id
    for (const RunEvent& e : ApiCallEvents::fromCall(call))
        m_ledger->add(e);
}

} // namespace porthole
