// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"
#include "portapi/localapicall.h"
#include "template/noderenderer.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <map>
#include <memory>
#include <string>

namespace porthole {

class Sandbox;

/// How the sandbox runs workflows.
struct WorkflowRunnerOptions
{
    /// Sign KAFKA messages like Port (headers.X-Port-Signature) with the local API's client
    /// secret, as Port signs what its execution agent reads.
    bool sign = true;
    /// Strict mode, array mode, envelope, jq limits; the org id is the sandbox's.
    RenderOptions render;
    /// Node id → the output it gives instead of its type's default (never a KAFKA node: its
    /// output is what its consumer reports).
    std::map<std::string, JsonValue> mocks;
};

/// Runs the workflow runs the sandbox's local Port API creates (POST /v1/workflows/{id}/runs),
/// as Port would (port-reference.md §8): from the trigger (its output: the inputs) along the
/// connections; a CONDITION takes its first outlet whose jq is true, else its fallback; each
/// KAFKA node gets a fresh node run, is rendered against the chained context and published to
/// {org}.runs in its envelope, and the run waits until its consumer reports it COMPLETED; the
/// `output` reported becomes .outputs[node] (an inference: Port does not document it). Other
/// action nodes answer at once with their mock or default output and never call out. A node's
/// `variables` replace its output. A FAILED node ends the run FAILED unless the node says
/// onFailure "continue" (its output then holds error.message). Lives in the sandbox's thread.
class WorkflowRunner : public QObject
{
    Q_OBJECT
public:
    explicit WorkflowRunner(Sandbox* sandbox, QObject* parent = nullptr);
    ~WorkflowRunner() override;

    void setOptions(WorkflowRunnerOptions options) { m_options = std::move(options); }
    const WorkflowRunnerOptions& options() const { return m_options; }
    /// Runs not finished yet.
    int activeRuns() const { return int(m_runs.size()); }

Q_SIGNALS:
    /// Progress in words, one line each (for the sandbox's log); never a secret.
    void logged(const QString& line);
    /// A node run began (`type` is the node's config.type).
    void nodeRunStarted(const QString& workflowRunId, const QString& nodeRunId, const QString& node,
                        const QString& type);
    /// A KAFKA node's message was delivered to the broker.
    void nodeMessagePublished(const QString& workflowRunId, const QString& nodeRunId,
                              const QString& topic, int partition, qint64 offset, bool isSigned);
    /// A node run ended with `result` (SUCCESS, FAILED).
    void nodeRunFinished(const QString& workflowRunId, const QString& nodeRunId,
                         const QString& node, const QString& result);
    /// The run ended COMPLETED with `result`.
    void runFinished(const QString& workflowRunId, const QString& result);

private:
    struct Run;
    void start(const QString& workflowRunId, const QByteArray& workflow);
    void onCall(const LocalApiCall& call);
    void advance(Run& run);
    bool step(Run& run);
    bool runKafka(Run& run, int node);
    void nodeDone(Run& run, int node, const QString& nodeRunId, const QString& result,
                  JsonValue output, const QString& error);
    void finish(Run& run, const QString& result, const QString& why);
    QString newNodeRun(Run& run, int node);
    void log(const Run& run, const QString& line);

    Sandbox* m_sandbox;
    WorkflowRunnerOptions m_options;
    std::map<QString, std::unique_ptr<Run>> m_runs; // by workflow run id
    QHash<QString, QString> m_waiting;              // KAFKA node run → its workflow run
};

} // namespace porthole
