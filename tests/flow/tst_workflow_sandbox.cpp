// SPDX-License-Identifier: GPL-3.0-or-later
// The sandbox runs workflows like Port (issue 23 item 6): the local Port API's workflow routes
// over HTTP, the runner walking the graph, KAFKA nodes published to the sandbox's broker and
// reported by a real Python consumer (python3-kafka), whose output feeds the next node.
#include "flowtesthelpers.h"

#include "flow/workflowrunner.h"
#include "sandbox/sandbox.h"

#include <QFile>
#include <QJsonArray>
#include <QProcessEnvironment>
#include <QTest>

using namespace porthole;
using namespace porthole::test;

namespace {

const QString kOrg = QStringLiteral("flowtest");

QByteArray example(const QString& name)
{
    QFile f(QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QByteArray inputs(const QJsonObject& o)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("inputs"), o}}).toJson();
}

// trigger → KAFKA "work" (fails when asked, onFailure as given) → WEBHOOK "after", whose
// variables read the failed node's error.message.
QByteArray failingWorkflow(const QString& id, const QString& onFailure)
{
    QFile f(QStringLiteral(PORTHOLE_FLOW_TEST_DIR "/workflows/fail-then-webhook.json"));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll()
        .replace("\"ID\"", "\"" + id.toUtf8() + "\"")
        .replace("\"ON_FAILURE\"", "\"" + onFailure.toUtf8() + "\"");
}

