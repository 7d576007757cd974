// SPDX-License-Identifier: GPL-3.0-or-later
#include "localworkflows.h"

#include "localapireply_p.h"

#include "core/runid.h"
#include "core/workflow.h"
#include "core/workflowgraph.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <utility>

namespace porthole {

using namespace localapi;

namespace {

// The first error of a workflow document (its shape and its graph), or "".
QString firstError(const QByteArray& text)
{
    const Workflow w = Workflow::parse(std::string_view(text.constData(), size_t(text.size())));
    Diagnostics all = w.diagnostics();
    if (w.ok() && !hasErrors(all)) {
        const Diagnostics graph = WorkflowGraph(w).lint();
        all.insert(all.end(), graph.begin(), graph.end());
    }
    for (const Diagnostic& d : all)
        if (d.severity == Severity::Error)
            return QString::fromStdString(d.message);
    return {};
}

QJsonObject workflowObject(const QByteArray& text)
{
    return QJsonDocument::fromJson(text).object();
}

// {ok, workflow} with the workflow as its author wrote it: key order kept (QJsonObject would
// sort the keys, and a KAFKA payload's order is the order its message is published in).
LocalApiReply withWorkflow(int status, const QByteArray& text)
{
    LocalApiReply reply;
    reply.status = status;
    reply.body = "{\"ok\":true,\"workflow\":" + text + "}";
    return reply;
}

} // namespace

LocalApiReply LocalWorkflows::handle(const LocalApiRequest& r, const PortRouteMatch& m,
                                     LocalRunStore& runs)
{
    const QString& id = m.workflowId;
    switch (m.route) {
    case PortRouteId::WorkflowCreate:
        return store({}, r.body, false);
    case PortRouteId::WorkflowPut:
        if (!m_docs.contains(id))
            return notFound(QStringLiteral("workflow %1 was not found").arg(id));
        return store(id, r.body, true);
    case PortRouteId::WorkflowGet:
        if (!m_docs.contains(id))
            return notFound(QStringLiteral("workflow %1 was not found").arg(id));
        return withWorkflow(200, m_docs.value(id));
    case PortRouteId::WorkflowDelete:
        if (!m_docs.remove(id))
            return notFound(QStringLiteral("workflow %1 was not found").arg(id));
        return ok();
    case PortRouteId::WorkflowRunCreate:
        return startRun(id, r.body, runs);
    default:
        return notFound(
            QStringLiteral("no route %1 %2").arg(QString::fromLatin1(r.method), r.path));
    }
}

LocalApiReply LocalWorkflows::store(const QString& pathId, const QByteArray& body, bool replace)
{
    QJsonObject o;
    LocalApiReply reply;
    if (!parseObject(body, &o, &reply))
        return reply;
    QString id = o.value(QStringLiteral("identifier")).toString();
    const bool added = replace && id.isEmpty(); // PUT names the workflow in its path
    if (added) {
        id = pathId;
        o.insert(QStringLiteral("identifier"), id);
    }
    if (id.isEmpty())
        return invalid(QStringLiteral("the workflow needs an \"identifier\""));
    if (replace && id != pathId)
        return invalid(QStringLiteral("the body's identifier \"%1\" is not the path's \"%2\"")
                           .arg(id, pathId));
    if (!replace && m_docs.contains(id))
        return failure(409, QStringLiteral("conflict"),
                       QStringLiteral("workflow %1 already exists (PUT replaces it)").arg(id));
    // The text as sent, unless PUT had to add the identifier.
    const QByteArray text =
        added ? QJsonDocument(o).toJson(QJsonDocument::Compact) : body.trimmed();
    if (const QString problem = firstError(text); !problem.isEmpty())
        return invalid(QStringLiteral("workflow %1: %2").arg(id, problem));
    m_docs.insert(id, text);
    m_versions[id] += 1;
    return withWorkflow(replace ? 200 : 201, text);
}

LocalApiReply LocalWorkflows::startRun(const QString& id, const QByteArray& body,
                                       LocalRunStore& runs)
{
    if (!m_docs.contains(id))
        return notFound(QStringLiteral("workflow %1 was not found").arg(id));
    QJsonObject o;
    LocalApiReply reply;
    if (!body.trimmed().isEmpty() && !parseObject(body, &o, &reply))
        return reply;
    const QJsonValue given = o.value(QStringLiteral("inputs"));
    if (!given.isUndefined() && !given.isObject())
        return invalid(QStringLiteral("inputs must be an object"));
    QJsonObject inputs = given.toObject();
    // The self-service trigger's form: its required inputs must be there; an input left out
    // that has a default gets it (as Port's form fills it in; an inference for API calls).
    QStringList missing;
    for (const QJsonValue& n :
         workflowObject(m_docs.value(id)).value(QStringLiteral("nodes")).toArray()) {
        const QJsonObject config = n.toObject().value(QStringLiteral("config")).toObject();
        if (config.value(QStringLiteral("type")) != QLatin1String("SELF_SERVE_TRIGGER"))
            continue;
        const QJsonObject form = config.value(QStringLiteral("userInputs")).toObject();
        const QJsonObject props = form.value(QStringLiteral("properties")).toObject();
        for (auto p = props.begin(); p != props.end(); ++p)
            if (!inputs.contains(p.key()) &&
                p.value().toObject().contains(QStringLiteral("default")))
                inputs.insert(p.key(), p.value().toObject().value(QStringLiteral("default")));
        for (const QJsonValue& r : form.value(QStringLiteral("required")).toArray())
            if (!inputs.contains(r.toString()) || inputs.value(r.toString()).isNull())
                missing << r.toString();
    }
    if (!missing.isEmpty())
        return invalid(
            QStringLiteral("missing required input%1: %2")
                .arg(missing.size() > 1 ? QStringLiteral("s") : QString(),
                     QLatin1Char('"') + missing.join(QStringLiteral("\", \"")) + QLatin1Char('"')));
    const QString wfr = QString::fromStdString(RunId::generate(RunId::Kind::WorkflowRun).text());
    runs.createWorkflowRun(wfr,
                           {{QStringLiteral("identifier"), id},
                            {QStringLiteral("version"), QString::number(m_versions.value(id))}},
                           inputs);
    m_started.append({wfr, m_docs.value(id)});
    return json(201, {{QStringLiteral("ok"), true},
                      {QStringLiteral("workflowRun"), runs.workflowRunJson(wfr)}});
}

QList<LocalWorkflows::StartedRun> LocalWorkflows::takeStartedRuns()
{
    return std::exchange(m_started, {});
}

} // namespace porthole
