// SPDX-License-Identifier: GPL-3.0-or-later
#include "localportapi.h"

#include <QElapsedTimer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace porthole {
namespace {

QByteArray methodName(QHttpServerRequest::Method m)
{
    switch (m) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    default:
        return "OTHER";
    }
}

} // namespace

// A request waiting for the sandbox to catch up on its topic.
struct LocalPortApi::Held
{
    LocalApiRequest request;
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    quint64 ticket;
    QElapsedTimer since;
    QByteArray userAgent;
};

// A report whose answer waits (LocalApiFaults::reportDelayMs).
struct LocalPortApi::Delayed
{
    LocalApiRequest request;
    LocalApiReply reply;
    QHttpServerResponder responder;
    QPointer<QTcpSocket> socket;
    QByteArray userAgent;
};

LocalPortApi::LocalPortApi(QObject* parent) : QObject(parent), m_server(new QHttpServer)
{
    m_deadline = new QTimer(this);
    m_deadline->setInterval(50);
    connect(m_deadline, &QTimer::timeout, this, [this] { answerHeld(0, false); });
    // No routes: every request goes to the handler, which knows Port's routes and errors.
    m_server->setMissingHandler(
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            LocalApiRequest r;
            QByteArray userAgent; // recorded with the call: who called
            r.method = methodName(request.method());
            r.path = request.url().path();
            r.query = request.url().query(QUrl::FullyEncoded);
            for (const auto& [name, value] : request.headers())
                if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                    r.authorization = value;
                else if (name.compare("user-agent", Qt::CaseInsensitive) == 0)
                    userAgent = value;
            r.body = request.body();
            if (answerFault(r, userAgent, responder))
                return;
            const LocalApiReply reply = m_handler.handle(r);
            if (!reply.unknownRun || !m_catchUp) {
                answer(r, userAgent, reply, std::move(responder));
                return;
            }
            // Port creates a run before it publishes the message; the sandbox learns it by
            // reading the topic. A consumer faster than that read waits here, not on a 404.
            auto held = std::unique_ptr<Held>(
                new Held{r, std::move(responder), nullptr, ++m_lastTicket, {}, userAgent});
            held->socket = held->responder.socket();
            held->since.start();
            m_held.push_back(std::move(held));
            m_deadline->start();
            Q_EMIT catchUpRequested(m_lastTicket);
        });
}

void LocalPortApi::answer(const LocalApiRequest& r, const QByteArray& userAgent,
                          const LocalApiReply& reply, QHttpServerResponder&& responder)
{
    QHttpServerResponse response(QByteArrayLiteral("application/json"), reply.body,
                                 QHttpServerResponder::StatusCode(reply.status));
    for (const auto& [name, value] : reply.headers)
        response.setHeader(name, value);
    response.write(std::move(responder));
    record(r, userAgent, reply);
}

void LocalPortApi::record(const LocalApiRequest& r, const QByteArray& userAgent,
                          const LocalApiReply& reply)
{
    Q_EMIT requestHandled(
        r.method, r.path, reply.status,
        QJsonDocument::fromJson(reply.body).object().value(QStringLiteral("message")).toString());
    // Recorded as answered: a held request is handled more than once but answered once.
    m_handler.recordCall(r, reply, userAgent);
    Q_EMIT callRecorded(m_handler.calls().constLast());
    // After the 201 went out: whoever runs workflows starts now (never before the answer).
    for (const auto& started : m_handler.workflows().takeStartedRuns())
        Q_EMIT workflowRunStarted(started.workflowRunId, started.workflow);
}

