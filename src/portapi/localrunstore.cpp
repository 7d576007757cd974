// SPDX-License-Identifier: GPL-3.0-or-later
#include "localrunstore.h"

#include "core/runid.h"

#include <QJsonDocument>

namespace porthole {
namespace {

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

} // namespace

LocalRunStore::Observed LocalRunStore::observeMessage(QByteArrayView value)
{
    Observed seen;
    const std::string_view text(value.data(), size_t(value.size()));
    for (size_t pos = 0; pos < text.size();) {
        const RunId found = RunId::findNext(text, pos);
        if (found.isNull())
            break;
        // Port's API takes its own ids only, so hand-made (unusual) ids are not served.
        if (found.isUnusual())
            continue;
        const QString id = QString::fromStdString(found.text());
        QStringList& list = found.kind() == RunId::Kind::NodeRun       ? seen.nodeRuns
                            : found.kind() == RunId::Kind::WorkflowRun ? seen.workflowRuns
                                                                       : seen.actionRuns;
        if (!list.contains(id))
            list.append(id);
    }
    for (const QString& wfr : seen.workflowRuns)
        registerWorkflowRun(wfr);
    const QString parent = seen.workflowRuns.value(0);
    for (const QString& wfnr : seen.nodeRuns)
        registerNodeRun(wfnr, parent);
    for (const QString& r : seen.actionRuns)
        registerActionRun(r);
    // A classic run for Port's agent: kept whole, as the polling routes hand it out. Parsed only
    // then, so a busy topic costs no JSON parse per message.
    if (seen.actionRuns.size() == 1 && value.contains(QByteArrayView("\"invocationMethod\""))) {
        const QJsonObject message =
            QJsonDocument::fromJson(QByteArray(value.data(), value.size())).object();
        if (message.value(u"payload")[u"action"][u"invocationMethod"].isObject())
            m_actionRuns[seen.actionRuns.first()].message = message;
    }
    return seen;
}

void LocalRunStore::registerWorkflowRun(const QString& workflowRunId)
{
    if (m_workflowRuns.contains(workflowRunId))
        return;
    WorkflowRun run;
    run.createdAt = QDateTime::currentDateTimeUtc();
    m_workflowRuns.insert(workflowRunId, run);
}

void LocalRunStore::registerNodeRun(const QString& nodeRunId, const QString& workflowRunId)
{
    NodeRun& node = m_nodeRuns[nodeRunId];
    if (!node.createdAt.isValid())
        node.createdAt = QDateTime::currentDateTimeUtc();
    if (workflowRunId.isEmpty() || !node.workflowRunId.isEmpty())
        return;
    registerWorkflowRun(workflowRunId);
    node.workflowRunId = workflowRunId;
    m_workflowRuns[workflowRunId].nodeRuns.append(nodeRunId);
}

void LocalRunStore::registerActionRun(const QString& runId)
{
    ActionRun& run = m_actionRuns[runId];
    if (!run.createdAt.isValid())
        run.createdAt = QDateTime::currentDateTimeUtc();
}

void LocalRunStore::createWorkflowRun(const QString& workflowRunId, const QJsonObject& workflow,
                                      const QJsonObject& inputs)
{
    registerWorkflowRun(workflowRunId);
    WorkflowRun& run = m_workflowRuns[workflowRunId];
    run.driven = true;
    run.status = QStringLiteral("IN_PROGRESS");
    run.workflow = workflow;
    run.inputs = inputs;
    run.updatedAt = run.createdAt;
}

void LocalRunStore::addNodeRun(const QString& nodeRunId, const QString& workflowRunId,
                               const QString& nodeIdentifier)
{
    registerNodeRun(nodeRunId, workflowRunId);
    m_nodeRuns[nodeRunId].node = nodeIdentifier;
}

QString LocalRunStore::nodeOfNodeRun(const QString& nodeRunId) const
{
    return m_nodeRuns.value(nodeRunId).node;
}

void LocalRunStore::setWorkflowRunOutputs(const QString& workflowRunId, const QJsonObject& outputs)
{
    if (auto it = m_workflowRuns.find(workflowRunId); it != m_workflowRuns.end()) {
        it->outputs = outputs;
        it->updatedAt = QDateTime::currentDateTimeUtc();
    }
}

void LocalRunStore::finishWorkflowRun(const QString& workflowRunId, const QString& result)
{
    if (auto it = m_workflowRuns.find(workflowRunId); it != m_workflowRuns.end()) {
        it->status = QStringLiteral("COMPLETED");
        it->result = result;
        it->updatedAt = it->completedAt = QDateTime::currentDateTimeUtc();
    }
}

QString LocalRunStore::updateNodeRun(const QString& nodeRunId, const QString& workflowRunId,
                                     const QJsonObject& body)
{
    auto it = m_nodeRuns.find(nodeRunId);
    if (it == m_nodeRuns.end())
        return QStringLiteral("node run %1 was not found").arg(nodeRunId);
    if (!workflowRunId.isEmpty()) {
        if (it->workflowRunId.isEmpty())
            registerNodeRun(nodeRunId, workflowRunId);
        else if (it->workflowRunId != workflowRunId)
            return QStringLiteral("node run %1 does not belong to workflow run %2")
                .arg(nodeRunId, workflowRunId);
    }
    NodeRun& node = m_nodeRuns[nodeRunId];
    if (body.contains(QStringLiteral("status")))
        node.status = body.value(QStringLiteral("status")).toString();
    if (body.contains(QStringLiteral("result")))
        node.result = body.value(QStringLiteral("result")).toString();
    if (body.contains(QStringLiteral("output")))
        node.output = body.value(QStringLiteral("output")).toObject();
    for (const QJsonValue& v : body.value(QStringLiteral("logs")).toArray()) {
        QJsonObject entry = v.toObject();
        // Ocean's "message" is kept as Port's documented "log": one kind of entry per run.
        if (entry.contains(QStringLiteral("message")))
            entry.insert(QStringLiteral("log"), entry.take(QStringLiteral("message")));
        entry.insert(QStringLiteral("createdAt"), now());
        node.logs.append(entry);
    }
    node.updatedAt = QDateTime::currentDateTimeUtc();
    return {};
}

QString LocalRunStore::appendNodeRunLogs(const QString& nodeRunId, const QJsonObject& body)
{
    auto it = m_nodeRuns.find(nodeRunId);
    if (it == m_nodeRuns.end())
        return QStringLiteral("node run %1 was not found").arg(nodeRunId);
    // Stored in the PATCH body's shape so a node run shows one kind of log entry.
    for (const QJsonValue& v : body.value(QStringLiteral("logs")).toArray()) {
        const QJsonObject o = v.toObject();
        it->logs.append(QJsonObject{{QStringLiteral("logLevel"), o.value(QStringLiteral("level"))},
                                    {QStringLiteral("log"), o.value(QStringLiteral("message"))},
                                    {QStringLiteral("createdAt"), now()}});
    }
    it->updatedAt = QDateTime::currentDateTimeUtc();
    return {};
}

QString LocalRunStore::updateActionRun(const QString& runId, const QJsonObject& body)
{
    auto it = m_actionRuns.find(runId);
    if (it == m_actionRuns.end())
        return QStringLiteral("action run %1 was not found").arg(runId);
    for (auto f = body.begin(); f != body.end(); ++f) {
        if (f.key() == QLatin1String("status"))
            it->status = f.value().toString();
        else
            it->fields.insert(f.key(), f.value());
    }
    it->updatedAt = QDateTime::currentDateTimeUtc();
    return {};
}

QString LocalRunStore::setActionRunResponse(const QString& runId, const QJsonValue& response)
{
    auto it = m_actionRuns.find(runId);
    if (it == m_actionRuns.end())
        return QStringLiteral("action run %1 was not found").arg(runId);
    it->fields.insert(QStringLiteral("response"), response);
    it->updatedAt = QDateTime::currentDateTimeUtc();
    return {};
}

QString LocalRunStore::appendActionRunLog(const QString& runId, const QJsonObject& body)
{
    auto it = m_actionRuns.find(runId);
    if (it == m_actionRuns.end())
        return QStringLiteral("action run %1 was not found").arg(runId);
    QJsonObject entry{{QStringLiteral("message"), body.value(QStringLiteral("message"))},
                      {QStringLiteral("createdAt"), now()}};
    const QString termination = body.value(QStringLiteral("terminationStatus")).toString();
    if (!termination.isEmpty()) {
        // Port accepts a termination status once; it ends the run like a PATCH would.
        if (it->status == QLatin1String("IN_PROGRESS"))
            it->status = termination;
        entry.insert(QStringLiteral("terminationStatus"), termination);
    }
    if (body.contains(QStringLiteral("statusLabel")))
        it->fields.insert(QStringLiteral("statusLabel"), body.value(QStringLiteral("statusLabel")));
    it->logs.append(entry);
    it->updatedAt = QDateTime::currentDateTimeUtc();
    return {};
}

QStringList LocalRunStore::pendingNodeRuns() const
{
    QStringList ids;
    for (auto it = m_nodeRuns.constBegin(); it != m_nodeRuns.constEnd(); ++it)
        if (it->status == QLatin1String("IN_PROGRESS"))
            ids << it.key();
    ids.sort();
    return ids;
}

QStringList LocalRunStore::pendingActionRuns() const
{
    QStringList ids;
    for (auto it = m_actionRuns.constBegin(); it != m_actionRuns.constEnd(); ++it)
        if (it->status == QLatin1String("IN_PROGRESS"))
            ids << it.key();
    ids.sort();
    return ids;
}

} // namespace porthole
