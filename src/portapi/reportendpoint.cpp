// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportendpoint.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace porthole {
namespace {

const QString kCompleted = QStringLiteral("COMPLETED");

// An action run's extra fields from the JSON object the Report tab edits.
bool actionFields(const QJsonValue& json, ActionRunUpdate* u, QString* error)
{
    if (json.isUndefined() || json.isNull())
        return true;
    if (!json.isObject()) {
        *error = QStringLiteral("the fields must be a JSON object (statusLabel, link, summary, "
                                "externalRunId)");
        return false;
    }
    const QJsonObject o = json.toObject();
    for (auto it = o.begin(); it != o.end(); ++it) {
        const QString& key = it.key();
        const QJsonValue v = it.value();
        if (key == QLatin1String("link")) {
            if (v.isString()) {
                u->link = QStringList{v.toString()};
                continue;
            }
            const QJsonArray links = v.toArray();
            const bool strings =
                v.isArray() && std::all_of(links.begin(), links.end(),
                                           [](const QJsonValue& l) { return l.isString(); });
            if (!strings) {
                *error = QStringLiteral("link must be a string or an array of strings");
                return false;
            }
            for (const QJsonValue& l : links)
                u->link << l.toString();
            continue;
        }
        QString* field = key == QLatin1String("statusLabel")     ? &u->statusLabel
                         : key == QLatin1String("summary")       ? &u->summary
                         : key == QLatin1String("externalRunId") ? &u->externalRunId
                                                                 : nullptr;
        if (!field) {
            *error = QStringLiteral("unknown field '%1' (allowed: statusLabel, link, summary, "
                                    "externalRunId)")
                         .arg(key);
            return false;
        }
        if (!v.isString()) {
            *error = QStringLiteral("%1 must be a string").arg(key);
            return false;
        }
        *field = v.toString();
    }
    return true;
}

} // namespace

QList<ReportEndpoint::Id> ReportEndpoint::all()
{
    return {NodeRun, WorkflowRunNode, NodeRunLogs, ActionRun, ActionRunLog};
}

PortRouteId ReportEndpoint::route() const
{
    switch (m_id) {
    case NodeRun:
        return PortRouteId::NodeRun;
    case WorkflowRunNode:
        return PortRouteId::WorkflowRunNode;
    case NodeRunLogs:
        return PortRouteId::NodeRunLogs;
    case ActionRun:
        return PortRouteId::ActionRun;
    case ActionRunLog:
        return PortRouteId::ActionRunLogs;
    }
    return PortRouteId::None;
}

QString ReportEndpoint::label() const
{
    const QString what = m_id == NodeRun || m_id == WorkflowRunNode
                             ? QStringLiteral("Workflow node run")
                         : m_id == NodeRunLogs ? QStringLiteral("Workflow node run logs")
                         : m_id == ActionRun   ? QStringLiteral("Classic action run")
                                               : QStringLiteral("Classic action run log");
    return what + QStringLiteral(" · ") + PortRoutes::describe(route());
}

bool ReportEndpoint::isWorkflow() const
{
    return m_id == NodeRun || m_id == WorkflowRunNode || m_id == NodeRunLogs;
}

bool ReportEndpoint::isLog() const
{
    return m_id == NodeRunLogs || m_id == ActionRunLog;
}

bool ReportEndpoint::needsWorkflowRun() const
{
    return m_id == WorkflowRunNode;
}

QStringList ReportEndpoint::statuses() const
{
    switch (m_id) {
    case NodeRun:
    case WorkflowRunNode:
        return {kCompleted, QStringLiteral("IN_PROGRESS"), QString()};
    case NodeRunLogs:
        return {};
    case ActionRun:
        return {QStringLiteral("SUCCESS"), QStringLiteral("FAILURE"), QString()};
    case ActionRunLog:
        // terminationStatus: once only, ends the run.
        return {QString(), QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")};
    }
    return {};
}

QStringList ReportEndpoint::results(const QString& status) const
{
    if ((m_id == NodeRun || m_id == WorkflowRunNode) && status == kCompleted)
        return {QStringLiteral("SUCCESS"), QStringLiteral("FAILED"), QStringLiteral("CANCELLED")};
    return {};
}

bool ReportEndpoint::takesJson() const
{
    return m_id == NodeRun || m_id == WorkflowRunNode || m_id == ActionRun;
}

bool ReportEndpoint::takesLogs() const
{
    return m_id != ActionRun;
}

bool ReportEndpoint::takesLogLevel() const
{
    return isWorkflow();
}

QString ReportEndpoint::runIdPrefix() const
{
    return isWorkflow() ? QStringLiteral("wfnr_") : QStringLiteral("r_");
}

std::optional<PortRequest> ReportEndpoint::build(const ReportInput& in, QString* error,
                                                 bool validate) const
{
    switch (m_id) {
    case NodeRun:
    case WorkflowRunNode: {
        NodeRunUpdate u;
        u.nodeRunId = in.runId;
        u.workflowRunId = in.workflowRunId;
        u.status = in.status;
        u.result = in.result;
        if (!in.output.isUndefined())
            u.output = in.output;
        u.logs = in.logs;
        return PortRequest::nodeRunUpdate(
            u, m_id == NodeRun ? NodeRunRoute::NodeRuns : NodeRunRoute::WorkflowRunNodes, error,
            validate);
    }
    case NodeRunLogs:
        return PortRequest::nodeRunLogs(in.runId, in.logs, error, validate);
    case ActionRun: {
        ActionRunUpdate u;
        u.runId = in.runId;
        u.status = in.status;
        if (!actionFields(in.output, &u, error))
            return std::nullopt;
        return PortRequest::actionRunUpdate(u, error, validate);
    }
    case ActionRunLog: {
        // One message per call: the lines go together, as the agent sends them.
        QStringList lines;
        for (const NodeLogEntry& e : in.logs)
            lines << e.message;
        if (lines.isEmpty()) {
            *error = QStringLiteral("message is required: write the log line to send");
            return std::nullopt;
        }
        return PortRequest::actionRunLog(in.runId, lines.join(QLatin1Char('\n')), in.status, error,
                                         validate);
    }
    }
    return std::nullopt;
}

} // namespace porthole
