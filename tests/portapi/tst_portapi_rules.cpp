// SPDX-License-Identifier: GPL-3.0-or-later
// Port's rules without a network: validation per endpoint, request building, redaction, curl
// text, the bounded history, the run store and the local API's routes and errors.
#include "portapi/localportapihandler.h"
#include "portapi/portclientconfig.h"
#include "portapi/portexchange.h"
#include "portapi/portrequest.h"
#include "portapi/portresponse.h"
#include "portapi/portvalidator.h"
#include "portapi/redactor.h"
#include "portapi/requesthistory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace porthole;

namespace {

const QString kNode = QStringLiteral("wfnr_AbCdEfGh12345678");
const QString kRun = QStringLiteral("wfr_ZyXwVuTs87654321");
const QString kAction = QStringLiteral("r_QwErTy0123456789");

QJsonObject obj(const char* json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject replyJson(const LocalApiReply& r)
{
    return QJsonDocument::fromJson(r.body).object();
}

} // namespace

class TestPortApiRules : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void nodeRunUpdateRules_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("expected"); // substring of the error, empty = valid
        QTest::newRow("seed body") << QByteArray(R"({"status":"COMPLETED","result":"SUCCESS",
            "output":{"processedAt":"2024-01-15T10:30:00Z"}})")
                                   << QString();
        QTest::newRow("in progress") << QByteArray(R"({"status":"IN_PROGRESS"})") << QString();
        QTest::newRow("FAILURE on a node")
            << QByteArray(R"({"status":"COMPLETED","result":"FAILURE"})")
            << QStringLiteral("workflow nodes use FAILED");
        QTest::newRow("completed without result")
            << QByteArray(R"({"status":"COMPLETED"})") << QStringLiteral("result is required");
        QTest::newRow("bad status")
            << QByteArray(R"({"status":"DONE"})") << QStringLiteral("status 'DONE' is not one of");
        QTest::newRow("output not object") << QByteArray(R"({"status":"IN_PROGRESS","output":[1]})")
                                           << QStringLiteral("output must be an object");
        QTest::newRow("unknown field")
            << QByteArray(R"({"state":"COMPLETED"})") << QStringLiteral("unknown field 'state'");
        QTest::newRow("bad log level")
            << QByteArray(R"({"logs":[{"logLevel":"TRACE","log":"x"}]})")
            << QStringLiteral("logs[0].log level") /* reported on the field */;
        QTest::newRow("log wrong names")
            << QByteArray(R"({"logs":[{"level":"INFO","message":"x"}]})")
            << QStringLiteral("unknown field 'level'");
        QTest::newRow("empty") << QByteArray("{}") << QStringLiteral("nothing to update");
    }
    void nodeRunUpdateRules()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, expected);
        const QString problem = PortValidator::nodeRunUpdate(obj(body.constData()));
        if (expected.isEmpty())
            QCOMPARE(problem, QString());
        else if (expected == QLatin1String("logs[0].log level"))
            QVERIFY2(problem.startsWith(QLatin1String("logs[0].logLevel 'TRACE'")),
                     qPrintable(problem));
        else
            QVERIFY2(problem.contains(expected), qPrintable(problem));
    }

    void actionRunRulesUseFailure()
    {
        QCOMPARE(PortValidator::actionRunUpdate(obj(R"({"status":"FAILURE"})")), QString());
        const QString problem = PortValidator::actionRunUpdate(obj(R"({"status":"FAILED"})"));
        QVERIFY2(problem.contains(QLatin1String("classic action runs use FAILURE")),
                 qPrintable(problem));
        QVERIFY(!PortValidator::actionRunLogs(obj(R"({"terminationStatus":"SUCCESS"})")).isEmpty());
        QCOMPARE(
            PortValidator::actionRunLogs(obj(R"({"message":"hi","terminationStatus":"FAILURE"})")),
            QString());
        QVERIFY(
            PortValidator::nodeRunLogs(obj(R"({"logs":[]})")).contains(QLatin1String("non-empty")));
    }

    void idPatterns()
    {
        QVERIFY(PortValidator::isNodeRunId(kNode));
        QVERIFY(!PortValidator::isNodeRunId(kNode + QLatin1Char('x')));
        QVERIFY(PortValidator::isWorkflowRunId(kRun));
        QVERIFY(PortValidator::isActionRunId(kAction));
        QVERIFY(!PortValidator::isActionRunId(kRun));
    }

    void logLevelsAreOneList()
    {
        // Port's levels, in order: the Report tab offers them, the CLI and the local API check
        // them.
        QCOMPARE(PortValidator::logLevels(),
                 (QStringList{QStringLiteral("DEBUG"), QStringLiteral("INFO"),
                              QStringLiteral("WARN"), QStringLiteral("ERROR")}));
        for (const QString& level : PortValidator::logLevels())
            QVERIFY(PortValidator::logLevel(level).isEmpty());
        QCOMPARE(PortValidator::logLevel(QStringLiteral("TRACE")),
                 QStringLiteral("log level 'TRACE' is not one of DEBUG|INFO|WARN|ERROR"));
        QVERIFY(!PortValidator::logLevel(QStringLiteral("warn")).isEmpty());
    }

    void buildsBodiesInDocOrderOnBothRoutes()
    {
        NodeRunUpdate u;
        u.nodeRunId = kNode;
        u.workflowRunId = kRun;
        u.status = QStringLiteral("COMPLETED");
        u.result = QStringLiteral("SUCCESS");
        u.output = obj(R"({"processedAt":"2024-01-15T10:30:00Z"})");
        u.logs.append({QStringLiteral("INFO"), QStringLiteral("done"), {}});
        QString error;
        auto r = PortRequest::nodeRunUpdate(u, NodeRunRoute::NodeRuns, &error);
        QVERIFY2(r, qPrintable(error));
        QCOMPARE(r->method, QByteArray("PATCH"));
        QCOMPARE(r->path, QStringLiteral("/v1/workflows/nodes/runs/") + kNode);
        QCOMPARE(
            r->body,
            QByteArray(
                R"({"status":"COMPLETED","result":"SUCCESS","output":{"processedAt":"2024-01-15T10:30:00Z"},"logs":[{"log":"done","logLevel":"INFO"}]})"));
        r = PortRequest::nodeRunUpdate(u, NodeRunRoute::WorkflowRunNodes, &error);
        QVERIFY(r);
        QCOMPARE(r->path, QStringLiteral("/v1/workflows/runs/%1/nodes/%2").arg(kRun, kNode));

        u.result = QStringLiteral("FAILURE");
        QVERIFY(!PortRequest::nodeRunUpdate(u, NodeRunRoute::NodeRuns, &error));
        QVERIFY(error.contains(QLatin1String("FAILED")));
        QVERIFY(PortRequest::nodeRunUpdate(u, NodeRunRoute::NodeRuns, &error, false));

        u.nodeRunId = QStringLiteral("wfnr_../../x");
        QVERIFY(!PortRequest::nodeRunUpdate(u, NodeRunRoute::NodeRuns, &error, false));
        QVERIFY(error.contains(QLatin1String("not a valid id")));
        u.nodeRunId = QStringLiteral("wfnr_x\n"); // a final newline is no path segment
        QVERIFY(!PortRequest::nodeRunUpdate(u, NodeRunRoute::NodeRuns, &error, false));
        QVERIFY(error.contains(QLatin1String("not a valid id")));

        const auto logs = PortRequest::nodeRunLogs(
            kNode, {{QStringLiteral("WARN"), QStringLiteral("slow"), {}}}, &error);
        QVERIFY(logs);
        QCOMPARE(logs->path, QStringLiteral("/v1/workflows/nodes/runs/%1/logs").arg(kNode));
        QCOMPARE(logs->body, QByteArray(R"({"logs":[{"level":"WARN","message":"slow"}]})"));
    }

    void refusesBodiesOverOneMebibyte()
    {
        NodeRunUpdate u;
        u.nodeRunId = kNode;
        u.status = QStringLiteral("IN_PROGRESS");
        u.output = QJsonObject{
            {QStringLiteral("big"), QString(PortValidator::kMaxBodyBytes, QLatin1Char('x'))}};
        QString error;
        QVERIFY(!PortRequest::nodeRunUpdate(u, NodeRunRoute::NodeRuns, &error));
        QVERIFY2(error.contains(QLatin1String("1 MiB")), qPrintable(error));
    }

    void regions()
    {
        QString error;
        QCOMPARE(PortClientConfig::parseBaseUrl(QStringLiteral("us"), &error)->toString(),
                 QStringLiteral("https://api.us.getport.io"));
        QCOMPARE(PortClientConfig::parseBaseUrl(QStringLiteral("EU"), &error)->toString(),
                 QStringLiteral("https://api.getport.io"));
        QVERIFY(PortClientConfig::parseBaseUrl(QStringLiteral("http://127.0.0.1:8080"), &error));
        QVERIFY(!PortClientConfig::parseBaseUrl(QStringLiteral("ftp://x"), &error));
        QVERIFY(error.contains(QLatin1String("ftp://x")));
    }

    void redactsSecretsEverywhere()
    {
        Redactor r;
        r.addSecret("tok-123456");
        const QByteArray login =
            PortRequest::accessToken(QStringLiteral("id1"), QStringLiteral("sec-ret-99")).body;
        const QByteArray redacted = r.redactBody(login);
        QVERIFY(!redacted.contains("sec-ret-99"));
        QVERIFY(redacted.contains("\"clientId\":\"id1\""));
        QVERIFY(!r.redactBody(R"({"ok":true,"accessToken":"tok-123456"})").contains("tok-123456"));
        QVERIFY(!r.redactBody("plain text tok-123456").contains("tok-123456"));
        QCOMPARE(r.redactHeader("authorization", "Bearer tok-123456"),
                 QByteArray("Bearer <redacted>"));
        const QByteArray untouched = R"({"b":1, "a":2})";
        QCOMPARE(r.redactBody(untouched), untouched);
    }

    void curlUsesVariablesAndRuns()
    {
        PortExchange e;
        e.method = "POST";
        e.url = QStringLiteral("http://127.0.0.1:9/v1/auth/access_token");
        e.requestHeaders.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
        e.requestBody = Redactor().redactBody(
            PortRequest::accessToken(QStringLiteral("id"), QStringLiteral("s3cret-x")).body);
        const QString curl = e.curlCommand();
        QVERIFY(!curl.contains(QLatin1String("s3cret-x")));
        QVERIFY2(curl.contains(QLatin1String("'\"$PORT_CLIENT_SECRET\"'")), qPrintable(curl));
        // The shell expands the variable back into valid JSON: check with a real shell.
        QProcess sh;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PORT_CLIENT_SECRET"), QStringLiteral("it's \"quoted\""));
        sh.setProcessEnvironment(env);
        QString echoCmd = curl;
        echoCmd.replace(QRegularExpression(QStringLiteral("^.*--data-raw ")),
                        QStringLiteral("printf %s "));
        sh.start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), echoCmd});
        QVERIFY(sh.waitForFinished(20000));
        QCOMPARE(QString::fromUtf8(sh.readAllStandardOutput()),
                 QStringLiteral("{\"clientId\":\"id\",\"clientSecret\":\"it\'s \"quoted\"\"}"));

        PortExchange patch;
        patch.method = "PATCH";
        patch.url = QStringLiteral("https://api.getport.io/v1/workflows/nodes/runs/") + kNode;
        patch.requestHeaders.append(
            qMakePair(QByteArray("Authorization"), QByteArray("Bearer <redacted>")));
        patch.requestBody = "{\"output\":{\"note\":\"it\'s\"}}";
        const QString c2 = patch.curlCommand();
        QVERIFY2(c2.contains(QLatin1String("-H \"Authorization: Bearer $PORT_TOKEN\"")),
                 qPrintable(c2));
        const QString quotedBody = QStringLiteral("'{\"output\":{\"note\":\"it'\\''s\"}}'");
        QVERIFY2(c2.contains(quotedBody), qPrintable(c2));
    }

    void historyIsBoundedAndRedacted()
    {
        QTemporaryDir dir;
        RequestHistory h(dir.filePath(QStringLiteral("sub/h.jsonl")), 3);
        for (int i = 0; i < 5; ++i) {
            PortExchange e;
            e.method = "GET";
            e.url = QStringLiteral("http://x/%1").arg(i);
            e.status = 200;
            e.requestHeaders.append(
                qMakePair(QByteArray("Authorization"), QByteArray("Bearer raw-token-value")));
            e.responseBody = R"({"accessToken":"raw-token-value","n":1})";
            QString error;
            QVERIFY2(h.append(e, &error), qPrintable(error));
        }
        const QList<PortExchange> entries = h.load();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.first().url, QStringLiteral("http://x/2"));
        QCOMPARE(entries.last().url, QStringLiteral("http://x/4"));
        QFile f(h.path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll();
        QVERIFY(!all.contains("raw-token-value"));
        QCOMPARE(all.count('\n'), 3);
        // A fresh object over the same file keeps counting from what is there.
        RequestHistory again(h.path(), 3);
        QVERIFY(again.append(entries.first()));
        QCOMPARE(again.load().size(), 3);
    }

    void storeFindsIdsByPattern()
    {
        LocalRunStore s;
        const QByteArray msg =
            QStringLiteral("{\"context\":{\"runId\":\"%1\"},\"payload\":{\"workflowRunId\":"
                           "\"%2\",\"x\":\"r_short\",\"y\":\"xr_AAAAAAAAAAAAAAAA\"}}")
                .arg(kNode, kRun)
                .toUtf8();
        const auto seen = s.observeMessage(msg);
        QCOMPARE(seen.nodeRuns, QStringList{kNode});
        QCOMPARE(seen.workflowRuns, QStringList{kRun});
        QVERIFY2(seen.actionRuns.isEmpty(), qPrintable(seen.actionRuns.join(QLatin1Char(','))));
        QVERIFY(s.hasNodeRun(kNode));
        QCOMPARE(s.workflowRunJson(kRun).value(QStringLiteral("status")).toString(),
                 QStringLiteral("IN_PROGRESS"));
        QCOMPARE(s.updateNodeRun(kNode, {}, obj(R"({"status":"COMPLETED","result":"FAILED"})")),
                 QString());
        const QJsonObject run = s.workflowRunJson(kRun);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("FAILED"));
        QVERIFY(s.updateNodeRun(QStringLiteral("wfnr_0000000000000000"), {}, {})
                    .contains(QLatin1String("not found")));
        QVERIFY(s.updateNodeRun(kNode, QStringLiteral("wfr_0000000000000000"), {})
                    .contains(QLatin1String("does not belong")));
        const auto classic = s.observeMessage(
            QStringLiteral("{\"context\":{\"runId\":\"%1\"}}").arg(kAction).toUtf8());
        QCOMPARE(classic.actionRuns, QStringList{kAction});
    }

    void docsRouteAttachesANodeRunSeenWithoutItsWorkflowRun()
    {
        // Port's agent shape carries only context.runId = wfnr_…: the seed's route names the run.
        LocalPortApiHandler h;
        h.store().observeMessage(
            QStringLiteral("{\"context\":{\"runId\":\"%1\"}}").arg(kNode).toUtf8());
        const QByteArray bearer =
            "Bearer " + replyJson(h.handle({"POST",
                                            QStringLiteral("/v1/auth/access_token"),
                                            {},
                                            R"({"clientId":"sandbox","clientSecret":"sandbox"})"}))
                            .value(QStringLiteral("accessToken"))
                            .toString()
                            .toUtf8();
        QCOMPARE(h.handle({"GET", QStringLiteral("/v1/workflows/runs/") + kRun, bearer, {}}).status,
                 404);
        QCOMPARE(
            h.handle({"PATCH", QStringLiteral("/v1/workflows/runs/%1/nodes/%2").arg(kRun, kNode),
                      bearer, R"({"status":"COMPLETED","result":"SUCCESS"})"})
                .status,
            200);
        const LocalApiReply r =
            h.handle({"GET", QStringLiteral("/v1/workflows/runs/") + kRun, bearer, {}});
        QCOMPARE(r.status, 200);
        QCOMPARE(replyJson(r)
                     .value(QStringLiteral("workflowRun"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("COMPLETED"));
        // Both unknown: 404 naming the workflow run.
        const LocalApiReply unknown = h.handle(
            {"PATCH",
             QStringLiteral("/v1/workflows/runs/wfr_0000000000000000/nodes/wfnr_0000000000000000"),
             bearer, R"({"status":"IN_PROGRESS"})"});
        QCOMPARE(unknown.status, 404);
        QVERIFY(replyJson(unknown)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("wfr_0000000000000000")));
    }

    // The consumer check explains a consumer's bugs from these records: refused calls keep
    // Port's message and the body, the login's secret never stays, and the list is bounded.
    void handlerRecordsCallsWithoutSecrets()
    {
        LocalPortApiHandler h;
        // What LocalPortApi does with every request it answers.
        const auto call = [&h](const LocalApiRequest& r) {
            const LocalApiReply reply = h.handle(r);
            h.recordCall(r, reply);
            return reply;
        };
        h.setCredentials(QStringLiteral("check"), QStringLiteral("s3cret-of-the-check"));
        h.store().registerNodeRun(kNode, kRun);
        const QByteArray login = R"({"clientId":"check","clientSecret":"s3cret-of-the-check"})";
        const QByteArray token =
            replyJson(call({"POST", QStringLiteral("/v1/auth/access_token"), {}, login}))
                .value(QStringLiteral("accessToken"))
                .toString()
                .toUtf8();
        const QByteArray failure = R"({"status":"COMPLETED","result":"FAILURE"})";
        call({"PATCH", QStringLiteral("/v1/workflows/nodes/runs/") + kNode, "Bearer " + token,
              failure});
        call({"PATCH", QStringLiteral("/v1/workflows/nodes/runs/wfnr_0000000000000000"),
              "Bearer " + token, R"({"status":"COMPLETED","result":"SUCCESS"})"});
        QCOMPARE(h.calls().size(), 3);
        const LocalApiCall& first = h.calls().at(0);
        QCOMPARE(first.status, 200);
        QVERIFY(!first.refused());
        QVERIFY(!first.body.contains("s3cret-of-the-check"));
        QVERIFY(first.body.contains("<redacted>"));
        const LocalApiCall& refused = h.calls().at(1);
        QCOMPARE(refused.method, QByteArray("PATCH"));
        QCOMPARE(refused.status, 422);
        QVERIFY(refused.refused());
        QVERIFY(refused.error.contains(QStringLiteral("workflow nodes use FAILED")));
        QCOMPARE(refused.body, failure);
        QCOMPARE(refused.bodySize, failure.size());
        QCOMPARE(h.calls().at(2).status, 404);
        for (int i = 0; i < LocalPortApiHandler::kKeptCalls; ++i)
            call({"GET", QStringLiteral("/v1/organization"), "Bearer " + token, {}});
        QCOMPARE(h.calls().size(), LocalPortApiHandler::kKeptCalls);
        QCOMPARE(h.calls().constFirst().path, QStringLiteral("/v1/organization"));
    }

    void handlerSpeaksLikePort()
    {
        LocalPortApiHandler h;
        h.setCredentials(QStringLiteral("sandbox"), QStringLiteral("sandbox-secret"));
        h.setKafkaBootstrap(QStringLiteral("127.0.0.1:9092"));
        h.setOrgId(QStringLiteral("acme"));
        h.store().registerNodeRun(kNode, kRun);

        LocalApiReply r = h.handle({"POST",
                                    QStringLiteral("/v1/auth/access_token"),
                                    {},
                                    R"({"clientId":"sandbox","clientSecret":"wrong"})"});
        QCOMPARE(r.status, 401);
        QCOMPARE(replyJson(r).value(QStringLiteral("ok")), QJsonValue(false));
        r = h.handle({"POST",
                      QStringLiteral("/v1/auth/access_token"),
                      {},
                      R"({"clientId":"sandbox","clientSecret":"sandbox-secret"})"});
        QCOMPARE(r.status, 200);
        const QByteArray bearer =
            "Bearer " + replyJson(r).value(QStringLiteral("accessToken")).toString().toUtf8();
        QCOMPARE(replyJson(r).value(QStringLiteral("expiresIn")).toInt(), 10800);
        bool hasTrace = false;
        for (const auto& [name, value] : r.headers)
            hasTrace = hasTrace || (name == "X-Trace-Id" && !value.isEmpty());
        QVERIFY(hasTrace);

        const QString patchPath = QStringLiteral("/v1/workflows/nodes/runs/") + kNode;
        QCOMPARE(h.handle({"PATCH", patchPath, {}, R"({"status":"IN_PROGRESS"})"}).status, 401);
        QCOMPARE(
            h.handle({"PATCH", patchPath, "Bearer nope", R"({"status":"IN_PROGRESS"})"}).status,
            401);
        r = h.handle({"PATCH", patchPath, bearer, R"({"status":"COMPLETED","result":"FAILURE"})"});
        QCOMPARE(r.status, 422);
        QCOMPARE(replyJson(r).value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_request"));
        QVERIFY(replyJson(r)
                    .value(QStringLiteral("message"))
                    .toString()
                    .contains(QLatin1String("FAILED")));
        QCOMPARE(
            h.handle({"PATCH", QStringLiteral("/v1/workflows/nodes/runs/wfnr_0000000000000000"),
                      bearer, R"({"status":"IN_PROGRESS"})"})
                .status,
            404);
        QCOMPARE(h.handle({"PATCH", patchPath, bearer, "{not json"}).status, 400);
        QCOMPARE(h.handle({"PATCH", patchPath, bearer,
                           QByteArray(PortValidator::kMaxBodyBytes + 1, ' ')})
                     .status,
                 413);
        QCOMPARE(h.handle({"DELETE", patchPath, bearer, {}}).status, 405);
        QCOMPARE(h.handle({"GET", QStringLiteral("/v1/nothing"), bearer, {}}).status, 404);
        r = h.handle({"PATCH", QStringLiteral("/v1/workflows/runs/%1/nodes/%2").arg(kRun, kNode),
                      bearer, R"({"status":"COMPLETED","result":"SUCCESS","output":{"a":1}})"});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray(R"({"ok":true})"));
        QCOMPARE(h.handle({"POST", patchPath + QStringLiteral("/logs"), bearer,
                           R"({"logs":[{"level":"INFO","message":"hello"}]})"})
                     .status,
                 200);
        r = h.handle({"GET", QStringLiteral("/v1/workflows/runs/") + kRun, bearer, {}});
        QCOMPARE(r.status, 200);
        const QJsonObject run = replyJson(r).value(QStringLiteral("workflowRun")).toObject();
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        const QJsonObject node = run.value(QStringLiteral("nodeRuns")).toArray().at(0).toObject();
        QCOMPARE(node.value(QStringLiteral("output")).toObject().value(QStringLiteral("a")).toInt(),
                 1);
        QCOMPARE(node.value(QStringLiteral("logs"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("log"))
                     .toString(),
                 QStringLiteral("hello"));
        r = h.handle({"GET", QStringLiteral("/v1/kafka-credentials"), bearer, {}});
        QCOMPARE(replyJson(r)
                     .value(QStringLiteral("credentials"))
                     .toObject()
                     .value(QStringLiteral("brokers"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("127.0.0.1:9092"));
        r = h.handle({"GET", QStringLiteral("/v1/organization"), bearer, {}});
        QCOMPARE(replyJson(r)
                     .value(QStringLiteral("organization"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("acme"));

        h.store().registerActionRun(kAction);
        QCOMPARE(h.handle({"PATCH", QStringLiteral("/v1/actions/runs/") + kAction, bearer,
                           R"({"status":"FAILED"})"})
                     .status,
                 422);
        QCOMPARE(h.handle({"PATCH", QStringLiteral("/v1/actions/runs/") + kAction, bearer,
                           R"({"status":"FAILURE","summary":"boom"})"})
                     .status,
                 200);
        QCOMPARE(h.handle({"POST", QStringLiteral("/v1/actions/runs/%1/logs").arg(kAction), bearer,
                           R"({"message":"m"})"})
                     .status,
                 200);
        r = h.handle({"GET", QStringLiteral("/v1/actions/runs/") + kAction, bearer, {}});
        QCOMPARE(replyJson(r)
                     .value(QStringLiteral("run"))
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("FAILURE"));

        h.revokeTokens();
        QCOMPARE(h.handle({"GET", QStringLiteral("/v1/organization"), bearer, {}}).status, 401);
    }

    void routesPortsAgentCalls()
    {
        // Port's agent logs in before every call: hundreds of logins, one token, all 2xx.
        LocalPortApiHandler h;
        h.store().observeMessage(
            QStringLiteral("{\"context\":{\"runId\":\"%1\"}}").arg(kAction).toUtf8());
        QSet<QString> tokens;
        const auto login = [&] {
            const QString token =
                replyJson(h.handle({"POST",
                                    QStringLiteral("/v1/auth/access_token"),
                                    {},
                                    R"({"clientId":"sandbox","clientSecret":"sandbox"})"}))
                    .value(QStringLiteral("accessToken"))
                    .toString();
            tokens.insert(token);
            return "Bearer " + token.toUtf8();
        };
        for (int i = 0; i < 300; ++i)
            QCOMPARE(h.handle({"POST", QStringLiteral("/v1/actions/runs/%1/logs").arg(kAction),
                               login(), R"({"message":"step"})"})
                         .status,
                     200);
        QCOMPARE(tokens.size(), qsizetype(1));

        LocalApiReply r = h.handle({"PATCH", QStringLiteral("/v1/organization"), login(),
                                    R"({"settings":{"portAgentStreamerName":"KAFKA"}})"});
        QCOMPARE(r.status, 200);
        r = h.handle(
            {"PATCH", QStringLiteral("/v1/organization"), login(), R"({"settings":{"other":1}})"});
        r = h.handle({"GET", QStringLiteral("/v1/organization"), login(), {}});
        const QJsonObject settings = replyJson(r)
                                         .value(QStringLiteral("organization"))
                                         .toObject()
                                         .value(QStringLiteral("settings"))
                                         .toObject();
        QCOMPARE(settings.value(QStringLiteral("portAgentStreamerName")).toString(),
                 QStringLiteral("KAFKA"));
        QCOMPARE(settings.value(QStringLiteral("other")).toInt(), 1);
        QCOMPARE(
            h.handle({"PATCH", QStringLiteral("/v1/organization"), login(), R"({"settings":3})"})
                .status,
            422);

        const QString response = QStringLiteral("/v1/actions/runs/%1/response").arg(kAction);
        QCOMPARE(
            h.handle({"PATCH", response, login(), R"({"response":{"ok":true,"n":[1,2]}})"}).status,
            200);
        QCOMPARE(h.handle({"PATCH", response, login(), R"({"nope":1})"}).status, 422);
        r = h.handle({"GET", QStringLiteral("/v1/actions/runs/") + kAction, login(), {}});
        QCOMPARE(
            replyJson(r).value(QStringLiteral("run")).toObject().value(QStringLiteral("response")),
            QJsonValue(QJsonObject{{QStringLiteral("ok"), true},
                                   {QStringLiteral("n"), QJsonArray{1, 2}}}));

        // A well-formed unknown id may be on its way (the sandbox then catches up); a malformed
        // one never will be.
        r = h.handle({"PATCH", QStringLiteral("/v1/actions/runs/r_ABCDEFGHIJKLMNOP/response"),
                      login(), R"({"response":1})"});
        QCOMPARE(r.status, 404);
        QVERIFY(r.unknownRun);
        r = h.handle({"PATCH", QStringLiteral("/v1/workflows/nodes/runs/wfnr_short"), login(),
                      R"({"status":"IN_PROGRESS"})"});
        QCOMPARE(r.status, 404);
        QVERIFY(!r.unknownRun);
    }

    void retryAfterStaysInBounds_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<qint64>("ms");
        QTest::newRow("seconds") << QByteArray("2") << qint64(2000);
        QTest::newRow("fraction") << QByteArray(" 0.25 ") << qint64(250);
        QTest::newRow("negative") << QByteArray("-5") << qint64(0);
        // Converting these to an integer was undefined behaviour before the clamp.
        QTest::newRow("huge") << QByteArray("1e300") << qint64(86400000);
        QTest::newRow("inf") << QByteArray("inf") << qint64(86400000);
        QTest::newRow("nan") << QByteArray("nan") << qint64(-1);
        QTest::newRow("date") << QByteArray("Wed, 25 Nov 2026 10:00:30 GMT") << qint64(30000);
        QTest::newRow("past date") << QByteArray("Tue, 25 Nov 2025 10:00:00 GMT") << qint64(0);
        QTest::newRow("junk") << QByteArray("soon") << qint64(-1);
        QTest::newRow("absent") << QByteArray() << qint64(-1);
    }
    void retryAfterStaysInBounds()
    {
        QFETCH(QByteArray, value);
        QFETCH(qint64, ms);
        const QDateTime now = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        QCOMPARE(PortResponse::retryAfterMs(value, now), ms);
    }

    void errorMessagesAreOnePrintableLine()
    {
        QCOMPARE(
            PortResponse::errorMessage(R"({"ok":false,"error":"not_found","message":"Run x"})"),
            QStringLiteral("Run x"));
        QCOMPARE(PortResponse::errorMessage(R"({"error":"line1\nline2\u0000end"})"),
                 QStringLiteral("line1 line2 end"));
        QCOMPARE(PortResponse::errorMessage(QByteArray("\x00<h1>Bad\r\ngateway</h1>", 22)),
                 QStringLiteral("<h1>Bad gateway</h1>"));
        const QString longOne = PortResponse::errorMessage(QByteArray(5000, 'a'));
        QCOMPARE(longOne, QString(200, QLatin1Char('a')) + QStringLiteral("…"));
        const QString longJson =
            PortResponse::errorMessage("{\"message\":\"" + QByteArray(5000, 'b') + "\"}");
        QCOMPARE(longJson.size(), 501);
    }

    void tokenAnswers()
    {
        const auto t = PortResponse::parseToken(R"({"accessToken":"abc","expiresIn":10800})");
        QVERIFY(t);
        QCOMPARE(t->accessToken, QStringLiteral("abc"));
        QCOMPARE(t->expiresInS, 10800);
        QCOMPARE(PortResponse::parseToken(R"({"accessToken":"abc","expiresIn":-7})")->expiresInS,
                 0);
        QCOMPARE(PortResponse::parseToken(R"({"accessToken":"abc"})")->expiresInS, 3 * 3600);
        QVERIFY(!PortResponse::parseToken(R"({"accessToken":""})"));
        QVERIFY(!PortResponse::parseToken("{\"accessToken\": \"abc"));
        QVERIFY(!PortResponse::parseToken("[]"));
    }

    void authorizationSchemeIsScrubbedToo()
    {
        Redactor r;
        r.addSecret("s3cr3t-value");
        QCOMPARE(r.redactHeader("Authorization", "s3cr3t-value rest"),
                 QByteArray("<redacted> <redacted>"));
    }
};

QTEST_GUILESS_MAIN(TestPortApiRules)
#include "tst_portapi_rules.moc"
