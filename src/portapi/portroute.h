// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <vector>

namespace porthole {

/// Every Port API route Porthole calls or its local API answers.
enum class PortRouteId
{
    None,
    AccessToken,       ///< POST /v1/auth/access_token
    NodeRun,           ///< PATCH /v1/workflows/nodes/runs/{wfnr}
    NodeRunLogs,       ///< POST /v1/workflows/nodes/runs/{wfnr}/logs
    WorkflowRunNode,   ///< PATCH /v1/workflows/runs/{wfr}/nodes/{wfnr}
    WorkflowRun,       ///< GET /v1/workflows/runs/{wfr}
    ActionRun,         ///< PATCH /v1/actions/runs/{r}
    ActionRunGet,      ///< GET /v1/actions/runs/{r}
    ActionRunLogs,     ///< POST /v1/actions/runs/{r}/logs
    ActionRunResponse, ///< PATCH /v1/actions/runs/{r}/response
    KafkaCredentials,  ///< GET /v1/kafka-credentials
    Organization,      ///< GET /v1/organization
    OrganizationPatch, ///< PATCH /v1/organization
    WorkflowRunsClaim, ///< POST /v1/workflows/runs/claim-pending (polling agent, Ocean)
    WorkflowRunsAck,   ///< PATCH /v1/workflows/runs/ack {"nodeRunIdentifier"}
    ActionRunsClaim,   ///< POST /v1/actions/runs/claim-pending
    ActionRunsAck,     ///< PATCH /v1/actions/runs/ack {"runIds":[…]} or {"runId"}
    /// POST /v1/org/{org}/workflows/runs/claim-pending (Port's docs)
    OrgWorkflowRunsClaim,
    /// PATCH /v1/org/{org}/workflows/runs/ack (Port's docs)
    OrgWorkflowRunsAck,
    /// POST /v1/blueprints/{blueprint}/entities?upsert=true[&run_id=…] (Ocean, a consumer
    /// reflecting its work): with run_id the entity belongs to that run's story.
    EntityUpsert,
    WorkflowCreate,    ///< POST /v1/workflows
    WorkflowGet,       ///< GET /v1/workflows/{id}
    WorkflowPut,       ///< PUT /v1/workflows/{id}
    WorkflowDelete,    ///< DELETE /v1/workflows/{id}
    WorkflowRunCreate, ///< POST /v1/workflows/{id}/runs {"inputs":{…}}
};

/// One route: its method and its path pattern, whose placeholders {wfr}, {wfnr} and {r} are the
/// run ids it carries ({id}: a workflow's identifier).
struct PortRoute
{
    PortRouteId id = PortRouteId::None;
    const char* method = "";
    const char* pattern = "";
    /// True when a call changes a run (a status report or log lines), not a read.
    bool reports = false;
};

/// What a request's method and path name: the route and the ids in its placeholders, as given.
struct PortRouteMatch
{
    PortRouteId route = PortRouteId::None;
    QString workflowRunId, nodeRunId, actionRunId;
    /// The {blueprint} placeholder (entity routes).
    QString blueprint;
    QString workflowId; ///< {id} of the workflow routes
    /// When the path is a route's but the method is not: the method that route takes.
    QByteArray allowedMethod;
    /// True when every id carried is a run id of its kind (core's RunId rules).
    bool idsWellFormed = false;

    bool matched() const { return route != PortRouteId::None; }
    /// The run the call is about: the node run, else the action run, else the workflow run.
    QString runId() const;
    /// True for the node run and workflow run routes.
    bool isWorkflow() const;
    /// True for the workflow document routes and POST /v1/workflows/{id}/runs.
    bool isWorkflowDocument() const;
    /// True for the log routes (POST …/logs).
    bool isLog() const;
};

// Port's route table, the one place routes are written: the client builds its paths here, the
// local API matches requests here and records the match with each call, so no one else parses
// a path (port-reference.md §5 lists the documented ones).
namespace PortRoutes {

/// Every route, in matching order.
const std::vector<PortRoute>& all();
/// The route `id` (None gives an empty route).
const PortRoute& route(PortRouteId id);
/// "PATCH /v1/workflows/nodes/runs/{wfnr}".
QString describe(PortRouteId id);
/// Matches a request (empty path segments are ignored, as a server does).
PortRouteMatch match(QByteArrayView method, QStringView path);
/// The same, with the request's query: an entity upsert's `run_id=` names the run it is about
/// (its action run, or its node run for a wfnr_ id), as if the path carried it.
PortRouteMatch match(QByteArrayView method, QStringView path, QStringView query);
/// The path of `id` with its placeholders filled in order by `ids`.
QString path(PortRouteId id, const QStringList& ids = {});

} // namespace PortRoutes
} // namespace porthole
