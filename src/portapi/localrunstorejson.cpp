// SPDX-License-Identifier: GPL-3.0-or-later
// LocalRunStore's runs as Port's API shows them (GET …/runs/{id}): the store's other half.
#include "localrunstore.h"

namespace porthole {
namespace {

QJsonValue timeOrNull(const QDateTime& t)
{
    return t.isValid() ? QJsonValue(t.toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue stringOrNull(const QString& s)
{
    return s.isEmpty() ? QJsonValue() : QJsonValue(s);
}

} // namespace

QJsonObject LocalRunStore::nodeRunJson(const QString& nodeRunId) const
{
    const auto it = m_nodeRuns.constFind(nodeRunId);
    if (it == m_nodeRuns.constEnd())
        return {};
    QJsonObject o{{QStringLiteral("identifier"), nodeRunId},
                  {QStringLiteral("workflowRunIdentifier"), stringOrNull(it->workflowRunId)},
                  {QStringLiteral("status"), it->status},
                  {QStringLiteral("result"), stringOrNull(it->result)},
                  {QStringLiteral("output"), it->output},
                  {QStringLiteral("logs"), it->logs},
                  {QStringLiteral("createdAt"), timeOrNull(it->createdAt)},
                  {QStringLiteral("updatedAt"), timeOrNull(it->updatedAt)}};
    if (!it->node.isEmpty()) { // a node run of a workflow the sandbox runs: Port's fields
        o.insert(QStringLiteral("node"), QJsonObject{{QStringLiteral("identifier"), it->node}});
        o.insert(QStringLiteral("completedAt"), it->status == QLatin1String("COMPLETED")
                                                    ? timeOrNull(it->updatedAt)
                                                    : QJsonValue());
    }
    return o;
}

QJsonObject LocalRunStore::workflowRunJson(const QString& workflowRunId) const
{
    const auto it = m_workflowRuns.constFind(workflowRunId);
    if (it == m_workflowRuns.constEnd())
        return {};
    if (it->driven)
        return drivenRunJson(workflowRunId, *it);
    // A sandbox approximation of Port's run status: done when every known node is done.
    QJsonArray nodes;
    bool allCompleted = !it->nodeRuns.isEmpty();
    bool failed = false, cancelled = false;
    QDateTime updated = it->createdAt;
    for (const QString& id : it->nodeRuns) {
        const NodeRun& node = m_nodeRuns[id];
        nodes.append(nodeRunJson(id));
        allCompleted = allCompleted && node.status == QLatin1String("COMPLETED");
        failed = failed || node.result == QLatin1String("FAILED");
        cancelled = cancelled || node.result == QLatin1String("CANCELLED");
        if (node.updatedAt.isValid() && node.updatedAt > updated)
            updated = node.updatedAt;
    }
    const QString result = !allCompleted ? QString()
                           : failed      ? QStringLiteral("FAILED")
                           : cancelled   ? QStringLiteral("CANCELLED")
                                         : QStringLiteral("SUCCESS");
    return {{QStringLiteral("identifier"), workflowRunId},
            {QStringLiteral("status"),
             allCompleted ? QStringLiteral("COMPLETED") : QStringLiteral("IN_PROGRESS")},
            {QStringLiteral("result"), stringOrNull(result)},
            {QStringLiteral("createdAt"), timeOrNull(it->createdAt)},
            {QStringLiteral("updatedAt"), timeOrNull(updated)},
            {QStringLiteral("nodeRuns"), nodes}};
}

// Port's documented fields of a workflow run (port-reference.md §5), for a run the sandbox runs.
QJsonObject LocalRunStore::drivenRunJson(const QString& id, const WorkflowRun& run) const
{
    QJsonArray nodes;
    for (const QString& n : run.nodeRuns)
        nodes.append(nodeRunJson(n));
    return {{QStringLiteral("identifier"), id},
            {QStringLiteral("workflow"), run.workflow},
            {QStringLiteral("status"), run.status},
            {QStringLiteral("result"), stringOrNull(run.result)},
            {QStringLiteral("inputs"), run.inputs},
            {QStringLiteral("variables"), QJsonObject{{QStringLiteral("outputs"), run.outputs}}},
            {QStringLiteral("createdBy"), QStringLiteral("sandbox")},
            {QStringLiteral("createdAt"), timeOrNull(run.createdAt)},
            {QStringLiteral("updatedAt"), timeOrNull(run.updatedAt)},
            {QStringLiteral("completedAt"), timeOrNull(run.completedAt)},
            {QStringLiteral("nodeRuns"), nodes}};
}

QJsonObject LocalRunStore::actionRunJson(const QString& runId) const
{
    const auto it = m_actionRuns.constFind(runId);
    if (it == m_actionRuns.constEnd())
        return {};
    QJsonObject o = it->fields;
    o.insert(QStringLiteral("id"), runId);
    o.insert(QStringLiteral("status"), it->status);
    o.insert(QStringLiteral("logs"), it->logs);
    o.insert(QStringLiteral("createdAt"), timeOrNull(it->createdAt));
    o.insert(QStringLiteral("updatedAt"), timeOrNull(it->updatedAt));
    return o;
}

} // namespace porthole