QByteArray testWorkflow(const QString& name)
{
    QFile f(QStringLiteral(PORTHOLE_FLOW_TEST_DIR "/workflows/") + name);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestWorkflowSandbox : public QObject
{
    Q_OBJECT
    Sandbox m_sandbox;
    WorkflowRunner* m_runner = nullptr;
    std::unique_ptr<ApiPeer> m_api;
    QProcess m_consumer;
    QString m_chainedRun; // the build-then-deploy run, for render --run

    QString startRun(const QString& workflow, const QJsonObject& in)
    {
        const Answer a =
            m_api->call("POST", QStringLiteral("/v1/workflows/%1/runs").arg(workflow), inputs(in));
        if (a.status != 201)
            qWarning("run answered %d: %s", a.status, a.raw.constData());
        return a.body.value(QStringLiteral("workflowRun"))
            .toObject()
            .value(QStringLiteral("identifier"))
            .toString();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(kOrg, 0, 0, &error), qPrintable(error));
        m_runner = new WorkflowRunner(&m_sandbox, this);
        m_api = std::make_unique<ApiPeer>(m_sandbox.apiUrl());
        QVERIFY(m_api->login(QStringLiteral("sandbox"), QStringLiteral("sandbox")));
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KAFKA_BOOTSTRAP_SERVERS"), m_sandbox.bootstrap());
        env.insert(QStringLiteral("KAFKA_TOPIC"), kOrg + QStringLiteral(".runs"));
        env.insert(QStringLiteral("KAFKA_GROUP_ID"), kOrg + QStringLiteral(".flow-test"));
        env.insert(QStringLiteral("PORT_API_BASE_URL"), m_sandbox.apiUrl());
        env.insert(QStringLiteral("PORT_CLIENT_ID"), QStringLiteral("sandbox"));
        env.insert(QStringLiteral("PORT_CLIENT_SECRET"), QStringLiteral("sandbox"));
        env.insert(QStringLiteral("PYTHONUNBUFFERED"), QStringLiteral("1"));
        m_consumer.setProcessEnvironment(env);
        m_consumer.setProcessChannelMode(QProcess::MergedChannels);
        m_consumer.start(kPython, {QStringLiteral(PORTHOLE_FLOW_TEST_DIR "/workflow_consumer.py")});
        QVERIFY(m_consumer.waitForStarted(10000));
        QVERIFY(m_api
                    ->call("POST", QStringLiteral("/v1/workflows"),
                           example(QStringLiteral("build-then-deploy.json")))
                    .status == 201);
    }

    void cleanupTestCase()
    {
        m_consumer.kill();
        m_consumer.waitForFinished(5000);
    }

    void crudRoutes()
    {
        const QByteArray doc =
            failingWorkflow(QStringLiteral("crud-flow"), QStringLiteral("continue"));
        Answer a = m_api->call("POST", QStringLiteral("/v1/workflows"), doc);
        QCOMPARE(a.status, 201);
        QCOMPARE(a.body.value(QStringLiteral("ok")).toBool(), true);
        QCOMPARE(a.body.value(QStringLiteral("workflow"))
                     .toObject()
                     .value(QStringLiteral("identifier"))
                     .toString(),
                 QStringLiteral("crud-flow"));
        QCOMPARE(m_api->call("POST", QStringLiteral("/v1/workflows"), doc).status, 409);
        a = m_api->call("GET", QStringLiteral("/v1/workflows/crud-flow"));
        QCOMPARE(a.status, 200);
        // Kept as written, byte for byte: the nodes in their order, the payload's keys in theirs.
        QCOMPARE(a.raw, "{\"ok\":true,\"workflow\":" + doc.trimmed() + "}");
        QJsonObject changed = QJsonDocument::fromJson(doc).object();
        changed.insert(QStringLiteral("title"), QStringLiteral("Renamed"));
        a = m_api->call("PUT", QStringLiteral("/v1/workflows/crud-flow"),
                        QJsonDocument(changed).toJson());
        QCOMPARE(a.status, 200);
        a = m_api->call("GET", QStringLiteral("/v1/workflows/crud-flow"));
        QCOMPARE(a.body.value(QStringLiteral("workflow"))
                     .toObject()
                     .value(QStringLiteral("title"))
                     .toString(),
                 QStringLiteral("Renamed"));
        // A body naming another workflow, a broken graph, an unknown one.
        changed.insert(QStringLiteral("identifier"), QStringLiteral("other"));
        QCOMPARE(m_api
                     ->call("PUT", QStringLiteral("/v1/workflows/crud-flow"),
                            QJsonDocument(changed).toJson())
                     .status,
                 422);
        a = m_api->call("POST", QStringLiteral("/v1/workflows"),
                        testWorkflow(QStringLiteral("loop.json")));
        QCOMPARE(a.status, 422);
        QCOMPARE(a.body.value(QStringLiteral("ok")).toBool(true), false);
        QVERIFY(!a.body.value(QStringLiteral("message")).toString().isEmpty());
        QCOMPARE(m_api->call("DELETE", QStringLiteral("/v1/workflows/crud-flow")).status, 200);
        QCOMPARE(m_api->call("GET", QStringLiteral("/v1/workflows/crud-flow")).status, 404);
        QCOMPARE(m_api->call("POST", QStringLiteral("/v1/workflows/crud-flow/runs"), "{}").status,
                 404);
    }

    void missingRequiredInputIsRefused()
    {
        const Answer a = m_api->call("POST", QStringLiteral("/v1/workflows/build-then-deploy/runs"),
                                     inputs({{QStringLiteral("ref"), QStringLiteral("main")}}));
        QCOMPARE(a.status, 422);
        QCOMPARE(a.body.value(QStringLiteral("ok")).toBool(true), false);
        QCOMPARE(a.body.value(QStringLiteral("error")).toString(),
                 QStringLiteral("invalid_request"));
        QVERIFY2(a.body.value(QStringLiteral("message"))
                     .toString()
                     .contains(QStringLiteral("\"repository\"")),
                 a.raw.constData());
        QCOMPARE(m_runner->activeRuns(), 0);
    }

    void conditionTakesTheRightBranch()
    {
        const QByteArray doc = testWorkflow(QStringLiteral("route.json"));
        QCOMPARE(m_api->call("POST", QStringLiteral("/v1/workflows"), doc).status, 201);
        for (const auto& [env, taken, skipped] : {std::tuple{"prod", "page-oncall", "log-it"},
                                                  std::tuple{"dev", "log-it", "page-oncall"}}) {
            const QString wfr = startRun(QStringLiteral("route"),
                                         {{QStringLiteral("env"), QString::fromLatin1(env)}});
            QVERIFY(!wfr.isEmpty());
            const QJsonObject run = m_api->waitForRun(wfr);
            QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
            QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
            QVERIFY2(!nodeRunOf(run, QLatin1String(taken)).isEmpty(), env);
            QVERIFY2(nodeRunOf(run, QLatin1String(skipped)).isEmpty(), env);
            const QJsonObject outputs = run.value(QStringLiteral("variables"))
                                            .toObject()
                                            .value(QStringLiteral("outputs"))
                                            .toObject();
            QVERIFY(outputs.contains(QLatin1String(taken)));
            QCOMPARE(outputs.value(QStringLiteral("trigger"))
                         .toObject()
                         .value(QStringLiteral("env"))
                         .toString(),
                     QString::fromLatin1(env));
        }
    }

    // The "Done when": the build consumer's reported output is in the deploy message.
    void chainedKafkaOutputReachesTheNextMessage()
    {
        const QString wfr = startRun(QStringLiteral("build-then-deploy"),
                                     {{QStringLiteral("repository"), QStringLiteral("shop")},
                                      {QStringLiteral("cluster"), QStringLiteral("eu-1")}});
        QVERIFY(!wfr.isEmpty());
        const QJsonObject run = m_api->waitForRun(wfr, 60000);
        QVERIFY2(run.value(QStringLiteral("status")) == QLatin1String("COMPLETED"),
                 m_consumer.readAll().constData());
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        const QJsonObject build = nodeRunOf(run, QStringLiteral("build-image"));
        const QJsonObject deploy = nodeRunOf(run, QStringLiteral("deploy-image"));
        QCOMPARE(build.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        const QString image = QStringLiteral("registry.example/shop:main"); // ref's default
        QCOMPARE(build.value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("image"))
                     .toString(),
                 image);
        // The consumer echoes the deploy message it received: the image came from build-image.
        const QJsonObject seen = deploy.value(QStringLiteral("output"))
                                     .toObject()
                                     .value(QStringLiteral("seen"))
                                     .toObject();
        QCOMPARE(seen.value(QStringLiteral("image")).toString(), image);
        QCOMPARE(seen.value(QStringLiteral("digest")).toString(),
                 QStringLiteral("sha256:0f1e2d3c"));
        QCOMPARE(seen.value(QStringLiteral("cluster")).toString(), QStringLiteral("eu-1"));
        const QJsonObject outputs = run.value(QStringLiteral("variables"))
                                        .toObject()
                                        .value(QStringLiteral("outputs"))
                                        .toObject();
        QCOMPARE(outputs.value(QStringLiteral("build-image"))
                     .toObject()
                     .value(QStringLiteral("image"))
                     .toString(),
                 image);
        QCOMPARE(run.value(QStringLiteral("workflow"))
                     .toObject()
                     .value(QStringLiteral("identifier"))
                     .toString(),
                 QStringLiteral("build-then-deploy"));
        QVERIFY(!run.value(QStringLiteral("completedAt")).toString().isEmpty());
        m_chainedRun = wfr;
    }

    // render --run: the chained context comes from that real run's variables.outputs.
    void renderWithTheRunsOutputs()
    {
        QVERIFY(!m_chainedRun.isEmpty());
        QProcess cli;
        cli.start(QStringLiteral(PORTHOLE_CLI),
                  {QStringLiteral("render"), QStringLiteral("--workflow"),
                   QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows/build-then-deploy.json"),
                   QStringLiteral("--node"), QStringLiteral("deploy-image"),
                   QStringLiteral("--run"), m_chainedRun, QStringLiteral("--api"),
                   m_sandbox.apiUrl(), QStringLiteral("--client-id"), QStringLiteral("sandbox"),
                   QStringLiteral("--client-secret"), QStringLiteral("sandbox"),
                   QStringLiteral("--payload-only")});
        QVERIFY(cli.waitForStarted(10000));
        // This process serves the API the command asks: keep the loop running.
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
        const QByteArray out = cli.readAllStandardOutput();
        QVERIFY2(cli.exitCode() == 0, cli.readAllStandardError().constData());
        const QJsonObject payload = QJsonDocument::fromJson(out).object();
        QCOMPARE(payload.value(QStringLiteral("image")).toString(),
                 QStringLiteral("registry.example/shop:main"));
        QCOMPARE(payload.value(QStringLiteral("cluster")).toString(), QStringLiteral("eu-1"));
        // An unknown run is a clear error, not a made-up context.
        cli.start(QStringLiteral(PORTHOLE_CLI),
                  {QStringLiteral("render"), QStringLiteral("--workflow"),
                   QStringLiteral(PORTHOLE_EXAMPLES_DIR "/workflows/build-then-deploy.json"),
                   QStringLiteral("--node"), QStringLiteral("deploy-image"),
                   QStringLiteral("--run"), QStringLiteral("wfr_0000000000000000"),
                   QStringLiteral("--api"), m_sandbox.apiUrl(), QStringLiteral("--client-id"),
                   QStringLiteral("sandbox"), QStringLiteral("--client-secret"),
                   QStringLiteral("sandbox")});
        QVERIFY(cli.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(cli.state() == QProcess::NotRunning, 30000);
        QCOMPARE(cli.exitCode(), 1);
        QVERIFY(cli.readAllStandardError().contains("404"));
    }

    void onFailureContinueGoesOn()
    {
        QCOMPARE(
            m_api
                ->call("POST", QStringLiteral("/v1/workflows"),
                       failingWorkflow(QStringLiteral("keep-going"), QStringLiteral("continue")))
                .status,
            201);
        const QString wfr = startRun(QStringLiteral("keep-going"), {});
        const QJsonObject run = m_api->waitForRun(wfr, 60000);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(nodeRunOf(run, QStringLiteral("work")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("FAILED"));
        const QJsonObject outputs = run.value(QStringLiteral("variables"))
                                        .toObject()
                                        .value(QStringLiteral("outputs"))
                                        .toObject();
        const QJsonObject work = outputs.value(QStringLiteral("work")).toObject();
        QCOMPARE(work.value(QStringLiteral("reason")).toString(), QStringLiteral("asked to fail"));
        const QString message = work.value(QStringLiteral("error"))
                                    .toObject()
                                    .value(QStringLiteral("message"))
                                    .toString();
        QVERIFY(message.contains(QStringLiteral("FAILED")));
        // The next node ran, and its variables read .outputs.work.error.message.
        QCOMPARE(nodeRunOf(run, QStringLiteral("after")).value(QStringLiteral("result")).toString(),
                 QStringLiteral("SUCCESS"));
        QCOMPARE(outputs.value(QStringLiteral("after"))
                     .toObject()
                     .value(QStringLiteral("saw"))
                     .toString(),
                 message);
    }

    void onFailureTerminateEndsTheRunFailed()
    {
        QCOMPARE(
            m_api
                ->call("POST", QStringLiteral("/v1/workflows"),
                       failingWorkflow(QStringLiteral("stop-here"), QStringLiteral("terminate")))
                .status,
            201);
        const QString wfr = startRun(QStringLiteral("stop-here"), {});
        const QJsonObject run = m_api->waitForRun(wfr, 60000);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("FAILED"));
        QVERIFY(nodeRunOf(run, QStringLiteral("after")).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWorkflowSandbox)
#include "tst_workflow_sandbox.moc"