// Answers a report with the configured fault instead of the handler's answer; false when the
// request gets none.
bool LocalPortApi::answerFault(const LocalApiRequest& r, const QByteArray& userAgent,
                               QHttpServerResponder& responder)
{
    const PortRouteMatch route = PortRoutes::match(r.method, r.path);
    if (!route.matched() || !PortRoutes::route(route.route).reports)
        return false;
    if (m_faults.firstReportStatus && !m_faultedRuns.contains(route.runId())) {
        m_faultedRuns.insert(route.runId());
        LocalApiReply reply;
        reply.status = m_faults.firstReportStatus;
        const bool limited = reply.status == 429;
        reply.fault = limited ? QStringLiteral("api-429") : QStringLiteral("api-5xx");
        reply.body = QJsonDocument(QJsonObject{{QStringLiteral("ok"), false},
                                               {QStringLiteral("error"),
                                                limited ? QStringLiteral("rate_limited")
                                                        : QStringLiteral("service_unavailable")},
                                               {QStringLiteral("message"),
                                                limited ? QStringLiteral("too many requests")
                                                        : QStringLiteral("service unavailable")}})
                         .toJson(QJsonDocument::Compact);
        if (m_faults.retryAfterS > 0)
            reply.headers.append({"Retry-After", QByteArray::number(m_faults.retryAfterS)});
        answer(r, userAgent, reply, std::move(responder));
        return true;
    }
    if (m_faults.reportDelayMs <= 0)
        return false;
    // Handled now, answered late: a client that gives up meanwhile must not report again.
    LocalApiReply reply = m_handler.handle(r);
    reply.fault = QStringLiteral("api-slow");
    auto delayed =
        std::unique_ptr<Delayed>(new Delayed{r, reply, std::move(responder), nullptr, userAgent});
    delayed->socket = delayed->responder.socket();
    Delayed* raw = delayed.get();
    m_delayed.push_back(std::move(delayed));
    QTimer::singleShot(m_faults.reportDelayMs, this, [this, raw] {
        for (auto it = m_delayed.begin(); it != m_delayed.end(); ++it) {
            if (it->get() != raw)
                continue;
            if (raw->socket)
                answer(raw->request, raw->userAgent, raw->reply, std::move(raw->responder));
            else // the client went away: the call was still handled
                record(raw->request, raw->userAgent, raw->reply);
            m_delayed.erase(it);
            return;
        }
    });
    return true;
}

LocalApiReply LocalPortApi::request(const LocalApiRequest& r, const QByteArray& userAgent)
{
    const LocalApiReply reply = m_handler.handle(r);
    record(r, userAgent, reply);
    return reply;
}

void LocalPortApi::setCatchUpEnabled(bool enabled, int maxWaitMs)
{
    m_catchUp = enabled;
    m_maxWaitMs = maxWaitMs;
    if (!enabled)
        answerHeld(0, true);
}

void LocalPortApi::caughtUp(quint64 ticket)
{
    answerHeld(ticket, true);
}

// Answers the held requests whose catch-up is done (ticket <= upToTicket) or whose time is up;
// `final`: answer those even when their run is still unknown.
void LocalPortApi::answerHeld(quint64 upToTicket, bool final)
{
    for (auto it = m_held.begin(); it != m_held.end();) {
        Held& h = **it;
        const bool due = h.ticket <= upToTicket || h.since.elapsed() >= m_maxWaitMs || !m_catchUp;
        if (!h.socket) { // the client went away while waiting
            it = m_held.erase(it);
            continue;
        }
        const LocalApiReply reply = m_handler.handle(h.request);
        if (!reply.unknownRun || (due && final) || h.since.elapsed() >= m_maxWaitMs) {
            answer(h.request, h.userAgent, reply, std::move(h.responder));
            it = m_held.erase(it);
        } else {
            ++it;
        }
    }
    if (m_held.empty())
        m_deadline->stop();
}

LocalPortApi::~LocalPortApi()
{
    m_held.clear(); // while their sockets still exist
    m_delayed.clear();
}

bool LocalPortApi::listen(quint16 port, QString* error)
{
    // Our own QTcpServer so a failure comes with its reason; loopback only, never 0.0.0.0.
    auto* tcp = new QTcpServer(m_server.get());
    if (!tcp->listen(QHostAddress::LocalHost, port)) {
        if (error)
            *error = QStringLiteral("cannot listen on 127.0.0.1:%1: %2")
                         .arg(port)
                         .arg(tcp->errorString());
        delete tcp;
        return false;
    }
    m_server->bind(tcp);
    m_port = tcp->serverPort();
    return true;
}

QString LocalPortApi::baseUrl() const
{
    return QStringLiteral("http://127.0.0.1:%1").arg(m_port);
}

LocalRunStore::Observed LocalPortApi::observeMessage(QByteArrayView value)
{
    const LocalRunStore::Observed ids = m_handler.store().observeMessage(value);
    if (!ids.isEmpty()) {
        Q_EMIT runsObserved(ids);
        if (!m_held.empty())
            answerHeld(0, false); // a held report for one of these runs goes on now
    }
    return ids;
}

void LocalPortApi::registerNodeRun(const QString& nodeRunId, const QString& workflowRunId)
{
    m_handler.store().registerNodeRun(nodeRunId, workflowRunId);
}

void LocalPortApi::registerActionRun(const QString& runId)
{
    m_handler.store().registerActionRun(runId);
}

} // namespace porthole
