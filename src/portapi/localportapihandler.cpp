// SPDX-License-Identifier: GPL-3.0-or-later
#include "localportapihandler.h"

#include "localapireply_p.h"
#include "portvalidator.h"
#include "redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QUuid>

namespace porthole {

using namespace localapi;

LocalPortApiHandler::LocalPortApiHandler() = default;

void LocalPortApiHandler::setCredentials(const QString& clientId, const QString& clientSecret)
{
    m_clientId = clientId;
    m_clientSecret = clientSecret;
}

LocalApiReply LocalPortApiHandler::handle(const LocalApiRequest& request)
{
    LocalApiReply reply;
    if (request.body.size() > PortValidator::kMaxBodyBytes) {
        reply = failure(413, QStringLiteral("payload_too_large"),
                        QStringLiteral("request body is %1 bytes; the limit is 1 MiB")
                            .arg(request.body.size()));
    } else {
        reply = route(request, PortRoutes::match(request.method, request.path, request.query));
    }
    reply.headers.append(
        {"X-Trace-Id", QUuid::createUuid().toString(QUuid::WithoutBraces).toLatin1()});
    return reply;
}

void LocalPortApiHandler::recordCall(const LocalApiRequest& request, const LocalApiReply& reply,
                                     const QByteArray& userAgent)
{
    LocalApiCall call;
    call.at = QDateTime::currentDateTimeUtc();
    call.method = request.method;
    call.path = request.path;
    call.route = PortRoutes::match(request.method, request.path, request.query);
    call.status = reply.status;
    call.fault = reply.fault;
    if (reply.status >= 400)
        call.error = QJsonDocument::fromJson(reply.body)
                         .object()
                         .value(QStringLiteral("message"))
                         .toString();
    call.bodySize = request.body.size();
    call.userAgent = userAgent;
    // The login body carries the client secret: recorded calls are shown and written to
    // reports, so secrets go before anything is kept.
    Redactor redactor;
    redactor.addSecret(m_clientSecret.toUtf8());
    call.body = redactor.redactBody(request.body.left(LocalApiCall::kKeptBodyBytes));
    if (m_calls.size() >= kKeptCalls)
        m_calls.removeFirst();
    m_calls.append(call);
}

bool LocalPortApiHandler::authorized(const QByteArray& authorization) const
{
    if (!authorization.startsWith("Bearer "))
        return false;
    const auto it = m_tokens.constFind(QString::fromLatin1(authorization.mid(7).trimmed()));
    return it != m_tokens.constEnd() && QDateTime::currentDateTimeUtc() < *it;
}

LocalApiReply LocalPortApiHandler::accessToken(const QByteArray& body)
{
    QJsonObject o;
    LocalApiReply reply;
    if (!parseObject(body, &o, &reply))
        return reply;
    const QJsonValue id = o.value(QStringLiteral("clientId"));
    const QJsonValue secret = o.value(QStringLiteral("clientSecret"));
    if (!id.isString() || !secret.isString())
        return invalid(QStringLiteral("clientId and clientSecret are required strings"));
    if (id.toString() != m_clientId || secret.toString() != m_clientSecret)
        return failure(401, QStringLiteral("unauthorized"),
                       QStringLiteral("invalid client id or client secret"));
    // Port keeps one active token per credential set: hand out the live one while it lasts,
    // so a second login (another process of the same sandbox user) does not revoke the first.
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString token;
    for (auto it = m_tokens.constBegin(); it != m_tokens.constEnd(); ++it)
        if (now.secsTo(*it) > 1)
            token = it.key();
    if (token.isEmpty()) {
        m_tokens.clear();
        token = QStringLiteral("sbx_");
        for (int i = 0; i < 4; ++i)
            token += QString::number(QRandomGenerator::system()->generate64(), 16);
        m_tokens.insert(token, now.addSecs(m_tokenLifetimeS));
    }
    const qint64 expiresIn = now.secsTo(m_tokens.value(token));
    return ok({{QStringLiteral("accessToken"), token},
               {QStringLiteral("expiresIn"), expiresIn},
               {QStringLiteral("tokenType"), QStringLiteral("Bearer")}});
}

LocalApiReply LocalPortApiHandler::organization() const
{
    QJsonObject org{{QStringLiteral("id"), m_orgId}, {QStringLiteral("name"), m_orgId}};
    if (!m_orgSettings.isEmpty())
        org.insert(QStringLiteral("settings"), m_orgSettings);
    return ok({{QStringLiteral("organization"), org}});
}

LocalApiReply LocalPortApiHandler::patchOrganization(const QByteArray& body)
{
    // Port's agent announces itself: {"settings":{"portAgentStreamerName":"KAFKA"}}. Settings
    // are merged key by key, like a PATCH; other fields of an organisation are not writable here.
    QJsonObject o;
    LocalApiReply reply;
    if (!parseObject(body, &o, &reply))
        return reply;
    const QJsonValue settings = o.value(QStringLiteral("settings"));
    if (!settings.isUndefined() && !settings.isObject())
        return invalid(QStringLiteral("settings must be an object"));
    const QJsonObject given = settings.toObject();
    for (auto it = given.begin(); it != given.end(); ++it)
        m_orgSettings.insert(it.key(), it.value());
    return organization();
}

LocalApiReply LocalPortApiHandler::route(const LocalApiRequest& r, const PortRouteMatch& m)
{
    using Route = PortRouteId;
    const Route route = m.route;
    if (route == Route::None && !m.allowedMethod.isEmpty())
        return failure(
            405, QStringLiteral("method_not_allowed"),
            QStringLiteral("%1 %2 is not supported (use %3)")
                .arg(QString::fromLatin1(r.method), r.path, QString::fromLatin1(m.allowedMethod)));
    if (route == Route::None)
        return notFound(
            QStringLiteral("no route %1 %2").arg(QString::fromLatin1(r.method), r.path));
    if (route == Route::AccessToken)
        return accessToken(r.body);
    if (!authorized(r.authorization))
        return failure(401, QStringLiteral("unauthorized"),
                       r.authorization.isEmpty()
                           ? QStringLiteral("missing Authorization: Bearer <token>")
                           : QStringLiteral("the bearer token is invalid or expired"));

    if (m.isWorkflowDocument())
        return m_workflows.handle(r, m, m_store);
    switch (route) {
    case Route::KafkaCredentials: {
        QJsonArray brokers;
        for (const QString& b : m_bootstrap.split(QLatin1Char(','), Qt::SkipEmptyParts))
            brokers.append(b.trimmed());
        // Port's shape; the sandbox broker has no SASL, so its user and password are empty
        // unless a test gives one.
        return ok({{QStringLiteral("credentials"),
                    QJsonObject{{QStringLiteral("brokers"), brokers},
                                {QStringLiteral("username"), m_kafkaUser},
                                {QStringLiteral("password"), m_kafkaPassword}}}});
    }
    case Route::Organization:
        return organization();
    case Route::OrganizationPatch:
        return patchOrganization(r.body);
    case Route::WorkflowRun: {
        const QJsonObject run = m_store.workflowRunJson(m.workflowRunId);
        if (run.isEmpty())
            return unknown(QStringLiteral("workflow run %1 was not found").arg(m.workflowRunId),
                           m.workflowRunId);
        return ok({{QStringLiteral("workflowRun"), run}});
    }
    case Route::WorkflowRunsClaim:
    case Route::WorkflowRunsAck:
    case Route::ActionRunsClaim:
    case Route::ActionRunsAck:
        return claimOrAck(route, r.body);
    case Route::OrgWorkflowRunsClaim: // the same, under the organisation as Port's docs write it
        return claimOrAck(Route::WorkflowRunsClaim, r.body);
    case Route::OrgWorkflowRunsAck:
        return claimOrAck(Route::WorkflowRunsAck, r.body);
    case Route::EntityUpsert:
        return upsertEntity(m, r.body);
    case Route::ActionRunGet: {
        const QJsonObject run = m_store.actionRunJson(m.actionRunId);
        if (run.isEmpty())
            return unknown(QStringLiteral("action run %1 was not found").arg(m.actionRunId),
                           m.actionRunId);
        return ok({{QStringLiteral("run"), run}});
    }
    default:
        break;
    }

    QJsonObject body;
    LocalApiReply reply;
    if (!parseObject(r.body, &body, &reply))
        return reply;
    QString problem;
    switch (route) {
    case Route::NodeRun:
    case Route::WorkflowRunNode:
        problem = PortValidator::nodeRunUpdate(body);
        break;
    case Route::NodeRunLogs:
        problem = PortValidator::nodeRunLogs(body);
        break;
    case Route::ActionRun:
        problem = PortValidator::actionRunUpdate(body);
        break;
    case Route::ActionRunResponse:
        if (!body.contains(QStringLiteral("response")))
            problem = QStringLiteral("body must have \"response\" (the webhook's answer)");
        break;
    default:
        problem = PortValidator::actionRunLogs(body);
        break;
    }
    if (!problem.isEmpty())
        return invalid(problem);

    QString missing;
    switch (route) {
    case Route::NodeRun:
        missing = m_store.updateNodeRun(m.nodeRunId, {}, body);
        break;
    case Route::WorkflowRunNode:
        if (!m_store.hasWorkflowRun(m.workflowRunId) && !m_store.hasNodeRun(m.nodeRunId))
            missing = QStringLiteral("workflow run %1 was not found").arg(m.workflowRunId);
        else
            missing = m_store.updateNodeRun(m.nodeRunId, m.workflowRunId, body);
        break;
    case Route::NodeRunLogs:
        missing = m_store.appendNodeRunLogs(m.nodeRunId, body);
        break;
    case Route::ActionRun:
        missing = m_store.updateActionRun(m.actionRunId, body);
        break;
    case Route::ActionRunResponse:
        missing =
            m_store.setActionRunResponse(m.actionRunId, body.value(QStringLiteral("response")));
        break;
    default:
        missing = m_store.appendActionRunLog(m.actionRunId, body);
        break;
    }
    if (!missing.isEmpty()) {
        // The id this route names: the node run for node routes, else the run.
        const QString id =
            route == Route::WorkflowRunNode && !m_store.hasWorkflowRun(m.workflowRunId)
                ? m.workflowRunId
                : m.runId();
        const bool known =
            m_store.hasNodeRun(id) || m_store.hasWorkflowRun(id) || m_store.hasActionRun(id);
        return known ? notFound(missing) : unknown(missing, id);
    }
    return ok();
}

} // namespace porthole
