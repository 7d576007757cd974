#include "localportapi.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>

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

LocalPortApi::LocalPortApi(QObject* parent) : QObject(parent), m_server(new QHttpServer)
{
    // No routes: every request goes to the handler, which knows Port's routes and errors.
    m_server->setMissingHandler(
        [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
            LocalApiRequest r;
            r.method = methodName(request.method());
            r.path = request.url().path();
            for (const auto& [name, value] : request.headers())
                if (name.compare("authorization", Qt::CaseInsensitive) == 0)
                    r.authorization = value;
            r.body = request.body();
            const LocalApiReply reply = m_handler.handle(r);
            QHttpServerResponse response(QByteArrayLiteral("application/json"), reply.body,
                                         QHttpServerResponder::StatusCode(reply.status));
            for (const auto& [name, value] : reply.headers)
                response.setHeader(name, value);
            response.write(std::move(responder));
            Q_EMIT requestHandled(r.method, r.path, reply.status,
                                  QJsonDocument::fromJson(reply.body)
                                      .object()
                                      .value(QStringLiteral("message"))
                                      .toString());
            m_handler.recordCall(r, reply);
            Q_EMIT callRecorded(m_handler.calls().constLast());
        });
}

LocalPortApi::~LocalPortApi() = default;

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
    if (!ids.isEmpty())
        Q_EMIT runsObserved(ids);
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
