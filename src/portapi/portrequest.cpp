// SPDX-License-Identifier: GPL-3.0-or-later
#include "portrequest.h"

#include "portroute.h"
#include "portvalidator.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace porthole {
namespace {

QByteArray compact(const QJsonValue& v)
{
    // QJsonDocument only writes arrays/objects; wrap scalars and strip the brackets.
    QByteArray text = QJsonDocument(QJsonArray{v}).toJson(QJsonDocument::Compact);
    return text.mid(1, text.size() - 2);
}

// Writes members in the given order (QJsonObject would sort them), so bodies read like Port's
// docs: status, result, output, logs.
QByteArray orderedObject(const QList<QPair<QString, QJsonValue>>& members)
{
    QByteArray out = "{";
    for (const auto& [key, value] : members) {
        if (out.size() > 1)
            out += ',';
        out += compact(key) + ':' + compact(value);
    }
    return out + '}';
}

bool checkId(const QString& id, const char* prefix, const QString& what, QString* error)
{
    if (id.startsWith(QLatin1String(prefix)) && PortValidator::isPathSafeId(id))
        return true;
    *error = QStringLiteral("%1 '%2' is not a valid id (expected %3 followed by letters and "
                            "digits)")
                 .arg(what, id, QLatin1String(prefix));
    return false;
}

std::optional<PortRequest> finish(PortRequest r, QString (*check)(const QJsonObject&),
                                  QString* error, bool validate)
{
    if (r.body.size() > PortValidator::kMaxBodyBytes) {
        *error = QStringLiteral("request body is %1 bytes; Port refuses bodies over 1 MiB (%2 "
                                "bytes)")
                     .arg(r.body.size())
                     .arg(PortValidator::kMaxBodyBytes);
        if (validate)
            return std::nullopt;
    }
    if (validate) {
        const QString problem = check(QJsonDocument::fromJson(r.body).object());
        if (!problem.isEmpty()) {
            *error = problem;
            return std::nullopt;
        }
    }
    return r;
}

} // namespace

PortRequest PortRequest::accessToken(const QString& clientId, const QString& clientSecret)
{
    PortRequest r;
    r.kind = Kind::AccessToken;
    r.method = "POST";
    r.path = PortRoutes::path(PortRouteId::AccessToken);
    r.body = orderedObject(
        {{QStringLiteral("clientId"), clientId}, {QStringLiteral("clientSecret"), clientSecret}});
    r.needsToken = false;
    return r;
}

std::optional<PortRequest> PortRequest::nodeRunUpdate(const NodeRunUpdate& u, NodeRunRoute route,
                                                      QString* error, bool validate)
{
    if (!checkId(u.nodeRunId, "wfnr_", QStringLiteral("node run"), error))
        return std::nullopt;
    PortRequest r;
    r.kind = Kind::NodeRunUpdate;
    r.method = "PATCH";
    if (route == NodeRunRoute::WorkflowRunNodes) {
        if (u.workflowRunId.isEmpty()) {
            *error = QStringLiteral("the /v1/workflows/runs/{wfr}/nodes/{wfnr} route needs the "
                                    "workflow run id (wfr_…)");
            return std::nullopt;
        }
        if (!checkId(u.workflowRunId, "wfr_", QStringLiteral("workflow run"), error))
            return std::nullopt;
        r.path = PortRoutes::path(PortRouteId::WorkflowRunNode, {u.workflowRunId, u.nodeRunId});
    } else {
        r.path = PortRoutes::path(PortRouteId::NodeRun, {u.nodeRunId});
    }
    QList<QPair<QString, QJsonValue>> members;
    if (!u.status.isEmpty())
        members.append({QStringLiteral("status"), u.status});
    if (!u.result.isEmpty())
        members.append({QStringLiteral("result"), u.result});
    if (u.output)
        members.append({QStringLiteral("output"), *u.output});
    if (!u.logs.isEmpty()) {
        QJsonArray logs;
        for (const NodeLogEntry& e : u.logs) {
            QJsonObject o{{QStringLiteral("logLevel"), e.level},
                          {QStringLiteral("log"), e.message}};
            if (!e.tags.isEmpty())
                o.insert(QStringLiteral("tags"), e.tags);
            logs.append(o);
        }
        members.append({QStringLiteral("logs"), logs});
    }
    r.body = orderedObject(members);
    return finish(r, &PortValidator::nodeRunUpdate, error, validate);
}

