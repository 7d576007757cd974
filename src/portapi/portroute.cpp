// SPDX-License-Identifier: GPL-3.0-or-later
#include "portroute.h"

#include "core/runid.h"

#include <QUrlQuery>

namespace porthole {
namespace {

bool wellFormed(const QString& id, RunId::Kind kind)
{
    const QByteArray utf8 = id.toUtf8();
    const RunId parsed = RunId::parse(std::string_view(utf8.constData(), size_t(utf8.size())));
    return !parsed.isNull() && parsed.kind() == kind;
}

} // namespace

QString PortRouteMatch::runId() const
{
    return !nodeRunId.isEmpty() ? nodeRunId : !actionRunId.isEmpty() ? actionRunId : workflowRunId;
}

bool PortRouteMatch::isWorkflow() const
{
    return route == PortRouteId::NodeRun || route == PortRouteId::NodeRunLogs ||
           route == PortRouteId::WorkflowRunNode || route == PortRouteId::WorkflowRun;
}

bool PortRouteMatch::isWorkflowDocument() const
{
    return route == PortRouteId::WorkflowCreate || route == PortRouteId::WorkflowGet ||
           route == PortRouteId::WorkflowPut || route == PortRouteId::WorkflowDelete ||
           route == PortRouteId::WorkflowRunCreate;
}

bool PortRouteMatch::isLog() const
{
    return route == PortRouteId::NodeRunLogs || route == PortRouteId::ActionRunLogs;
}

namespace PortRoutes {

const std::vector<PortRoute>& all()
{
    using enum PortRouteId;
    // Literal paths before the patterns whose placeholder would take them ("ack" is no run).
    static const std::vector<PortRoute> table{
        {AccessToken, "POST", "/v1/auth/access_token", false},
        {WorkflowRunsClaim, "POST", "/v1/workflows/runs/claim-pending", false},
        {WorkflowRunsAck, "PATCH", "/v1/workflows/runs/ack", false},
        {ActionRunsClaim, "POST", "/v1/actions/runs/claim-pending", false},
        {ActionRunsAck, "PATCH", "/v1/actions/runs/ack", false},
        // Port's docs write the workflow claim/ack under the organisation; Ocean calls the above.
        {OrgWorkflowRunsClaim, "POST", "/v1/org/{org}/workflows/runs/claim-pending", false},
        {OrgWorkflowRunsAck, "PATCH", "/v1/org/{org}/workflows/runs/ack", false},
        {NodeRun, "PATCH", "/v1/workflows/nodes/runs/{wfnr}", true},
        {NodeRunLogs, "POST", "/v1/workflows/nodes/runs/{wfnr}/logs", true},
        {WorkflowRunNode, "PATCH", "/v1/workflows/runs/{wfr}/nodes/{wfnr}", true},
        {WorkflowRun, "GET", "/v1/workflows/runs/{wfr}", false},
        {ActionRun, "PATCH", "/v1/actions/runs/{r}", true},
        {ActionRunGet, "GET", "/v1/actions/runs/{r}", false},
        {ActionRunLogs, "POST", "/v1/actions/runs/{r}/logs", true},
        {KafkaCredentials, "GET", "/v1/kafka-credentials", false},
        {ActionRunResponse, "PATCH", "/v1/actions/runs/{r}/response", true},
        {Organization, "GET", "/v1/organization", false},
        {OrganizationPatch, "PATCH", "/v1/organization", false},
        // A report in the run's story when run_id names a run (match with the query).
        {EntityUpsert, "POST", "/v1/blueprints/{blueprint}/entities", true},
        // Workflows (port-reference.md §8), after the run routes: "runs" is no workflow id.
        {WorkflowCreate, "POST", "/v1/workflows", false},
        {WorkflowGet, "GET", "/v1/workflows/{id}", false},
        {WorkflowPut, "PUT", "/v1/workflows/{id}", false},
        {WorkflowDelete, "DELETE", "/v1/workflows/{id}", false},
        {WorkflowRunCreate, "POST", "/v1/workflows/{id}/runs", false},
    };
    return table;
}

const PortRoute& route(PortRouteId id)
{
    static const PortRoute none;
    for (const PortRoute& r : all())
        if (r.id == id)
            return r;
    return none;
}

QString describe(PortRouteId id)
{
    const PortRoute& r = route(id);
    return QLatin1String(r.method) + QLatin1Char(' ') + QLatin1String(r.pattern);
}

PortRouteMatch match(QByteArrayView method, QStringView path)
{
    const QList<QStringView> parts = path.split(u'/', Qt::SkipEmptyParts);
    PortRouteMatch out;
    for (const PortRoute& r : all()) {
        const QString text = QString::fromLatin1(r.pattern);
        const QList<QStringView> pattern = QStringView(text).split(u'/', Qt::SkipEmptyParts);
        if (pattern.size() != parts.size())
            continue;
        PortRouteMatch m;
        bool same = true;
        for (qsizetype i = 0; same && i < parts.size(); ++i) {
            const QStringView p = pattern.at(i);
            if (p == u"{wfr}")
                m.workflowRunId = parts.at(i).toString();
            else if (p == u"{wfnr}")
                m.nodeRunId = parts.at(i).toString();
            else if (p == u"{r}")
                m.actionRunId = parts.at(i).toString();
            else if (p == u"{blueprint}")
                m.blueprint = parts.at(i).toString();
            else if (p == u"{org}")
                continue; // any organisation: the sandbox serves one
            else if (p == u"{id}")
                m.workflowId = parts.at(i).toString();
            else
                same = p == parts.at(i);
        }
        if (!same)
            continue;
        if (method != QByteArrayView(r.method)) {
            out.allowedMethod = r.method;
            continue;
        }
        m.route = r.id;
        m.idsWellFormed =
            (m.workflowRunId.isEmpty() || wellFormed(m.workflowRunId, RunId::Kind::WorkflowRun)) &&
            (m.nodeRunId.isEmpty() || wellFormed(m.nodeRunId, RunId::Kind::NodeRun)) &&
            (m.actionRunId.isEmpty() || wellFormed(m.actionRunId, RunId::Kind::ActionRun));
        return m;
    }
    return out;
}

PortRouteMatch match(QByteArrayView method, QStringView path, QStringView query)
{
    PortRouteMatch m = match(method, path);
    if (m.route != PortRouteId::EntityUpsert)
        return m;
    const QString runId =
        QUrlQuery(query.toString()).queryItemValue(QStringLiteral("run_id"), QUrl::FullyDecoded);
    if (runId.startsWith(QLatin1String("wfnr_")))
        m.nodeRunId = runId;
    else
        m.actionRunId = runId;
    m.idsWellFormed = runId.isEmpty() || wellFormed(runId, RunId::Kind::NodeRun) ||
                      wellFormed(runId, RunId::Kind::ActionRun);
    return m;
}

QString path(PortRouteId id, const QStringList& ids)
{
    QString out;
    qsizetype next = 0;
    const QString text = QString::fromLatin1(route(id).pattern);
    for (const QStringView part : QStringView(text).split(u'/', Qt::SkipEmptyParts)) {
        out += QLatin1Char('/');
        out += part.startsWith(u'{') ? ids.value(next++) : part.toString();
    }
    return out;
}

} // namespace PortRoutes
} // namespace porthole
