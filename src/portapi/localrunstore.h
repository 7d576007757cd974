// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace porthole {

// The state of the local Port API, without any HTTP: the workflow runs, node runs and action
// runs it knows and what reports did to them. Runs become known when their ids appear in a
// Kafka message value (observeMessage) or are registered directly. Bodies given to the update
// methods must already be valid (PortValidator); the methods only fail for unknown runs.
class LocalRunStore
{
public:
    /// Ids found in one message.
    struct Observed
    {
        QStringList workflowRuns, nodeRuns, actionRuns;
        bool isEmpty() const
        {
            return workflowRuns.isEmpty() && nodeRuns.isEmpty() && actionRuns.isEmpty();
        }
    };

    /// Finds wfr_/wfnr_/r_ ids by pattern anywhere in a message value and registers them; node
    /// runs are attached to the first workflow run of the same message.
    Observed observeMessage(QByteArrayView value);
    /// Makes a workflow run known (no-op when it is).
    void registerWorkflowRun(const QString& workflowRunId);
    /// Makes a node run known, attached to `workflowRunId` when that is not empty.
    void registerNodeRun(const QString& nodeRunId, const QString& workflowRunId = {});
    /// Makes a classic action run known.
    void registerActionRun(const QString& runId);
    /// The message that made a classic run known, when it carried
    /// payload.action.invocationMethod (what the polling agent is handed); else empty.
    QJsonObject actionRunMessage(const QString& runId) const
    {
        return m_actionRuns.value(runId).message;
    }

    // A workflow run the sandbox runs itself (POST /v1/workflows/{id}/runs): its status and
    // result are what the runner sets, not derived from its node runs, and its JSON carries
    // `workflow`, `variables.outputs` and the inputs, as Port's does.
    /// Creates it IN_PROGRESS; `workflow` is {identifier, version}.
    void createWorkflowRun(const QString& workflowRunId, const QJsonObject& workflow,
                           const QJsonObject& inputs);
    /// Makes a node run of it known, for node `nodeIdentifier` (shown as node.identifier).
    void addNodeRun(const QString& nodeRunId, const QString& workflowRunId,
                    const QString& nodeIdentifier);
    /// The node run's node identifier ("" when unknown).
    QString nodeOfNodeRun(const QString& nodeRunId) const;
    /// Sets `variables.outputs`: what each node that ran produced.
    void setWorkflowRunOutputs(const QString& workflowRunId, const QJsonObject& outputs);
    /// Ends the run: COMPLETED with `result` (SUCCESS, FAILED).
    void finishWorkflowRun(const QString& workflowRunId, const QString& result);

    /// True when the run is known.
    bool hasWorkflowRun(const QString& id) const { return m_workflowRuns.contains(id); }
    bool hasNodeRun(const QString& id) const { return m_nodeRuns.contains(id); }
    bool hasActionRun(const QString& id) const { return m_actionRuns.contains(id); }
    /// The node runs / classic action runs still IN_PROGRESS, sorted (the polling routes).
    QStringList pendingNodeRuns() const;
    QStringList pendingActionRuns() const;
    /// Numbers of known runs (for the sandbox's log line).
    qsizetype nodeRunCount() const { return m_nodeRuns.size(); }

    /// Applies a validated node-run PATCH body; `workflowRunId` (may be empty) must match the
    /// node's run (an unattached node is attached). Empty string on success, else why (404).
    QString updateNodeRun(const QString& nodeRunId, const QString& workflowRunId,
                          const QJsonObject& body);
    /// Appends validated {"logs":[{level,message}]} entries; "" on success, else why (404).
    QString appendNodeRunLogs(const QString& nodeRunId, const QJsonObject& body);
    /// Applies a validated action-run PATCH body; "" on success, else why (404).
    QString updateActionRun(const QString& runId, const QJsonObject& body);
    /// Stores a synchronized webhook's answer ({"response": …} of PATCH …/response); "" or why.
    QString setActionRunResponse(const QString& runId, const QJsonValue& response);
    /// Appends a validated action-run log body; "" on success, else why (404).
    QString appendActionRunLog(const QString& runId, const QJsonObject& body);

    /// {identifier,status,result,createdAt,updatedAt,nodeRuns:[…]}; empty when unknown.
    QJsonObject workflowRunJson(const QString& workflowRunId) const;
    /// One node run as JSON; empty when unknown.
    QJsonObject nodeRunJson(const QString& nodeRunId) const;
    /// One action run as JSON; empty when unknown.
    QJsonObject actionRunJson(const QString& runId) const;

private:
    struct NodeRun
    {
        QString workflowRunId;
        QString status = QStringLiteral("IN_PROGRESS");
        QString result;
        QJsonObject output;
        QJsonArray logs;
        QDateTime createdAt, updatedAt;
        QString node; // the node's identifier, when the sandbox runs the workflow
    };
    struct WorkflowRun
    {
        QStringList nodeRuns;
        QDateTime createdAt;
        bool driven = false; // run by the sandbox: status/result below, not derived
        QString status, result;
        QJsonObject workflow, inputs, outputs;
        QDateTime updatedAt, completedAt;
    };
    struct ActionRun
    {
        QString status = QStringLiteral("IN_PROGRESS");
        QJsonObject fields; // statusLabel, link, summary, externalRunId, response
        QJsonArray logs;
        QDateTime createdAt, updatedAt;
        QJsonObject message; // the message that carried it, when it names an invocation method
    };
    QJsonObject drivenRunJson(const QString& id, const WorkflowRun& run) const;
    QHash<QString, WorkflowRun> m_workflowRuns;
    QHash<QString, NodeRun> m_nodeRuns;
    QHash<QString, ActionRun> m_actionRuns;
};

} // namespace porthole
