// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portapi/localapicall.h"

#include <QObject>
#include <QString>

#include <memory>

namespace porthole {
class PublishSession;
}

namespace porthole {

class LocalPortApi;
class SandboxBroker;
class WatchSession;

/// The embedded sandbox shared by the app and `porthole-cli sandbox`: a Kafka broker
/// (librdkafka's mock cluster) and the local Port API on 127.0.0.1, plus a read-only watcher on
/// ORG.runs that tells the API about every run id published, so runs can be reported on.
class Sandbox : public QObject
{
    Q_OBJECT
public:
    explicit Sandbox(QObject* parent = nullptr);
    ~Sandbox() override;

    /// Starts broker and API (port 0: a free one); false with a readable error otherwise.
    bool start(const QString& org, quint16 kafkaPort, quint16 apiPort, QString* error);
    /// Stops everything (also done by the destructor).
    void stop();

    bool isRunning() const { return m_running; }
    /// "127.0.0.1:PORT".
    QString bootstrap() const;
    /// "http://127.0.0.1:PORT".
    QString apiUrl() const;
    QString org() const { return m_org; }
    /// Makes the runs named in a message value known to the local API right away, as Port
    /// creates a run before it publishes it. Call it (in the sandbox's thread) before producing
    /// `value` to this sandbox, so a consumer that reports at once never gets a 404.
    void registerPublished(const QByteArray& value);
    /// The same for every message `session` will send, fresh run ids included, with one log
    /// line for all of them.
    void registerPublished(const PublishSession& session);
    /// Takes the broker down (connections cut, new ones refused) or up again; its log and the
    /// groups' committed offsets stay, as across a real broker's restart.
    bool setBrokerDown(bool down);
    /// The client secret the local API accepts (and signs with); empty when stopped.
    QString clientSecret() const;
    /// The local Port API (to register runs or read its state).
    LocalPortApi* api() const { return m_api.get(); }

Q_SIGNALS:
    /// One line for a log (requests answered, runs seen, broker status); never a secret.
    void logged(const QString& line);
    /// The local API answered a request (any caller: a consumer, the Report tab, curl); the
    /// call as recorded, secrets redacted.
    void apiCallRecorded(const porthole::LocalApiCall& call);
    /// The local API created a workflow run (POST /v1/workflows/{id}/runs); a WorkflowRunner
    /// (src/flow) attached to this sandbox runs it.
    void workflowRunStarted(const QString& workflowRunId, const QByteArray& workflow);

private:
    std::unique_ptr<SandboxBroker> m_broker;
    std::unique_ptr<LocalPortApi> m_api;
    std::unique_ptr<WatchSession> m_watch;
    QString m_org;
    bool m_running = false;
};

} // namespace porthole
