// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portrequest.h"
#include "portroute.h"

#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace porthole {

/// What a report carries, whatever the endpoint; each endpoint takes the parts it accepts.
struct ReportInput
{
    QString runId;         ///< wfnr_… (node endpoints) or r_… (action endpoints)
    QString workflowRunId; ///< wfr_…, for the /v1/workflows/runs/{wfr}/nodes/{wfnr} route
    QString status;        ///< "" leaves the status as it is
    QString result;        ///< node runs with COMPLETED only
    /// Node runs: the output (Port wants an object). Action runs: the other fields
    /// (statusLabel, link, summary, externalRunId) as an object. Undefined: none.
    QJsonValue output = QJsonValue::Undefined;
    QList<NodeLogEntry> logs; ///< level is ignored where the endpoint has none
};

// The endpoints a report can go to (port-reference.md §5) and the words each accepts. Workflow
// node runs say COMPLETED + SUCCESS/FAILED/CANCELLED; classic action runs SUCCESS/FAILURE.
// Mixing them up is a known bug source, so the Report tab offers only what the endpoint takes.
class ReportEndpoint
{
public:
    enum Id
    {
        NodeRun,         ///< PATCH /v1/workflows/nodes/runs/{wfnr}
        WorkflowRunNode, ///< PATCH /v1/workflows/runs/{wfr}/nodes/{wfnr}
        NodeRunLogs,     ///< POST /v1/workflows/nodes/runs/{wfnr}/logs
        ActionRun,       ///< PATCH /v1/actions/runs/{r}
        ActionRunLog,    ///< POST /v1/actions/runs/{r}/logs
    };
    /// Every endpoint in the order the Report tab lists them.
    static QList<Id> all();

    explicit ReportEndpoint(Id id = NodeRun) : m_id(id) {}
    Id id() const { return m_id; }

    /// Its route in Port's route table.
    PortRouteId route() const;
    /// "Workflow node run · PATCH /v1/workflows/nodes/runs/{wfnr}", …
    QString label() const;
    /// True for the workflow node run endpoints (wfnr_ ids).
    bool isWorkflow() const;
    /// True for the log endpoints (POST …/logs): a Logged event, not a Reported one.
    bool isLog() const;
    /// True when the route needs the workflow run id too.
    bool needsWorkflowRun() const;
    /// The statuses it accepts, in the order offered; "" means "leave it as it is" (node and
    /// action PATCH), or "no termination" (action log). Empty list: it takes no status.
    QStringList statuses() const;
    /// The results it accepts with `status`; empty when the status takes none (IN_PROGRESS).
    QStringList results(const QString& status) const;
    /// True when it takes the JSON object (node output, or action run fields).
    bool takesJson() const;
    /// True when it takes log lines; and when those carry a level.
    bool takesLogs() const;
    bool takesLogLevel() const;
    /// The id prefix of the run ("wfnr_" or "r_").
    QString runIdPrefix() const;

    /// Builds the request from `input` (Port's rules checked unless `validate` is false).
    std::optional<PortRequest> build(const ReportInput& input, QString* error,
                                     bool validate = true) const;

private:
    Id m_id;
};

} // namespace porthole