std::optional<PortRequest> PortRequest::nodeRunLogs(const QString& nodeRunId,
                                                    const QList<NodeLogEntry>& logs, QString* error,
                                                    bool validate)
{
    if (!checkId(nodeRunId, "wfnr_", QStringLiteral("node run"), error))
        return std::nullopt;
    PortRequest r;
    r.kind = Kind::NodeRunLogs;
    r.method = "POST";
    r.path = PortRoutes::path(PortRouteId::NodeRunLogs, {nodeRunId});
    QJsonArray entries;
    for (const NodeLogEntry& e : logs)
        entries.append(QJsonObject{{QStringLiteral("level"), e.level},
                                   {QStringLiteral("message"), e.message}});
    r.body = orderedObject({{QStringLiteral("logs"), entries}});
    return finish(r, &PortValidator::nodeRunLogs, error, validate);
}

std::optional<PortRequest> PortRequest::actionRunUpdate(const ActionRunUpdate& u, QString* error,
                                                        bool validate)
{
    if (!checkId(u.runId, "r_", QStringLiteral("action run"), error))
        return std::nullopt;
    PortRequest r;
    r.kind = Kind::ActionRunUpdate;
    r.method = "PATCH";
    r.path = PortRoutes::path(PortRouteId::ActionRun, {u.runId});
    QList<QPair<QString, QJsonValue>> members;
    if (!u.status.isEmpty())
        members.append({QStringLiteral("status"), u.status});
    if (!u.statusLabel.isEmpty())
        members.append({QStringLiteral("statusLabel"), u.statusLabel});
    if (u.link.size() == 1)
        members.append({QStringLiteral("link"), u.link.first()});
    else if (!u.link.isEmpty())
        members.append({QStringLiteral("link"), QJsonArray::fromStringList(u.link)});
    if (!u.summary.isEmpty())
        members.append({QStringLiteral("summary"), u.summary});
    if (!u.externalRunId.isEmpty())
        members.append({QStringLiteral("externalRunId"), u.externalRunId});
    r.body = orderedObject(members);
    return finish(r, &PortValidator::actionRunUpdate, error, validate);
}

std::optional<PortRequest> PortRequest::actionRunLog(const QString& runId, const QString& message,
                                                     const QString& terminationStatus,
                                                     QString* error, bool validate)
{
    if (!checkId(runId, "r_", QStringLiteral("action run"), error))
        return std::nullopt;
    PortRequest r;
    r.kind = Kind::ActionRunLogs;
    r.method = "POST";
    r.path = PortRoutes::path(PortRouteId::ActionRunLogs, {runId});
    QList<QPair<QString, QJsonValue>> members{{QStringLiteral("message"), message}};
    if (!terminationStatus.isEmpty())
        members.append({QStringLiteral("terminationStatus"), terminationStatus});
    r.body = orderedObject(members);
    return finish(r, &PortValidator::actionRunLogs, error, validate);
}

std::optional<PortRequest> PortRequest::workflowRun(const QString& workflowRunId, QString* error)
{
    if (!checkId(workflowRunId, "wfr_", QStringLiteral("workflow run"), error))
        return std::nullopt;
    PortRequest r;
    r.kind = Kind::WorkflowRun;
    r.method = "GET";
    r.path = PortRoutes::path(PortRouteId::WorkflowRun, {workflowRunId});
    return r;
}

std::optional<PortRequest> PortRequest::actionRun(const QString& runId, QString* error)
{
    if (!checkId(runId, "r_", QStringLiteral("action run"), error))
        return std::nullopt;
    PortRequest r;
    r.kind = Kind::ActionRun;
    r.method = "GET";
    r.path = QStringLiteral("/v1/actions/runs/%1").arg(runId);
    return r;
}

PortRequest PortRequest::kafkaCredentials()
{
    PortRequest r;
    r.kind = Kind::KafkaCredentials;
    r.method = "GET";
    r.path = PortRoutes::path(PortRouteId::KafkaCredentials);
    return r;
}

PortRequest PortRequest::organization()
{
    PortRequest r;
    r.kind = Kind::Organization;
    r.method = "GET";
    r.path = PortRoutes::path(PortRouteId::Organization);
    return r;
}

} // namespace porthole
