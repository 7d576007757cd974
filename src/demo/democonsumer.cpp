// SPDX-License-Identifier: GPL-3.0-or-later
#include "democonsumer.h"

#include "kafka/watchsession.h"
#include "portapi/portcall.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>

namespace porthole {

namespace {

PortClientConfig clientConfig(const DemoConsumerConfig& c)
{
    PortClientConfig config;
    config.baseUrl = c.apiUrl;
    config.clientId = c.clientId;
    config.clientSecret = c.clientSecret;
    config.timeoutMs = 10000;
    config.maxAttempts = 2; // a local API: one retry is plenty, and the demo must not hang
    return config;
}

// How many fields the message's payload has, for a log line that shows the consumer read it.
int payloadFields(const std::string& value)
{
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray::fromStdString(value));
    const QJsonValue payload = doc.object().value(QStringLiteral("payload"));
    return payload.isObject() ? int(payload.toObject().size()) : 0;
}

} // namespace

DemoConsumer::DemoConsumer(DemoConsumerConfig config, QObject* parent)
    : QObject(parent), m_config(std::move(config)), m_client(clientConfig(m_config))
{
    qRegisterMetaType<porthole::DemoConsumer::Step>();
    m_pace.setSingleShot(true);
    connect(&m_pace, &QTimer::timeout, this, &DemoConsumer::sendStep);
}

DemoConsumer::~DemoConsumer()
{
    stop();
}

QString DemoConsumer::stepName(Step step)
{
    switch (step) {
    case Step::InProgress:
        return QStringLiteral("IN_PROGRESS");
    case Step::Logs:
        return QStringLiteral("log");
    case Step::Completed:
        return QStringLiteral("COMPLETED");
    }
    return {};
}

void DemoConsumer::start()
{
    stop();
    WatchOptions options;
    options.config.set("bootstrap.servers", m_config.bootstrap.toStdString());
    // A local broker: short fetch waits, so a run is picked up as soon as it lands.
    options.config.set("fetch.wait.max.ms", "10");
    options.config.set("fetch.error.backoff.ms", "10");
    options.topic = m_config.topic.toStdString();
    options.org = m_config.org.toStdString();
    // Only what is published from now on: older runs on the topic are not the demo's.
    options.from.kind = StartPosition::Kind::End;
    m_session = std::make_unique<WatchSession>(options);
    connect(m_session.get(), &WatchSession::messagesReceived, this, &DemoConsumer::onBatch);
    connect(m_session.get(), &WatchSession::failed, this, &DemoConsumer::failed);
    // The end offsets are fixed when the worker starts; the first "at the end" means anything
    // published afterwards will be read.
    connect(m_session.get(), &WatchSession::reachedEnd, this, [this] {
        if (m_ready)
            return;
        m_ready = true;
        Q_EMIT ready();
    });
    m_session->start();
}

void DemoConsumer::stop()
{
    m_pace.stop();
    if (m_session)
        m_session->stop();
    m_session.reset();
    // Calls still in flight are dropped (the client lets go of a deleted call): no answer may
    // reach a consumer that stopped, or one being destroyed.
    qDeleteAll(findChildren<PortCall*>(Qt::FindDirectChildrenOnly));
    m_queue.clear();
    m_busy = false;
    m_ready = false;
}

void DemoConsumer::onBatch(const MessageBatch& batch)
{
    for (const WatchedMessage& m : *batch) {
        // Port's agent acts on workflow node runs (and classic runs, which the demo never sends).
        if (m.info.kind != MessageKind::WorkflowNode || m.info.ids.nodeRun.isNull() ||
            !m.record->value)
            continue;
        const QString id = QString::fromStdString(m.info.ids.nodeRun.text());
        if (m_seen.contains(id))
            continue;
        m_seen.insert(id);
        Job job;
        job.nodeRunId = id;
        job.workflowRunId = QString::fromStdString(m.info.ids.workflowRun.text());
        job.partition = m.record->partition;
        job.offset = m.record->offset;
        job.payloadFields = payloadFields(*m.record->value);
        m_queue.append(job);
        Q_EMIT runReceived(id);
    }
    if (!m_busy)
        scheduleNext();
}

void DemoConsumer::scheduleNext()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        return;
    }
    m_busy = true;
    m_pace.start(std::max(0, m_config.paceMs));
}

std::optional<PortRequest> DemoConsumer::requestFor(const Job& job, QString* error) const
{
    switch (Step(job.step)) {
    case Step::InProgress: {
        NodeRunUpdate update;
        update.nodeRunId = job.nodeRunId;
        update.status = QStringLiteral("IN_PROGRESS");
        return PortRequest::nodeRunUpdate(update, NodeRunRoute::NodeRuns, error);
    }
    case Step::Logs: {
        const QList<NodeLogEntry> logs = {
            {QStringLiteral("INFO"),
             QStringLiteral("Demo consumer picked up the run from %1 (partition %2, offset %3)")
                 .arg(m_config.topic)
                 .arg(job.partition)
                 .arg(job.offset),
             {}},
            {QStringLiteral("INFO"),
             QStringLiteral("Handled the payload (%1 fields); reporting success")
                 .arg(job.payloadFields),
             {}}};
        return PortRequest::nodeRunLogs(job.nodeRunId, logs, error);
    }
    case Step::Completed: {
        NodeRunUpdate update;
        update.nodeRunId = job.nodeRunId;
        update.status = QStringLiteral("COMPLETED");
        update.result = QStringLiteral("SUCCESS");
        // The agent's shape: output.response{status,data}.
        const QJsonObject data{
            {QStringLiteral("handledBy"), QStringLiteral("Porthole demo consumer")},
            {QStringLiteral("partition"), job.partition},
            {QStringLiteral("offset"), double(job.offset)},
            {QStringLiteral("finishedAt"),
             QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        update.output =
            QJsonObject{{QStringLiteral("response"), QJsonObject{{QStringLiteral("status"), 200},
                                                                 {QStringLiteral("data"), data}}}};
        return PortRequest::nodeRunUpdate(update, NodeRunRoute::NodeRuns, error);
    }
    }
    return std::nullopt;
}

void DemoConsumer::sendStep()
{
    if (m_queue.isEmpty()) {
        m_busy = false;
        return;
    }
    const Job& job = m_queue.first();
    const auto step = Step(job.step);
    QString error;
    const auto request = requestFor(job, &error);
    Q_EMIT stepStarted(job.nodeRunId, step);
    if (!request) { // the request is built from the message's ids: say why it cannot be sent
        Q_EMIT stepAnswered(job.nodeRunId, step, 0, error);
        finishJob(false);
        return;
    }
    PortCall* call = m_client.send(*request);
    call->setParent(this); // see stop()
    const QString id = job.nodeRunId;
    connect(call, &PortCall::finished, this, [this, call, id, step] {
        call->deleteLater();
        // stop() may have dropped the job meanwhile; an answer for it is no longer news.
        if (m_queue.isEmpty() || m_queue.first().nodeRunId != id)
            return;
        Q_EMIT stepAnswered(id, step, call->status(), call->errorString());
        if (!call->isSuccess()) {
            finishJob(false);
            return;
        }
        if (step == Step::Completed) {
            finishJob(true);
            return;
        }
        ++m_queue.first().step;
        m_pace.start(std::max(0, m_config.paceMs));
    });
}

void DemoConsumer::finishJob(bool ok)
{
    const Job job = m_queue.takeFirst();
    Q_EMIT runFinished(job.nodeRunId, ok);
    scheduleNext();
}

} // namespace porthole
