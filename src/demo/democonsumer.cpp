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
    case Step::Mistake:
        return QStringLiteral("COMPLETED/FAILURE");
    case Step::Completed:
        return QStringLiteral("COMPLETED");
    }
    return {};
}

QList<DemoConsumer::Step> DemoConsumer::stepsOf(Plan plan)
{
    switch (plan) {
    case Plan::Succeed:
        break;
    case Plan::Fail:
        return {Step::InProgress, Step::Logs, Step::Mistake, Step::Completed};
    case Plan::HandOver:
        return {Step::InProgress, Step::Logs};
    }
    return {Step::InProgress, Step::Logs, Step::Completed};
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
        job.plan = m_plans.value(id, Plan::Succeed);
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
    const bool failing = job.plan == Plan::Fail;
    switch (stepsOf(job.plan).value(job.step)) {
    case Step::InProgress: {
        NodeRunUpdate update;
        update.nodeRunId = job.nodeRunId;
        update.status = QStringLiteral("IN_PROGRESS");
        return PortRequest::nodeRunUpdate(update, NodeRunRoute::NodeRuns, error);
    }
    case Step::Logs: {
        QList<NodeLogEntry> logs = {
            {QStringLiteral("INFO"),
             QStringLiteral("Demo consumer picked up the run from %1 (partition %2, offset %3)")
                 .arg(m_config.topic)
                 .arg(job.partition)
                 .arg(job.offset),
             {}}};
        if (failing)
            logs.append({QStringLiteral("ERROR"),
                         QStringLiteral("The deployment target refused the request: quota "
                                        "exceeded; reporting the failure"),
                         {}});
        else if (job.plan == Plan::HandOver)
            logs.append({QStringLiteral("INFO"),
                         QStringLiteral("Needs a person's approval: leaving the run IN_PROGRESS "
                                        "for someone to finish"),
                         {}});
        else
            logs.append({QStringLiteral("INFO"),
                         QStringLiteral("Handled the payload (%1 fields); reporting success")
                             .arg(job.payloadFields),
                         {}});
        return PortRequest::nodeRunLogs(job.nodeRunId, logs, error);
    }
    case Step::Mistake: {
        // A classic run's word on a node run, the mix-up consumers make: sent unchecked, so the
        // demo shows Port's own answer to it.
        NodeRunUpdate update;
        update.nodeRunId = job.nodeRunId;
        update.status = QStringLiteral("COMPLETED");
        update.result = QStringLiteral("FAILURE");
        return PortRequest::nodeRunUpdate(update, NodeRunRoute::NodeRuns, error, false);
    }
    case Step::Completed: {
        NodeRunUpdate update;
        update.nodeRunId = job.nodeRunId;
        update.status = QStringLiteral("COMPLETED");
        update.result = failing ? QStringLiteral("FAILED") : QStringLiteral("SUCCESS");
        // The agent's shape: output.response{status,data}.
        QJsonObject data{{QStringLiteral("handledBy"), QStringLiteral("Porthole demo consumer")},
                         {QStringLiteral("partition"), job.partition},
                         {QStringLiteral("offset"), double(job.offset)},
                         {QStringLiteral("finishedAt"),
                          QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
        if (failing)
            data.insert(QStringLiteral("error"), QStringLiteral("quota exceeded"));
        update.output = QJsonObject{{QStringLiteral("response"),
                                     QJsonObject{{QStringLiteral("status"), failing ? 429 : 200},
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
    const Step step = stepsOf(job.plan).value(job.step);
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
        // The mistake is meant to be refused; any other refusal ends the run's reports.
        if (!call->isSuccess() && step != Step::Mistake) {
            finishJob(false);
            return;
        }
        Job& current = m_queue.first();
        if (++current.step >= stepsOf(current.plan).size()) {
            finishJob(true);
            return;
        }
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
