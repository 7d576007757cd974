// SPDX-License-Identifier: GPL-3.0-or-later
// What a call to the sandbox's local Port API tells the run ledger: each documented route's
// run id and body, refused calls, cut bodies, and the Report tab's own calls left out.
#include "gui/story/apicallevents.h"

#include <QTest>

using namespace porthole;

namespace {

LocalApiCall call(const char* method, const char* path, const QByteArray& body, int status = 200,
                  const QString& error = {})
{
    LocalApiCall c;
    c.at = QDateTime::currentDateTimeUtc();
    c.method = method;
    c.path = QString::fromLatin1(path);
    c.route = PortRoutes::match(c.method, c.path); // as the local API records it
    c.body = body;
    c.bodySize = body.size();
    c.status = status;
    c.error = error;
    c.userAgent = "python-requests/2.31.0 extra";
    return c;
}

} // namespace

class TestApiCallEvents : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nodeRunReport()
    {
        const auto events = ApiCallEvents::fromCall(
            call("PATCH", "/v1/workflows/nodes/runs/wfnr_aaaaaaaaaaaaaaaa",
                 R"({"status":"COMPLETED","result":"SUCCESS","output":{"n":1},)"
                 R"("logs":[{"logLevel":"INFO","log":"fine"}]})"));
        QCOMPARE(events.size(), 1);
        const RunEvent& e = events[0];
        QCOMPARE(e.stage, RunEvent::Stage::Reported);
        QCOMPARE(e.runId, QStringLiteral("wfnr_aaaaaaaaaaaaaaaa"));
        QCOMPARE(e.status, QStringLiteral("COMPLETED"));
        QCOMPARE(e.result, QStringLiteral("SUCCESS"));
        QCOMPARE(e.httpStatus, 200);
        QCOMPARE(e.summary, QStringLiteral("COMPLETED SUCCESS"));
        QCOMPARE(e.detail, QStringLiteral("output {\"n\":1}\nlogs:\nINFO: fine"));
        QCOMPARE(e.source, QStringLiteral("sandbox API · python-requests/2.31.0"));
    }

    void workflowRunsNodeRouteNamesBothRuns()
    {
        const auto events = ApiCallEvents::fromCall(
            call("PATCH", "/v1/workflows/runs/wfr_bbbbbbbbbbbbbbbb/nodes/wfnr_aaaaaaaaaaaaaaaa",
                 R"({"status":"IN_PROGRESS"})"));
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].runId, QStringLiteral("wfnr_aaaaaaaaaaaaaaaa"));
        QCOMPARE(events[0].workflowRunId, QStringLiteral("wfr_bbbbbbbbbbbbbbbb"));
        QCOMPARE(events[0].status, QStringLiteral("IN_PROGRESS"));
    }

    // An entity upserted with ?run_id= joins that run's story; without run_id it is no run's.
    void entityUpsertWithRunId()
    {
        LocalApiCall c = call("POST", "/v1/blueprints/service/entities",
                              R"({"identifier":"billing","properties":{}})", 201);
        c.route = PortRoutes::match(c.method, c.path, u"upsert=true&run_id=r_cccccccccccccccc");
        const auto events = ApiCallEvents::fromCall(c);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].runId, QStringLiteral("r_cccccccccccccccc"));
        QCOMPARE(events[0].summary, QStringLiteral("entity service/billing upserted"));
        QVERIFY(events[0].status.isEmpty());
        QVERIFY(ApiCallEvents::fromCall(call("POST", "/v1/blueprints/service/entities",
                                             R"({"identifier":"billing"})", 201))
                    .isEmpty());
    }

    void logsOfEitherKind()
    {
        const auto node = ApiCallEvents::fromCall(call(
            "POST", "/v1/workflows/nodes/runs/wfnr_aaaaaaaaaaaaaaaa/logs",
            R"({"logs":[{"level":"INFO","message":"one"},{"level":"WARN","message":"two"}]})"));
        QCOMPARE(node.size(), 1);
        QCOMPARE(node[0].stage, RunEvent::Stage::Logged);
        QCOMPARE(node[0].summary, QStringLiteral("INFO: one (+1 more)"));
        QCOMPARE(node[0].detail, QStringLiteral("INFO: one\nWARN: two"));
        QVERIFY(node[0].status.isEmpty());
        // A classic log that ends the run is a log and a report.
        const auto classic = ApiCallEvents::fromCall(
            call("POST", "/v1/actions/runs/r_cccccccccccccccc/logs",
                 R"({"message":"finished","terminationStatus":"SUCCESS"})"));
        QCOMPARE(classic.size(), 2);
        QCOMPARE(classic[0].stage, RunEvent::Stage::Logged);
        QCOMPARE(classic[0].summary, QStringLiteral("finished"));
        QCOMPARE(classic[1].stage, RunEvent::Stage::Reported);
        QCOMPARE(classic[1].status, QStringLiteral("SUCCESS"));
        QCOMPARE(classic[1].runId, QStringLiteral("r_cccccccccccccccc"));
    }

    void refusedAndCutCallsSayWhy()
    {
        const auto refused = ApiCallEvents::fromCall(
            call("PATCH", "/v1/workflows/nodes/runs/wfnr_aaaaaaaaaaaaaaaa",
                 R"({"status":"COMPLETED","result":"FAILURE"})", 422,
                 QStringLiteral("result must be one of SUCCESS, FAILED, CANCELLED")));
        QCOMPARE(refused.size(), 1);
        QCOMPARE(refused[0].httpStatus, 422);
        QVERIFY(refused[0].detail.contains(QStringLiteral("Port answered 422: result must be")));
        LocalApiCall cut = call("PATCH", "/v1/actions/runs/r_cccccccccccccccc",
                                "{\"status\":\"SUCCESS\",\"summary\":\"aaaa" /* cut */);
        cut.bodySize = 2 * 1024 * 1024;
        const auto events = ApiCallEvents::fromCall(cut);
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].runId, QStringLiteral("r_cccccccccccccccc"));
        QVERIFY2(events[0].detail.contains(QStringLiteral("not a JSON object (kept in part)")),
                 qPrintable(events[0].detail));
    }

    void callsAboutNoRunTellNothing()
    {
        QVERIFY(ApiCallEvents::fromCall(call("POST", "/v1/auth/access_token", "{}")).isEmpty());
        QVERIFY(ApiCallEvents::fromCall(call("GET", "/v1/workflows/runs/wfr_bbbbbbbbbbbbbbbb", ""))
                    .isEmpty());
        QVERIFY(ApiCallEvents::fromCall(
                    call("GET", "/v1/workflows/nodes/runs/wfnr_aaaaaaaaaaaaaaaa", ""))
                    .isEmpty());
        QVERIFY(ApiCallEvents::fromCall(
                    call("PATCH", "/v1/workflows/nodes/runs/wfnr_aaaaaaaaaaaaaaaa/logs", "{}"))
                    .isEmpty());
    }

    void reportTabCallsAreKnownByTheirAgent()
    {
        LocalApiCall c = call("PATCH", "/v1/workflows/nodes/runs/wfnr_aaaaaaaaaaaaaaaa", "{}");
        QVERIFY(!ApiCallEvents::fromReportTab(c));
        c.userAgent = "Porthole-Report/0.1.0";
        QVERIFY(ApiCallEvents::fromReportTab(c));
        c.userAgent = "Porthole/0.1.0";
        QVERIFY(!ApiCallEvents::fromReportTab(c));
    }
};

QTEST_MAIN(TestApiCallEvents)
#include "tst_apicallevents.moc"
