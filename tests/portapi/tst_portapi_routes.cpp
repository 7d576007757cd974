// SPDX-License-Identifier: GPL-3.0-or-later
// Port's route table: every route's path matches back to it with its ids, a known path with
// the wrong method names the method it takes, ids are judged by core's run-id rules, and the
// local API records the match with each call.
#include "portapi/localportapihandler.h"
#include "portapi/portroute.h"
#include "portapi/reportendpoint.h"

#include <QJsonArray>
#include <QtTest>

using namespace porthole;

namespace {

const QString kNode = QStringLiteral("wfnr_AbCdEfGh12345678");
const QString kRun = QStringLiteral("wfr_ZyXwVuTs87654321");
const QString kAction = QStringLiteral("r_QwErTy0123456789");

} // namespace

class TestPortApiRoutes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyRouteMatchesItsOwnPath()
    {
        QSet<int> seen;
        for (const PortRoute& r : PortRoutes::all()) {
            QVERIFY2(!seen.contains(int(r.id)), r.pattern);
            seen.insert(int(r.id));
            const QString pattern = QString::fromLatin1(r.pattern);
            QStringList ids;
            if (pattern.contains(u"{org}"))
                ids << QStringLiteral("demo");
            if (pattern.contains(u"{blueprint}"))
                ids << QStringLiteral("service");
            if (pattern.contains(u"{wfr}"))
                ids << kRun;
            if (pattern.contains(u"{wfnr}"))
                ids << kNode;
            if (pattern.contains(u"{r}"))
                ids << kAction;
            if (pattern.contains(u"{id}"))
                ids << QStringLiteral("deploy-service");
            const QString path = PortRoutes::path(r.id, ids);
            QVERIFY2(!path.contains(u'{'), qPrintable(path));
            const PortRouteMatch m = PortRoutes::match(r.method, path);
            QCOMPARE(int(m.route), int(r.id));
            QVERIFY(m.idsWellFormed);
            QCOMPARE(m.workflowRunId, pattern.contains(u"{wfr}") ? kRun : QString());
            QCOMPARE(m.nodeRunId, pattern.contains(u"{wfnr}") ? kNode : QString());
            QCOMPARE(m.actionRunId, pattern.contains(u"{r}") ? kAction : QString());
            QCOMPARE(m.workflowId,
                     pattern.contains(u"{id}") ? QStringLiteral("deploy-service") : QString());
        }
        QCOMPARE(seen.size(), qsizetype(PortRoutes::all().size()));
    }

    void idsAndMethodsAreJudged()
    {
        const PortRouteMatch node = PortRoutes::match(
            "PATCH", QStringLiteral("/v1/workflows/runs/%1/nodes/%2/").arg(kRun, kNode));
        QCOMPARE(node.route, PortRouteId::WorkflowRunNode);
        QCOMPARE(node.runId(), kNode);
        QVERIFY(node.isWorkflow());
        QVERIFY(!node.isLog());
        // A segment that is no run id still matches (the API answers 404 for it), flagged.
        const PortRouteMatch odd = PortRoutes::match("PATCH", u"/v1/workflows/nodes/runs/r_x");
        QCOMPARE(odd.route, PortRouteId::NodeRun);
        QVERIFY(!odd.idsWellFormed);
        const PortRouteMatch wrong =
            PortRoutes::match("DELETE", QStringLiteral("/v1/workflows/runs/") + kRun);
        QCOMPARE(wrong.route, PortRouteId::None);
        QCOMPARE(wrong.allowedMethod, QByteArray("GET"));
        QVERIFY(!PortRoutes::match("GET", u"/v1/nothing").matched());
        QVERIFY(PortRoutes::match("POST", QStringLiteral("/v1/actions/runs/%1/logs").arg(kAction))
                    .isLog());
    }

    void workflowRoutesLeaveTheRunRoutesAlone()
    {
        // "runs" after /v1/workflows is the run routes' word, never a workflow id.
        QCOMPARE(PortRoutes::match("GET", QStringLiteral("/v1/workflows/runs/%1").arg(kRun)).route,
                 PortRouteId::WorkflowRun);
        QCOMPARE(PortRoutes::match("POST", u"/v1/workflows/runs/claim-pending").route,
                 PortRouteId::WorkflowRunsClaim);
        const PortRouteMatch start =
            PortRoutes::match("POST", u"/v1/workflows/build-then-deploy/runs");
        QCOMPARE(start.route, PortRouteId::WorkflowRunCreate);
        QCOMPARE(start.workflowId, QStringLiteral("build-then-deploy"));
        QVERIFY(start.isWorkflowDocument());
        QVERIFY(!start.isWorkflow());
        QCOMPARE(PortRoutes::match("DELETE", u"/v1/workflows/x").route,
                 PortRouteId::WorkflowDelete);
        QCOMPARE(PortRoutes::match("PUT", u"/v1/workflows/x").route, PortRouteId::WorkflowPut);
        QCOMPARE(PortRoutes::match("POST", u"/v1/workflows").route, PortRouteId::WorkflowCreate);
        const PortRouteMatch patch = PortRoutes::match("PATCH", u"/v1/workflows/x");
        QCOMPARE(patch.route, PortRouteId::None);
        QVERIFY(!patch.allowedMethod.isEmpty());
    }

    void reportEndpointsAndRequestsUseTheTable()
    {
        for (ReportEndpoint::Id id : ReportEndpoint::all()) {
            const ReportEndpoint e(id);
            QVERIFY2(e.label().endsWith(PortRoutes::describe(e.route())), qPrintable(e.label()));
        }
        QCOMPARE(ReportEndpoint(ReportEndpoint::WorkflowRunNode).label(),
                 QStringLiteral("Workflow node run · PATCH /v1/workflows/runs/{wfr}/nodes/{wfnr}"));
        ReportInput in;
        in.runId = kNode;
        in.workflowRunId = kRun;
        in.status = QStringLiteral("COMPLETED");
        in.result = QStringLiteral("SUCCESS");
        QString error;
        const auto request = ReportEndpoint(ReportEndpoint::WorkflowRunNode).build(in, &error);
        QVERIFY2(request, qPrintable(error));
        const PortRouteMatch m = PortRoutes::match(request->method, request->path);
        QCOMPARE(m.route, PortRouteId::WorkflowRunNode);
        QCOMPARE(m.nodeRunId, kNode);
    }

    void localApiRecordsTheMatch()
    {
        LocalPortApiHandler api;
        api.store().registerNodeRun(kNode, kRun);
        const LocalApiRequest login{"POST",
                                    QStringLiteral("/v1/auth/access_token"),
                                    {},
                                    R"({"clientId":"sandbox","clientSecret":"sandbox"})"};
        const LocalApiReply token = api.handle(login);
        QCOMPARE(token.status, 200);
        const QByteArray bearer =
            "Bearer " + QJsonDocument::fromJson(token.body)[QStringLiteral("accessToken")]
                            .toString()
                            .toLatin1();
        const LocalApiRequest report{"PATCH", QStringLiteral("/v1/workflows/nodes/runs/") + kNode,
                                     bearer, R"({"status":"COMPLETED","result":"SUCCESS"})"};
        const LocalApiReply reply = api.handle(report);
        QCOMPARE(reply.status, 200);
        api.recordCall(report, reply);
        QCOMPARE(api.calls().constLast().route.route, PortRouteId::NodeRun);
        QCOMPARE(api.calls().constLast().route.nodeRunId, kNode);
        const LocalApiRequest wrongMethod{
            "PUT", QStringLiteral("/v1/workflows/nodes/runs/") + kNode, bearer, {}};
        const LocalApiReply refused = api.handle(wrongMethod);
        QCOMPARE(refused.status, 405);
        QVERIFY(refused.body.contains("use PATCH"));
    }

    // The polling mode of Port's agent and Ocean: claim, hide for visibilityTimeoutMs, ack
    // once (a repeat is 409), on both the workflow and the classic routes.
    void pollingClaimsAndAcks()
    {
        LocalPortApiHandler api;
        api.store().registerNodeRun(kNode, kRun);
        api.store().registerActionRun(kAction);
        const LocalApiReply token =
            api.handle({"POST",
                        QStringLiteral("/v1/auth/access_token"),
                        {},
                        R"({"clientId":"sandbox","clientSecret":"sandbox"})"});
        const QByteArray bearer =
            "Bearer " + QJsonDocument::fromJson(token.body)[QStringLiteral("accessToken")]
                            .toString()
                            .toLatin1();
        const auto call = [&](const char* method, const char* path, const QByteArray& body) {
            const LocalApiReply r = api.handle({method, QLatin1String(path), bearer, body});
            return std::pair{r.status, QJsonDocument::fromJson(r.body).object()};
        };
        const char* claimNodes = "/v1/workflows/runs/claim-pending";
        auto [status, body] = call("POST", claimNodes,
                                   R"({"installationId":"x","limit":5,"visibilityTimeoutMs":300})");
        QCOMPARE(status, 200);
        const QJsonArray nodeRuns = body[QStringLiteral("nodeRuns")].toArray();
        QCOMPARE(nodeRuns.size(), 1);
        QCOMPARE(nodeRuns[0][QStringLiteral("identifier")].toString(), kNode);
        QCOMPARE(
            nodeRuns[0][QStringLiteral("workflowRun")][QStringLiteral("identifier")].toString(),
            kRun);
        // Hidden while claimed, offered again once its visibility timeout passed.
        QCOMPARE(call("POST", claimNodes, R"({"limit":5})")
                     .second[QStringLiteral("nodeRuns")]
                     .toArray()
                     .size(),
                 0);
        QTest::qWait(350);
        QCOMPARE(call("POST", claimNodes, R"({"limit":5,"visibilityTimeoutMs":60000})")
                     .second[QStringLiteral("nodeRuns")]
                     .toArray()
                     .size(),
                 1);
        const QByteArray ack = "{\"nodeRunIdentifier\":\"" + kNode.toLatin1() + "\"}";
        auto [ackStatus, ackBody] = call("PATCH", "/v1/workflows/runs/ack", ack);
        QCOMPARE(ackStatus, 200);
        QCOMPARE(ackBody[QStringLiteral("acked")].toBool(), true);
        QCOMPARE(call("PATCH", "/v1/workflows/runs/ack", ack).first, 409);
        // Classic runs: the agent's {"runIds":[…]}, then Ocean's {"runId"} repeating it.
        const auto runs = call("POST", "/v1/actions/runs/claim-pending",
                               R"({"installationId":"x","limit":1,"invocationMethod":"WEBHOOK"})")
                              .second[QStringLiteral("runs")]
                              .toArray();
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0][QStringLiteral("id")].toString(), kAction);
        QVERIFY(runs[0][QStringLiteral("payload")][QStringLiteral("body")].isObject());
        auto [runsStatus, runsBody] =
            call("PATCH", "/v1/actions/runs/ack", "{\"runIds\":[\"" + kAction.toLatin1() + "\"]}");
        QCOMPARE(runsStatus, 200);
        QCOMPARE(runsBody[QStringLiteral("ackedCount")].toInt(), 1);
        QCOMPARE(call("PATCH", "/v1/actions/runs/ack", "{\"runId\":\"" + kAction.toLatin1() + "\"}")
                     .first,
                 409);
        // "ack" is no run id: PATCH /v1/actions/runs/ack never reaches the run route.
        QCOMPARE(PortRoutes::match("PATCH", u"/v1/actions/runs/ack").route,
                 PortRouteId::ActionRunsAck);
        QCOMPARE(call("PATCH", "/v1/actions/runs/ack", R"({"runId":"r_nothing"})").first, 404);
    }

    // Ocean's log entries inside a node run PATCH: {"logLevel","message","tags":[]}
    // (port_ocean/clients/port/mixins/actions_and_workflow_runs.py), beside Port's documented
    // {"logLevel","log","tags":{}}; the agent's {"logs":[{level,message}]} on the logs route and
    // {"message"} on a classic run's.
    void everyLogShapeOnItsRoute()
    {
        LocalPortApiHandler api;
        api.store().registerNodeRun(kNode, kRun);
        api.store().registerActionRun(kAction);
        const QByteArray bearer = login(api);
        const auto status = [&](const char* method, const QString& path, const QByteArray& body) {
            return api.handle({method, path, bearer, body}).status;
        };
        const QString node = QStringLiteral("/v1/workflows/nodes/runs/") + kNode;
        QCOMPARE(status("PATCH", node,
                        R"({"logs":[{"logLevel":"INFO","message":"from ocean","tags":[]}]})"),
                 200);
        QCOMPARE(status("PATCH", node,
                        R"({"logs":[{"logLevel":"WARN","log":"documented","tags":{"a":"b"}}]})"),
                 200);
        QCOMPARE(status("POST", node + QStringLiteral("/logs"),
                        R"({"logs":[{"level":"ERROR","message":"from the agent"}]})"),
                 200);
        QCOMPARE(status("POST", QStringLiteral("/v1/actions/runs/%1/logs").arg(kAction),
                        R"({"message":"classic"})"),
                 200);
        // One text field per entry, and tags an object or Ocean's array.
        QCOMPARE(status("PATCH", node, R"({"logs":[{"logLevel":"INFO","message":"a","log":"b"}]})"),
                 422);
        QCOMPARE(status("PATCH", node, R"({"logs":[{"logLevel":"INFO","message":"a","tags":1}]})"),
                 422);
        // Stored as one kind of entry: Ocean's message kept as "log".
        const QJsonArray logs = api.store().nodeRunJson(kNode)[QStringLiteral("logs")].toArray();
        QCOMPARE(logs.size(), 3);
        QCOMPARE(logs[0][QStringLiteral("log")].toString(), QStringLiteral("from ocean"));
        QCOMPARE(logs[2][QStringLiteral("log")].toString(), QStringLiteral("from the agent"));
    }

    // POST /v1/blueprints/{bp}/entities?upsert=true&run_id=…: created (201), updated (200), the
    // recorded call names the run so its story shows it; an unknown run is a 404.
    void entityUpsertWithRunId()
    {
        LocalPortApiHandler api;
        api.store().registerActionRun(kAction);
        api.store().registerNodeRun(kNode, kRun);
        const QByteArray bearer = login(api);
        const QString path = QStringLiteral("/v1/blueprints/service/entities");
        const QByteArray entity = R"({"identifier":"billing","properties":{"tier":"gold"}})";
        LocalApiRequest upsert{"POST", path, bearer, entity,
                               QStringLiteral("upsert=true&merge=true&run_id=") + kAction};
        const LocalApiReply created = api.handle(upsert);
        QCOMPARE(created.status, 201);
        QCOMPARE(QJsonDocument::fromJson(
                     created.body)[QStringLiteral("entity")][QStringLiteral("blueprint")]
                     .toString(),
                 QStringLiteral("service"));
        api.recordCall(upsert, created);
        const PortRouteMatch& route = api.calls().constLast().route;
        QCOMPARE(route.route, PortRouteId::EntityUpsert);
        QCOMPARE(route.actionRunId, kAction);
        QCOMPARE(route.blueprint, QStringLiteral("service"));
        QVERIFY(route.idsWellFormed);
        QCOMPARE(api.handle(upsert).status, 200);
        upsert.query = QStringLiteral("upsert=true&run_id=") + kNode;
        QCOMPARE(api.handle(upsert).status, 200);
        QCOMPARE(PortRoutes::match("POST", path, upsert.query).nodeRunId, kNode);
        upsert.query = QStringLiteral("upsert=true&run_id=r_0000000000000000");
        QCOMPARE(api.handle(upsert).status, 404);
        upsert.query = QStringLiteral("upsert=true&run_id=nonsense");
        QCOMPARE(api.handle(upsert).status, 422);
        upsert.query = QStringLiteral("upsert=true");
        upsert.body = R"({"identifier":"other","properties":[]})";
        QCOMPARE(api.handle(upsert).status, 422);
        upsert.body = R"({"title":"no identifier"})";
        QCOMPARE(api.handle(upsert).status, 201);
        // Port's docs put the workflow claim and ack under the organisation.
        QCOMPARE(PortRoutes::match("POST", u"/v1/org/demo/workflows/runs/claim-pending").route,
                 PortRouteId::OrgWorkflowRunsClaim);
        QCOMPARE(api.handle({"POST", QStringLiteral("/v1/org/demo/workflows/runs/claim-pending"),
                             bearer, R"({"installationId":"x","limit":5})"})
                     .status,
                 200);
        const QByteArray ack = "{\"nodeRunIdentifier\":\"" + kNode.toLatin1() + "\"}";
        QCOMPARE(
            api.handle({"PATCH", QStringLiteral("/v1/org/demo/workflows/runs/ack"), bearer, ack})
                .status,
            200);
    }

private:
    static QByteArray login(LocalPortApiHandler& api)
    {
        const LocalApiReply token =
            api.handle({"POST",
                        QStringLiteral("/v1/auth/access_token"),
                        {},
                        R"({"clientId":"sandbox","clientSecret":"sandbox"})"});
        return "Bearer " + QJsonDocument::fromJson(token.body)[QStringLiteral("accessToken")]
                               .toString()
                               .toLatin1();
    }
};

QTEST_GUILESS_MAIN(TestPortApiRoutes)
#include "tst_portapi_routes.moc"
