// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace porthole {

/// Which of Port's two documented node-run routes to PATCH.
enum class NodeRunRoute
{
    NodeRuns,         ///< PATCH /v1/workflows/nodes/runs/{wfnr} (API spec, Port's own code)
    WorkflowRunNodes, ///< PATCH /v1/workflows/runs/{wfr}/nodes/{wfnr} (the docs' curl)
};

/// One log line for a workflow node run.
struct NodeLogEntry
{
    QString level;   ///< one of PortValidator::logLevels()
    QString message; ///< the text
    QJsonObject tags;
};

/// What to change on a workflow node run (empty fields are left out of the body).
struct NodeRunUpdate
{
    QString nodeRunId;     ///< wfnr_…
    QString workflowRunId; ///< wfr_…, needed only for NodeRunRoute::WorkflowRunNodes
    QString status;        ///< IN_PROGRESS|COMPLETED
    QString result;        ///< SUCCESS|FAILED|CANCELLED
    /// Port wants an object; anything else is refused when the request is validated (and sent
    /// as it is when not, to see what the server answers).
    std::optional<QJsonValue> output;
    QList<NodeLogEntry> logs;
};

/// What to change on a classic action run (empty fields are left out of the body).
struct ActionRunUpdate
{
    QString runId;  ///< r_…
    QString status; ///< SUCCESS|FAILURE
    QString statusLabel;
    QStringList link;
    QString summary;
    QString externalRunId;
};

// A request to Port's API, built and validated, ready to send. Building it checks the body with
// Port's rules (PortValidator) so a mistake is explained before anything goes on the wire;
// `validate = false` sends it anyway (to see what the server says).
struct PortRequest
{
    enum class Kind
    {
        AccessToken,
        NodeRunUpdate,
        NodeRunLogs,
        ActionRunUpdate,
        ActionRunLogs,
        WorkflowRun,
        KafkaCredentials,
        Organization,
        ActionRun,
    };
    Kind kind = Kind::Organization;
    QByteArray method; ///< GET, POST, PATCH
    QString path;      ///< starts with /v1/
    QByteArray body;   ///< compact JSON; empty for GET
    bool needsToken = true;

    /// POST /v1/auth/access_token with the credentials.
    static PortRequest accessToken(const QString& clientId, const QString& clientSecret);
    /// PATCH a workflow node run on the chosen route.
    static std::optional<PortRequest> nodeRunUpdate(const NodeRunUpdate& update, NodeRunRoute route,
                                                    QString* error, bool validate = true);
    /// POST /v1/workflows/nodes/runs/{wfnr}/logs.
    static std::optional<PortRequest> nodeRunLogs(const QString& nodeRunId,
                                                  const QList<NodeLogEntry>& logs, QString* error,
                                                  bool validate = true);
    /// PATCH /v1/actions/runs/{r}.
    static std::optional<PortRequest> actionRunUpdate(const ActionRunUpdate& update, QString* error,
                                                      bool validate = true);
    /// POST /v1/actions/runs/{r}/logs; `terminationStatus` may be empty.
    static std::optional<PortRequest> actionRunLog(const QString& runId, const QString& message,
                                                   const QString& terminationStatus, QString* error,
                                                   bool validate = true);
    /// GET /v1/workflows/runs/{wfr}.
    static std::optional<PortRequest> workflowRun(const QString& workflowRunId, QString* error);
    /// GET /v1/actions/runs/{r}.
    static std::optional<PortRequest> actionRun(const QString& runId, QString* error);
    /// GET /v1/kafka-credentials.
    static PortRequest kafkaCredentials();
    /// GET /v1/organization.
    static PortRequest organization();
};

} // namespace porthole
