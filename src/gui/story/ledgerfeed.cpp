// SPDX-License-Identifier: GPL-3.0-or-later
#include "ledgerfeed.h"

#include "apicallevents.h"
#include "core/messagedecoder.h"
#include "gui/publish/publishpane.h"
#include "gui/session/renderinputs.h"
#include "gui/session/session.h"
#include "models/runledger.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"

#include <QFileInfo>
#include <QSet>

namespace porthole {

LedgerFeed::LedgerFeed(Session* session, RunsTableModel* table, QObject* parent)
    : QObject(parent), m_ledger(session->ledger()), m_table(table), m_session(session)
{
    connect(table, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { rowsReceived(first, last); });
    connect(table, &QAbstractItemModel::modelReset, this, [this] {
        m_recent.clear();
        m_older.clear();
    });
    connect(m_ledger, &RunLedger::changed, this, &LedgerFeed::storyBegan);
    if (Sandbox* sandbox = session->sandbox()) {
        connect(sandbox, &Sandbox::apiCallRecorded, this, &LedgerFeed::apiCallRecorded);
        connect(sandbox, &Sandbox::workflowRunStarted, this, &LedgerFeed::workflowRunStarted);
    }
}

void LedgerFeed::watchPublisher(PublishPane* publish)
{
    connect(publish, &PublishPane::publishStarted, this, &LedgerFeed::publishStarted);
    connect(publish, &PublishPane::messagesDelivered, this, &LedgerFeed::messagesDelivered);
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
    const RenderInputs* inputs = m_session->render();
    const QString contextRun = inputs->primaryRunId();
    const QString path = inputs->nodeFile();
    const QString node = path.isEmpty() ? tr("untitled node") : QFileInfo(path).fileName();
    const QString context = inputs->description();
    const bool strict = inputs->options().strict;
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
        if (!path.isEmpty() && !path.startsWith(u':')) // not for a bundled example
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
    const qint64 nowMs = now.toMSecsSinceEpoch();
    for (int row = first; row <= last && size_t(row) < store.size(); ++row) {
        const MessageStore::Entry& entry = store.entry(size_t(row));
        if (!entry.idsLen)
            continue; // names no run: nothing to note
        const std::string_view id = store.primaryId(entry);
        if (id.empty())
            continue;
        const qint64 seq = qint64(store.firstSeq() + uint64_t(row));
        const size_t key = RunLedger::idHash(id);
        m_recent.insert(key, Receipt{seq, nowMs});
        if (m_recent.size() >= kIndexGeneration) {
            m_older = std::move(m_recent);
            m_recent = {};
        }
        if (!m_ledger->mayKnow(key))
            continue; // no story yet: storyBegan() tells this message if one begins
        const QString runId = QString::fromUtf8(id.data(), qsizetype(id.size()));
        if (m_ledger->knows(runId))
            addReceived(runId, seq, now);
    }
}

void LedgerFeed::storyBegan(const QString& runId)
{
    const QVector<RunEvent> events = m_ledger->events(runId);
    if (events.size() != 1 || events.first().stage == RunEvent::Stage::Received)
        return;
    const size_t key = RunLedger::idHash(runId.toStdString());
    auto it = m_recent.constFind(key);
    if (it == m_recent.constEnd()) {
        it = m_older.constFind(key);
        if (it == m_older.constEnd())
            return;
    }
    const Receipt r = *it;
    // The row must still be held and name this run (a hash is not an id).
    const MessageStore& store = m_table->store();
    if (uint64_t(r.seq) < store.firstSeq() || uint64_t(r.seq) >= store.nextSeq())
        return;
    const MessageStore::Entry& entry = store.entry(size_t(uint64_t(r.seq) - store.firstSeq()));
    if (!entry.idsLen || RunLedger::primaryRunId(store.ids(entry)) != runId)
        return;
    addReceived(runId, r.seq, QDateTime::fromMSecsSinceEpoch(r.atMs, Qt::UTC));
}

void LedgerFeed::addReceived(const QString& runId, qint64 seq, const QDateTime& at)
{
    const MessageStore& store = m_table->store();
    if (uint64_t(seq) < store.firstSeq() || uint64_t(seq) >= store.nextSeq())
        return;
    const MessageStore::Entry& entry = store.entry(size_t(uint64_t(seq) - store.firstSeq()));
    RunEvent e;
    e.stage = RunEvent::Stage::Received;
    e.runId = runId;
    e.at = at;
    const RunIds ids = store.ids(entry);
    const QString wfr = QString::fromStdString(ids.workflowRun.text());
    if (wfr != runId)
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
    e.seq = seq;
    m_ledger->add(e);
}

void LedgerFeed::apiCallRecorded(const LocalApiCall& call)
{
    if (ApiCallEvents::fromReportTab(call))
        return; // the Report tab recorded it, with its latency and trace id
    for (const RunEvent& e : ApiCallEvents::fromCall(call))
        m_ledger->add(e);
    // The sandbox's workflow runner moves on when a consumer reports (it heard the call first).
    if (!m_workflowRuns.isEmpty())
        syncWorkflowRuns();
}

} // namespace porthole
