// SPDX-License-Identifier: GPL-3.0-or-later
// What the Report tab needs from porthole_portapi: each endpoint's words (FAILED for workflow
// nodes, FAILURE for action runs, no result with IN_PROGRESS), the requests it builds, which
// field a refusal names (from the local API's real 422 answers and from validation-library
// shapes), and the User-Agent a client sends (read by a real TCP server).
#include "portapi/localportapihandler.h"
#include "portapi/portcall.h"
#include "portapi/portclient.h"
#include "portapi/portresponse.h"
#include "portapi/reportendpoint.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QtTest>

using namespace porthole;

namespace {

const QString kNode = QStringLiteral("wfnr_AbCdEfGh12345678");
const QString kRun = QStringLiteral("wfr_ZyXwVuTs87654321");
const QString kAction = QStringLiteral("r_QwErTy0123456789");

QJsonObject bodyOf(const PortRequest& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestPortApiReport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eachEndpointOffersItsOwnWords()
    {
        const ReportEndpoint node(ReportEndpoint::NodeRun);
        QCOMPARE(node.statuses(),
                 (QStringList{QStringLiteral("COMPLETED"), QStringLiteral("IN_PROGRESS"), {}}));
        QCOMPARE(node.results(QStringLiteral("COMPLETED")),
                 (QStringList{QStringLiteral("SUCCESS"), QStringLiteral("FAILED"),
                              QStringLiteral("CANCELLED")}));
        QVERIFY(node.results(QStringLiteral("IN_PROGRESS")).isEmpty());
        QVERIFY(node.results(QString()).isEmpty());
        QVERIFY(node.takesLogLevel() && node.takesJson() && !node.isLog());
        QVERIFY(ReportEndpoint(ReportEndpoint::WorkflowRunNode).needsWorkflowRun());

        const ReportEndpoint action(ReportEndpoint::ActionRun);
        QCOMPARE(action.statuses(),
                 (QStringList{QStringLiteral("SUCCESS"), QStringLiteral("FAILURE"), {}}));
        QVERIFY(!action.statuses().contains(QStringLiteral("FAILED")));
        QVERIFY(action.results(QStringLiteral("SUCCESS")).isEmpty());
        QVERIFY(!action.takesLogs() && action.takesJson());

        const ReportEndpoint nodeLogs(ReportEndpoint::NodeRunLogs);
        QVERIFY(nodeLogs.statuses().isEmpty() && nodeLogs.isLog() && nodeLogs.takesLogLevel());
        const ReportEndpoint actionLog(ReportEndpoint::ActionRunLog);
        QCOMPARE(actionLog.statuses().first(), QString()); // no termination by default
        QVERIFY(actionLog.isLog() && actionLog.takesLogs() && !actionLog.takesLogLevel());
        QVERIFY(!actionLog.takesJson());
    }

    void buildsWhatEachEndpointTakes()
    {
        QString error;
        ReportInput in;
        in.runId = kNode;
        in.workflowRunId = kRun;
        in.status = QStringLiteral("COMPLETED");
        in.result = QStringLiteral("SUCCESS");
        in.output = QJsonObject{{QStringLiteral("done"), true}};
        in.logs = {{QStringLiteral("WARN"), QStringLiteral("slow"), {}}};
        auto r = ReportEndpoint(ReportEndpoint::WorkflowRunNode).build(in, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->path, QStringLiteral("/v1/workflows/runs/%1/nodes/%2").arg(kRun, kNode));
        QCOMPARE(r->body,
                 QByteArray(R"({"status":"COMPLETED","result":"SUCCESS","output":)"
                            R"({"done":true},"logs":[{"log":"slow","logLevel":"WARN"}]})"));

        r = ReportEndpoint(ReportEndpoint::NodeRunLogs).build(in, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->method, QByteArray("POST"));
        QCOMPARE(r->body, QByteArray(R"({"logs":[{"level":"WARN","message":"slow"}]})"));

        // A non-object output: refused with Port's words, sent as is when unchecked.
        in.output = QJsonArray{1, 2};
        QVERIFY(!ReportEndpoint(ReportEndpoint::NodeRun).build(in, &error));
        QCOMPARE(error, QStringLiteral("output must be an object"));
        r = ReportEndpoint(ReportEndpoint::NodeRun).build(in, &error, false);
        QVERIFY(r);
        QCOMPARE(bodyOf(*r).value(QStringLiteral("output")).toArray().size(), 2);

        // Action runs: their own status, the other fields from the JSON object.
        ReportInput a;
        a.runId = kAction;
        a.status = QStringLiteral("FAILURE");
        a.output = QJsonObject{{QStringLiteral("summary"), QStringLiteral("disk full")},
                               {QStringLiteral("link"), QStringLiteral("https://ci/1")}};
        r = ReportEndpoint(ReportEndpoint::ActionRun).build(a, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->path, QStringLiteral("/v1/actions/runs/") + kAction);
        QCOMPARE(bodyOf(*r).value(QStringLiteral("summary")).toString(),
                 QStringLiteral("disk full"));
        a.output = QJsonObject{{QStringLiteral("output"), 1}};
        QVERIFY(!ReportEndpoint(ReportEndpoint::ActionRun).build(a, &error));
        QVERIFY2(error.startsWith(QStringLiteral("unknown field 'output'")), qPrintable(error));
        a.status = QStringLiteral("FAILED");
        a.output = QJsonValue::Undefined;
        QVERIFY(!ReportEndpoint(ReportEndpoint::ActionRun).build(a, &error));
        QVERIFY2(error.contains(QStringLiteral("classic action runs use FAILURE")),
                 qPrintable(error));

        // An action log joins the lines; its status is the once-only terminationStatus.
        a.status = QStringLiteral("SUCCESS");
        a.logs = {{QStringLiteral("INFO"), QStringLiteral("one"), {}},
                  {QStringLiteral("INFO"), QStringLiteral("two"), {}}};
        r = ReportEndpoint(ReportEndpoint::ActionRunLog).build(a, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->body, QByteArray(R"({"message":"one\ntwo","terminationStatus":"SUCCESS"})"));
        a.logs.clear();
        QVERIFY(!ReportEndpoint(ReportEndpoint::ActionRunLog).build(a, &error));
    }

    // The local API's own refusals (what the sandbox answers) name their field.
    void problemNamesTheFieldOfLocalRefusals_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::newRow("FAILURE on a node")
            << QByteArray(R"({"status":"COMPLETED","result":"FAILURE"})")
            << QStringLiteral("result");
        QTest::newRow("output array")
            << QByteArray(R"({"status":"IN_PROGRESS","output":[1]})") << QStringLiteral("output");
        QTest::newRow("unknown field")
            << QByteArray(R"({"statsu":"COMPLETED"})") << QStringLiteral("statsu");
        QTest::newRow("log level") << QByteArray(R"({"logs":[{"logLevel":"LOUD","log":"x"}]})")
                                   << QStringLiteral("logs[0].logLevel");
        QTest::newRow("log field") << QByteArray(R"({"logs":[{"level":"INFO","log":"x"}]})")
                                   << QStringLiteral("logs[0].level");
        QTest::newRow("missing result")
            << QByteArray(R"({"status":"COMPLETED"})") << QStringLiteral("result");
        QTest::newRow("nothing") << QByteArray("{}") << QString();
    }
    void problemNamesTheFieldOfLocalRefusals()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        LocalPortApiHandler h;
        h.setCredentials(QStringLiteral("sandbox"), QStringLiteral("sandbox"));
        h.store().registerNodeRun(kNode, kRun);
        const LocalApiReply login =
            h.handle({"POST",
                      QStringLiteral("/v1/auth/access_token"),
                      {},
                      R"({"clientId":"sandbox","clientSecret":"sandbox"})"});
        const QByteArray bearer = "Bearer " + QJsonDocument::fromJson(login.body)
                                                  .object()
                                                  .value(QStringLiteral("accessToken"))
                                                  .toString()
                                                  .toUtf8();
        const LocalApiReply r =
            h.handle({"PATCH", QStringLiteral("/v1/workflows/nodes/runs/") + kNode, bearer, body});
        QCOMPARE(r.status, 422);
        const PortResponse::Problem p = PortResponse::problem(r.body);
        QCOMPARE(p.field, field);
        QCOMPARE(p.error, QStringLiteral("invalid_request"));
        QVERIFY(!p.message.isEmpty());
    }

    // Shapes a validating server (Fastify/AJV, zod) answers with; the field comes out the same.
    void problemReadsValidationLibraryShapes_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("field");
        QTest::addColumn<QString>("inMessage");
        QTest::newRow("ajv message")
            << QByteArray(
                   R"({"ok":false,"error":"invalid_request","message":"body/status must be equal to one of the allowed values"})")
            << QStringLiteral("status") << QStringLiteral("allowed values");
        QTest::newRow("required property")
            << QByteArray(R"({"ok":false,"message":"body must have required property 'result'"})")
            << QStringLiteral("result") << QStringLiteral("result");
        QTest::newRow("details instancePath")
            << QByteArray(
                   R"({"ok":false,"error":"invalid_request","message":"Invalid body","details":[{"instancePath":"/logs/0/logLevel","message":"must be equal to one of the allowed values"}]})")
            << QStringLiteral("logs[0].logLevel") << QStringLiteral("must be equal");
        QTest::newRow("zod path array")
            << QByteArray(
                   R"({"message":"Validation failed","errors":[{"path":["output"],"message":"Expected object, received array"}]})")
            << QStringLiteral("output") << QStringLiteral("Expected object");
        QTest::newRow("html") << QByteArray("<html><body>Bad gateway</body></html>") << QString()
                              << QStringLiteral("Bad gateway");
        QTest::newRow("sentence") << QByteArray(R"({"message":"workflow run wfr_x was not found"})")
                                  << QString() << QStringLiteral("not found");
        // Found by fuzz_port_response: a path ending in a newline is no field.
        QTest::newRow("newline")
            << QByteArray("{\"message\":\"bad\",\"details\":[{\"instancePath\":\"/st\n\"}]}")
            << QString() << QStringLiteral("bad");
    }
    void problemReadsValidationLibraryShapes()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, field);
        QFETCH(QString, inMessage);
        const PortResponse::Problem p = PortResponse::problem(body);
        QCOMPARE(p.field, field);
        QVERIFY2(p.message.contains(inMessage), qPrintable(p.message));
    }

    // The Report tab's client announces itself; the CLI's default stays "porthole/<version>".
    void userAgentIsSent()
    {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        QList<QByteArray> agents;
        connect(&server, &QTcpServer::newConnection, this, [&] {
            QTcpSocket* s = server.nextPendingConnection();
            auto buffer = std::make_shared<QByteArray>();
            connect(s, &QTcpSocket::readyRead, s, [s, buffer, &agents] {
                buffer->append(s->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                for (const QByteArray& line : buffer->left(end).split('\n'))
                    if (line.toLower().startsWith("user-agent:"))
                        agents << line.mid(11).trimmed();
                s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                         "Content-Length: 11\r\nConnection: close\r\n\r\n{\"ok\":true}");
                s->disconnectFromHost();
            });
        });
        for (const QByteArray& agent : {QByteArray(), QByteArray("Porthole-Report/9.9")}) {
            PortClientConfig config;
            config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()));
            config.token = QStringLiteral("t");
            config.userAgent = agent;
            PortClient client(config);
            std::unique_ptr<PortCall> call(client.send(PortRequest::organization()));
            QVERIFY2(call->waitForFinished(), qPrintable(call->errorString()));
        }
        QCOMPARE(agents.size(), 2);
        QVERIFY2(agents.at(0).startsWith("porthole/"), agents.at(0).constData());
        QCOMPARE(agents.at(1), QByteArray("Porthole-Report/9.9"));
        QVERIFY(QByteArray("Porthole-Report/9.9").startsWith(kReportUserAgentPrefix));
    }
};

QTEST_GUILESS_MAIN(TestPortApiReport)
#include "tst_portapi_report.moc"
