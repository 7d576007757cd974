// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandbox.h"

#include "kafka/publishsession.h"
#include "kafka/sandboxbroker.h"
#include "kafka/watchsession.h"
#include "portapi/localportapi.h"

namespace porthole {

Sandbox::Sandbox(QObject* parent) : QObject(parent) {}

Sandbox::~Sandbox()
{
    stop();
}

bool Sandbox::start(const QString& org, quint16 kafkaPort, quint16 apiPort, QString* error)
{
    stop();
    m_org = org;
    m_broker = std::make_unique<SandboxBroker>();
    std::string err;
    if (!m_broker->start(org.toStdString(), kafkaPort, &err)) {
        *error = QString::fromStdString(err); // already says what failed: "cannot listen on …"
        m_broker.reset();
        return false;
    }
    m_api = std::make_unique<LocalPortApi>();
    m_api->setOrgId(org);
    m_api->setKafkaBootstrap(bootstrap());
    if (!m_api->listen(apiPort, error)) {
        *error = QStringLiteral("cannot start the local Port API: %1").arg(*error);
        stop();
        return false;
    }
    connect(m_api.get(), &LocalPortApi::requestHandled, this,
            [this](const QByteArray& method, const QString& path, int status, const QString& msg) {
                Q_EMIT logged(QStringLiteral("api: %1 %2 -> %3%4")
                                  .arg(QString::fromLatin1(method), path)
                                  .arg(status)
                                  .arg(msg.isEmpty()
                                           ? QString()
                                           : QStringLiteral(" (") + msg + QLatin1Char(')')));
            });
    connect(m_api.get(), &LocalPortApi::callRecorded, this, &Sandbox::apiCallRecorded);
    connect(m_api.get(), &LocalPortApi::workflowRunStarted, this, &Sandbox::workflowRunStarted);

    // Every message on ORG.runs, from the beginning, makes its run ids known to the API.
    WatchOptions options;
    options.config.set("bootstrap.servers", bootstrap().toStdString());
    // A local broker: short fetch waits make runs known sooner and let a catch-up's offset
    // query through quickly (the broker answers one request at a time per connection).
    options.config.set("fetch.wait.max.ms", "10");
    // librdkafka backs off this long after a fetch that found nothing new (the default 500 ms
    // would be the time a run stays unknown after a quiet moment).
    options.config.set("fetch.error.backoff.ms", "10");
    options.topic = org.toStdString() + ".runs";
    options.org = org.toStdString();
    options.from.kind = StartPosition::Kind::Beginning;
    m_watch = std::make_unique<WatchSession>(options);
    connect(m_watch.get(), &WatchSession::messagesReceived, this,
            [this](const MessageBatch& batch) {
                // A batch queued before stop() still arrives after the API has gone.
                if (!m_api)
                    return;
                for (const WatchedMessage& m : *batch) {
                    if (!m.record->value)
                        continue;
                    const auto& v = *m.record->value;
                    const auto seen =
                        m_api->observeMessage(QByteArrayView(v.data(), qsizetype(v.size())));
                    if (!seen.isEmpty())
                        Q_EMIT logged(QStringLiteral("runs: now known: %1")
                                          .arg((seen.workflowRuns + seen.nodeRuns + seen.actionRuns)
                                                   .join(QStringLiteral(", "))));
                }
            });
    connect(m_watch.get(), &WatchSession::failed, this,
            [this](const QString& e) { Q_EMIT logged(QStringLiteral("runs watcher: %1").arg(e)); });
    // A report for a run the watcher has not read yet waits until the watcher has read all
    // that was published before the report came (bounded), and is only then answered.
    connect(m_api.get(), &LocalPortApi::catchUpRequested, m_watch.get(),
            &WatchSession::requestCatchUp);
    connect(m_watch.get(), &WatchSession::caughtUp, m_api.get(), &LocalPortApi::caughtUp);
    m_api->setCatchUpEnabled(true);
    m_watch->start();
    m_running = true;
    return true;
}

QString Sandbox::clientSecret() const
{
    return m_api ? m_api->handler().clientSecret() : QString();
}

void Sandbox::registerPublished(const QByteArray& value)
{
    if (!m_api)
        return;
    const auto seen = m_api->observeMessage(value);
    if (!seen.isEmpty())
        Q_EMIT logged(QStringLiteral("runs: registered before publishing: %1")
                          .arg((seen.workflowRuns + seen.nodeRuns + seen.actionRuns)
                                   .join(QStringLiteral(", "))));
}

void Sandbox::registerPublished(const PublishSession& session)
{
    if (!m_api || session.isReplay())
        return;
    qsizetype runs = 0;
    QString first;
    for (uint64_t n = 0; n < session.total(); ++n) {
        const std::string value = session.unsignedValueAt(n);
        const auto seen =
            m_api->observeMessage(QByteArrayView(value.data(), qsizetype(value.size())));
        runs += seen.workflowRuns.size() + seen.nodeRuns.size() + seen.actionRuns.size();
        if (first.isEmpty() && !seen.isEmpty())
            first =
                (seen.workflowRuns + seen.nodeRuns + seen.actionRuns).join(QStringLiteral(", "));
    }
    if (runs > 0)
        Q_EMIT logged(QStringLiteral("runs: registered before publishing: %1%2")
                          .arg(first, session.total() > 1
                                          ? QStringLiteral(" (%1 run ids in %2 messages)")
                                                .arg(runs)
                                                .arg(session.total())
                                          : QString()));
}

void Sandbox::stop()
{
    m_running = false;
    if (m_watch)
        m_watch->stop();
    m_watch.reset();
    m_api.reset();
    if (m_broker)
        m_broker->stop();
    m_broker.reset();
}

QString Sandbox::bootstrap() const
{
    return m_broker ? QString::fromStdString(m_broker->bootstrap()) : QString();
}

QString Sandbox::apiUrl() const
{
    return m_api ? m_api->baseUrl() : QString();
}

bool Sandbox::setBrokerDown(bool down)
{
    return m_broker && m_broker->setDown(down);
}

} // namespace porthole
