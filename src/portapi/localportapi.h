// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localportapihandler.h"

#include <QByteArrayView>
#include <QHttpServer>
#include <QObject>
#include <QSet>
#include <QString>

#include <list>
#include <memory>

class QHttpServerResponder;
class QTcpServer;
class QTimer;

namespace porthole {

/// Faults the local API answers reports with, so a check can prove a consumer survives Port's
/// bad days (check-consumer --faults). A report is a call on a route that changes a run.
struct LocalApiFaults
{
    /// Each run's first report is answered with this status (503, 429) and not handled; 0: none.
    int firstReportStatus = 0;
    /// With firstReportStatus: the Retry-After header's seconds (0: no header).
    int retryAfterS = 0;
    /// Every report is handled at once but answered this late (ms; 0: at once).
    int reportDelayMs = 0;
};

// The local Port API: LocalPortApiHandler served over HTTP by QHttpServer on 127.0.0.1 only.
// The sandbox feeds it every message value seen on {org}.runs through observeMessage(), so a
// node run published through the sandbox can be reported on with Port's own curl commands.
class LocalPortApi : public QObject
{
    Q_OBJECT
public:
    explicit LocalPortApi(QObject* parent = nullptr);
    ~LocalPortApi() override;

    /// Listens on 127.0.0.1:`port` (0 = a free port); false + a readable error otherwise.
    bool listen(quint16 port, QString* error);
    /// The port listened on (0 before listen()).
    quint16 port() const { return m_port; }
    /// "http://127.0.0.1:PORT".
    QString baseUrl() const;
    /// The broker list returned by GET /v1/kafka-credentials.
    void setKafkaBootstrap(const QString& bootstrap) { m_handler.setKafkaBootstrap(bootstrap); }
    /// The organisation id returned by GET /v1/organization.
    void setOrgId(const QString& orgId) { m_handler.setOrgId(orgId); }
    /// The accepted client id and secret (default sandbox/sandbox).
    void setCredentials(const QString& id, const QString& secret)
    {
        m_handler.setCredentials(id, secret);
    }
    /// Registers the wfr_/wfnr_/r_ ids found in a Kafka message value.
    LocalRunStore::Observed observeMessage(QByteArrayView value);
    /// Registers a node run directly (attached to `workflowRunId` when given).
    void registerNodeRun(const QString& nodeRunId, const QString& workflowRunId = {});
    /// Registers a classic action run directly.
    void registerActionRun(const QString& runId);
    /// With a catch-up source (the sandbox's topic watcher), a request naming a well-formed but
    /// unknown run id is held: catchUpRequested(ticket) asks for every message published so far,
    /// caughtUp(ticket) answers the held requests again; at most `maxWaitMs` later they are
    /// answered whatever happened (404 for a run that truly does not exist).
    void setCatchUpEnabled(bool enabled, int maxWaitMs = 1500);
    /// Every message published before catchUpRequested(ticket) has been observed.
    void caughtUp(quint64 ticket);
    /// Injects faults into the answers to reports (default: none).
    void setFaults(const LocalApiFaults& faults) { m_faults = faults; }
    /// Requests held right now (tests, logs).
    int heldRequests() const { return int(m_held.size()); }
    /// The handler (routes, tokens, run state).
    LocalPortApiHandler& handler() { return m_handler; }
    /// Answers a request made in-process (a check that creates a workflow and starts its run),
    /// recorded and announced as if it came over HTTP; no faults, no waiting.
    LocalApiReply request(const LocalApiRequest& request, const QByteArray& userAgent = {});

Q_SIGNALS:
    /// A request was answered (for the sandbox's log; carries no secrets).
    void requestHandled(const QByteArray& method, const QString& path, int status,
                        const QString& message);
    /// New run ids became known through observeMessage().
    void runsObserved(const porthole::LocalRunStore::Observed& ids);
    /// A request was answered; the call as the handler recorded it (secrets redacted).
    void callRecorded(const porthole::LocalApiCall& call);
    /// A request waits for the topic's messages published up to now (see setCatchUpEnabled).
    void catchUpRequested(quint64 ticket);
    /// POST /v1/workflows/{id}/runs created run `workflowRunId` (IN_PROGRESS, in the store) of
    /// the workflow `workflow` (its JSON text) and answered 201. The local API runs nothing
    /// itself: the sandbox's workflow runner (src/flow) walks the graph.
    void workflowRunStarted(const QString& workflowRunId, const QByteArray& workflow);

private:
    struct Held;
    struct Delayed;
    LocalPortApiHandler m_handler;
    std::list<std::unique_ptr<Held>> m_held;
    bool m_catchUp = false;
    int m_maxWaitMs = 1500;
    quint64 m_lastTicket = 0;
    QTimer* m_deadline = nullptr;
    void answer(const LocalApiRequest& r, const QByteArray& userAgent, const LocalApiReply& reply,
                QHttpServerResponder&& out);
    void answerHeld(quint64 upToTicket, bool final);
    bool answerFault(const LocalApiRequest& r, const QByteArray& userAgent,
                     QHttpServerResponder& responder);
    void record(const LocalApiRequest& r, const QByteArray& userAgent, const LocalApiReply& reply);
    LocalApiFaults m_faults;
    QSet<QString> m_faultedRuns; // runs whose first report got the fault
    std::list<std::unique_ptr<Delayed>> m_delayed;
    std::unique_ptr<QHttpServer> m_server;
    quint16 m_port = 0;
};

} // namespace porthole
