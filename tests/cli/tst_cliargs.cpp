// SPDX-License-Identifier: GPL-3.0-or-later
// The commands' parse steps: what each option turns into, and the exit code of usage errors
// (the messages themselves are covered end to end by the CLI tests).
#include "cli/checkconsumerargs.h"
#include "cli/diagnoseargs.h"
#include "cli/lintargs.h"
#include "cli/publishargs.h"
#include "cli/renderargs.h"
#include "cli/reportargs.h"
#include "cli/sandboxargs.h"
#include "cli/templateargs.h"
#include "cli/watchargs.h"

#include <QTest>

using namespace porthole;
using namespace porthole::cli;

namespace {

QStringList argv(const char* command, std::initializer_list<const char*> rest)
{
    QStringList out{QString::fromLatin1(command)};
    for (const char* a : rest)
        out << QString::fromUtf8(a);
    return out;
}

template <typename V> int exitCode(const V& parsed)
{
    return std::holds_alternative<int>(parsed) ? std::get<int>(parsed) : -1;
}

} // namespace

class TestCliArgs : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void diagnoseValues()
    {
        const int64_t now = 1'700'000'000'000;
        const auto parsed = parseDiagnoseArgs(
            argv("diagnose", {"wfnr_Aaaaaaaaaaaaaaa1", "--bootstrap", "127.0.0.1:9092", "--org",
                              "acme", "--group", "acme.worker", "--group", "acme.other", "--api",
                              "http://127.0.0.1:5555", "--token", "tok-123", "--since", "15m",
                              "--format", "json"}),
            now);
        QVERIFY(std::holds_alternative<DiagnoseArgs>(parsed));
        const DiagnoseArgs& d = std::get<DiagnoseArgs>(parsed);
        QCOMPARE(d.run.kind(), RunId::Kind::NodeRun);
        QCOMPARE(d.run.text(), std::string("wfnr_Aaaaaaaaaaaaaaa1"));
        QCOMPARE(d.topic, std::string("acme.runs"));
        QCOMPARE(d.groups, (std::vector<std::string>{"acme.worker", "acme.other"}));
        QVERIFY(d.api);
        QCOMPARE(d.api->token, QStringLiteral("tok-123"));
        QCOMPARE(d.api->baseUrl.port(), 5555);
        QCOMPARE(d.sinceMs.value_or(-1), now - 15 * 60 * 1000);
        QVERIFY(d.json);
        // Without --api nothing of Port is asked; text by default.
        const auto plain = parseDiagnoseArgs(
            argv("diagnose", {"r_Ddddddddddddddd4", "--bootstrap", "b:1", "--org", "o"}), now);
        QVERIFY(std::holds_alternative<DiagnoseArgs>(plain));
        QVERIFY(!std::get<DiagnoseArgs>(plain).api);
        QVERIFY(!std::get<DiagnoseArgs>(plain).json);
        QVERIFY(!std::get<DiagnoseArgs>(plain).sinceMs);
    }

    void diagnoseSince()
    {
        const int64_t now = 1'700'000'000'000;
        QCOMPARE(parseSince(QStringLiteral("@1234"), now).value_or(-1), int64_t(1234));
        QCOMPARE(parseSince(QStringLiteral("90s"), now).value_or(-1), now - 90'000);
        QCOMPARE(parseSince(QStringLiteral("2h"), now).value_or(-1), now - 7'200'000);
        QCOMPARE(parseSince(QStringLiteral("3d"), now).value_or(-1), now - 3 * 86'400'000LL);
        // No zone: UTC; an offset is honoured.
        QCOMPARE(parseSince(QStringLiteral("2024-01-15T10:30:00"), now).value_or(-1),
                 int64_t(1705314600000));
        QCOMPARE(parseSince(QStringLiteral("2024-01-15T10:30:00.250Z"), now).value_or(-1),
                 int64_t(1705314600250));
        QCOMPARE(parseSince(QStringLiteral("2024-01-15T12:30:00+02:00"), now).value_or(-1),
                 int64_t(1705314600000));
        for (const char* bad : {"", "yesterday", "15", "-5m", "@x", "15w", "2024-13-40"})
            QVERIFY2(!parseSince(QString::fromLatin1(bad), now), bad);
    }

    void diagnoseUsageErrors()
    {
        const auto code = [](std::initializer_list<const char*> rest) {
            return exitCode(parseDiagnoseArgs(argv("diagnose", rest), 0));
        };
        // An unknown id form is a usage error, as is a missing one.
        QCOMPARE(code({"run_123", "--bootstrap", "b:1", "--org", "o"}), 2);
        QCOMPARE(code({"wfnr_", "--bootstrap", "b:1", "--org", "o"}), 2);
        QCOMPARE(code({"--bootstrap", "b:1", "--org", "o"}), 2);
        QCOMPARE(code({"r_a", "r_b", "--bootstrap", "b:1", "--org", "o"}), 2);
        QCOMPARE(code({"r_a", "--org", "o"}), 2);         // no broker
        QCOMPARE(code({"r_a", "--bootstrap", "b:1"}), 2); // no org
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--format", "xml"}), 2);
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--since", "soon"}), 2);
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--token", "t"}), 2);
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--api", "ftp://x"}), 2);
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--timeout", "0"}), 2);
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--group", ""}), 2);
        for (const char* var : {"PORT_TOKEN", "PORT_CLIENT_ID", "PORT_CLIENT_SECRET"})
            qunsetenv(var);
        QCOMPARE(code({"r_a", "--bootstrap", "b:1", "--org", "o", "--api", "http://127.0.0.1:1"}),
                 2); // no credentials for the API
        QCOMPARE(code({"--help"}), 0);
    }

    void watchValues()
    {
        const auto parsed = parseWatchArgs(argv(
            "watch", {"--bootstrap", "127.0.0.1:9092", "--org", "demo", "--from", "-5", "--count",
                      "3", "--partition", "2", "--exit-at-end", "--group", "demo.g"}));
        QVERIFY(std::holds_alternative<WatchArgs>(parsed));
        const WatchArgs& w = std::get<WatchArgs>(parsed);
        QCOMPARE(w.options.from.kind, StartPosition::Kind::Tail);
        QCOMPARE(w.options.from.value, int64_t(5));
        QCOMPARE(w.limit, 3LL);
        QCOMPARE(w.options.partition.value_or(-1), 2);
        QVERIFY(w.exitAtEnd);
        QCOMPARE(w.options.topic, std::string("demo.runs"));
        QCOMPARE(w.options.org, std::string("demo"));
        QCOMPARE(w.options.groupId, std::string("demo.g"));
        QCOMPARE(w.options.config.get("bootstrap.servers").value_or(""),
                 std::string("127.0.0.1:9092"));
        QVERIFY(!w.filter);
    }

    void watchDefaultsAndTopic()
    {
        const auto parsed =
            parseWatchArgs(argv("watch", {"--bootstrap", "b:1", "--topic", "acme.runs"}));
        QVERIFY(std::holds_alternative<WatchArgs>(parsed));
        const WatchArgs& w = std::get<WatchArgs>(parsed);
        QCOMPARE(w.options.from.kind, StartPosition::Kind::End);
        QCOMPARE(w.limit, -1LL);
        QVERIFY(!w.exitAtEnd);
        QVERIFY(!w.options.partition);
        QVERIFY(w.options.org.empty()); // derived from the topic by the watcher
    }

    void watchUsageErrors()
    {
        QCOMPARE(exitCode(parseWatchArgs(argv("watch", {"--org", "demo"}))), 2);
        QCOMPARE(exitCode(parseWatchArgs(
                     argv("watch", {"--bootstrap", "b:1", "--org", "o", "--topic", "t"}))),
                 2);
        QCOMPARE(exitCode(parseWatchArgs(
                     argv("watch", {"--bootstrap", "b:1", "--org", "o", "--count", "-1"}))),
                 2);
        QCOMPARE(exitCode(parseWatchArgs(
                     argv("watch", {"--bootstrap", "b:1", "--org", "o", "--filter", "if"}))),
                 2);
        QCOMPARE(exitCode(parseWatchArgs(argv("watch", {"stray"}))), 2);
    }

    void watchFilterThatNeverEndsIsAccepted()
    {
        // The compile check must not run the filter unbounded: this one never ends on {}.
        const auto parsed = parseWatchArgs(
            argv("watch", {"--bootstrap", "b:1", "--org", "o", "--filter", "repeat(1)"}));
        QVERIFY(std::holds_alternative<WatchArgs>(parsed));
        QCOMPARE(std::get<WatchArgs>(parsed).filter.value_or(""), std::string("repeat(1)"));
    }

    void publishValues()
    {
        const auto parsed = parsePublishArgs(
            argv("publish", {"node.json", "--bootstrap", "b:1", "--org", "acme", "--key", "k",
                             "--header", "a=b=c", "--repeat", "4", "--rate", "2.5", "--strict",
                             "--array-mode", "single", "-X", "message.timeout.ms=1000"}));
        QVERIFY(std::holds_alternative<PublishOptions>(parsed));
        const PublishOptions& p = std::get<PublishOptions>(parsed);
        QCOMPARE(p.nodeFile, QStringLiteral("node.json"));
        QCOMPARE(p.proto.topic, std::string("acme.runs"));
        QCOMPARE(p.proto.key.value_or(""), std::string("k"));
        QCOMPARE(p.proto.headers.size(), size_t(1));
        QCOMPARE(p.proto.headers[0].second, std::string("b=c"));
        QCOMPARE(p.times, 4LL);
        QVERIFY(!p.sameIds); // repeats get fresh run ids unless asked
        QCOMPARE(p.perSecond, 2.5);
        QVERIFY(p.render.strict);
        QCOMPARE(int(p.render.arrayMode), int(RenderOptions::ArrayMode::Single));
        QCOMPARE(p.render.orgId, std::string("acme"));
        // The user's -X wins over publish's default timeout.
        QCOMPARE(p.connection.config.get("message.timeout.ms").value_or(""), std::string("1000"));
    }

    void publishSameIds()
    {
        const auto parsed =
            parsePublishArgs(argv("publish", {"node.json", "--bootstrap", "b:1", "--org", "o",
                                              "--repeat", "3", "--same-ids"}));
        QVERIFY(std::holds_alternative<PublishOptions>(parsed));
        QVERIFY(std::get<PublishOptions>(parsed).sameIds);
    }

    void publishUsageErrors()
    {
        QCOMPARE(exitCode(parsePublishArgs(argv("publish", {"node.json", "--bootstrap", "b:1"}))),
                 2); // neither --org nor --topic
        QCOMPARE(exitCode(parsePublishArgs(argv("publish", {"--bootstrap", "b:1", "--org", "o"}))),
                 2); // no NODE.json
        QCOMPARE(exitCode(parsePublishArgs(argv(
                     "publish", {"n.json", "--bootstrap", "b:1", "--org", "o", "--repeat", "0"}))),
                 2);
        QCOMPARE(exitCode(parsePublishArgs(argv(
                     "publish", {"n.json", "--bootstrap", "b:1", "--org", "o", "--header", "=v"}))),
                 2);
        QCOMPARE(exitCode(parsePublishArgs(argv("publish", {"--help"}))), 0);
    }

    void reportBuildsTheRequest()
    {
        const auto parsed = parseReportArgs(
            argv("report", {"--api", "http://127.0.0.1:1", "--token", "t", "--node-run", "wfnr_1",
                            "--result", "SUCCESS", "--print-curl", "--no-history"}));
        QVERIFY(std::holds_alternative<ReportArgs>(parsed));
        const ReportArgs& r = std::get<ReportArgs>(parsed);
        QCOMPARE(r.requests.size(), 1);
        QVERIFY(r.printCurl);
        QVERIFY(!r.recordHistory);
        QCOMPARE(r.config.token, QStringLiteral("t"));
        QCOMPARE(exitCode(parseReportArgs(argv("report", {"--node-run", "wfnr_1"}))),
                 2); // no --api
    }

    void reportLogLevelsComeFromPortsList()
    {
        const auto withLog = [](const char* log) {
            return parseReportArgs(
                argv("report", {"--api", "http://127.0.0.1:1", "--token", "t", "--node-run",
                                "wfnr_1", "--log", log, "--no-history"}));
        };
        QVERIFY(std::holds_alternative<ReportArgs>(withLog("warn: slow")));
        QVERIFY(std::holds_alternative<ReportArgs>(withLog("ERROR:x")));
        QCOMPARE(exitCode(withLog("TRACE:x")), 2);
    }

    void checkConsumerSplitsAtDashes()
    {
        // The consumer's own options after "--" are its, never ours (-u, --timeout-s, -h).
        const auto parsed = parseCheckConsumerArgs(argv(
            "check-consumer", {"node.json", "--context", "a.json", "--context", "b.json", "--count",
                               "5", "--expect-output", ".ok", "--junit", "r.xml", "--", "python3",
                               "-u", "consumer.py", "--timeout-s", "1", "-h"}));
        QVERIFY(std::holds_alternative<CheckConsumerArgs>(parsed));
        const auto& a = std::get<CheckConsumerArgs>(parsed);
        QCOMPARE(a.nodeFile, QStringLiteral("node.json"));
        QCOMPARE(a.contextFiles, (QStringList{QStringLiteral("a.json"), QStringLiteral("b.json")}));
        QCOMPARE(a.count, 5);
        QCOMPARE(a.timeoutS, 60);
        QCOMPARE(a.expectResult, QStringLiteral("SUCCESS"));
        QCOMPARE(a.expectOutput, QStringLiteral(".ok"));
        QCOMPARE(a.junitFile, QStringLiteral("r.xml"));
        QCOMPARE(a.program, QStringLiteral("python3"));
        QCOMPARE(a.arguments, (QStringList{QStringLiteral("-u"), QStringLiteral("consumer.py"),
                                           QStringLiteral("--timeout-s"), QStringLiteral("1"),
                                           QStringLiteral("-h")}));
        QCOMPARE(exitCode(parseCheckConsumerArgs(argv("check-consumer", {"node.json"}))), 2);
        QCOMPARE(exitCode(parseCheckConsumerArgs(
                     argv("check-consumer", {"node.json", "--count", "0", "--", "x"}))),
                 2);
        QCOMPARE(exitCode(parseCheckConsumerArgs(argv(
                     "check-consumer", {"node.json", "--expect-result", "FAILURE", "--", "x"}))),
                 2);
        QCOMPARE(exitCode(parseCheckConsumerArgs(argv("check-consumer", {"--", "x"}))), 2);
    }

    void workflowFormsOfCheckConsumerAndRender()
    {
        const auto check = parseCheckConsumerArgs(
            argv("check-consumer", {"--workflow", "w.json", "--inputs", "i.json", "--sign", "--",
                                    "python3", "c.py"}));
        QVERIFY(std::holds_alternative<CheckConsumerArgs>(check));
        QCOMPARE(std::get<CheckConsumerArgs>(check).workflowFile, QStringLiteral("w.json"));
        QCOMPARE(std::get<CheckConsumerArgs>(check).inputsFile, QStringLiteral("i.json"));
        QVERIFY(std::get<CheckConsumerArgs>(check).nodeFile.isEmpty());
        // A node file, per-run options or --inputs alone do not go with the workflow form.
        QCOMPARE(exitCode(parseCheckConsumerArgs(
                     argv("check-consumer", {"--workflow", "w.json", "n.json", "--", "x"}))),
                 2);
        QCOMPARE(exitCode(parseCheckConsumerArgs(
                     argv("check-consumer", {"--workflow", "w.json", "--count", "2", "--", "x"}))),
                 2);
        QCOMPARE(exitCode(parseCheckConsumerArgs(
                     argv("check-consumer", {"n.json", "--inputs", "i.json", "--", "x"}))),
                 2);

        const QString run = QStringLiteral("wfr_0123456789abcdef");
        const auto render =
            parseRenderArgs(argv("render", {"--workflow", "w.json", "--node", "deploy", "--run",
                                            "wfr_0123456789abcdef", "--api", "http://127.0.0.1:9",
                                            "--client-id", "id", "--client-secret", "s"}));
        QVERIFY(std::holds_alternative<RenderArgs>(render));
        const auto& w = *std::get<RenderArgs>(render).workflow;
        QCOMPARE(w.runId.value_or(QString()), run);
        QVERIFY(w.api);
        QCOMPARE(w.api->clientId, QStringLiteral("id"));
        // --run needs --api and a wfr_ id; --api needs --run.
        QCOMPARE(exitCode(parseRenderArgs(argv("render", {"--workflow", "w.json", "--node", "d",
                                                          "--run", "wfr_0123456789abcdef"}))),
                 2);
        QCOMPARE(exitCode(parseRenderArgs(argv("render", {"--workflow", "w.json", "--node", "d",
                                                          "--run", "wfnr_0123456789abcdef", "--api",
                                                          "http://127.0.0.1:9", "--token", "t"}))),
                 2);
        QCOMPARE(
            exitCode(parseRenderArgs(argv("render", {"--workflow", "w.json", "--node", "d", "--api",
                                                     "http://127.0.0.1:9", "--token", "t"}))),
            2);
    }

    void sandboxPorts()
    {
        const auto parsed =
            parseSandboxArgs(argv("sandbox", {"--org", "demo", "--kafka-port", "9092"}));
        QVERIFY(std::holds_alternative<SandboxArgs>(parsed));
        QCOMPARE(std::get<SandboxArgs>(parsed).kafkaPort, uint16_t(9092));
        QCOMPARE(std::get<SandboxArgs>(parsed).apiPort, uint16_t(0));
        QCOMPARE(std::get<SandboxArgs>(parsed).org, QStringLiteral("demo"));
        QCOMPARE(exitCode(parseSandboxArgs(argv("sandbox", {"--api-port", "70000"}))), 2);
    }

    void renderTemplateLint()
    {
        const auto render = parseRenderArgs(
            argv("render", {"n.json", "--envelope", "e.json", "--array-mode", "single", "--org",
                            "acme", "--timeout-ms", "250", "--in-process", "--payload-only"}));
        QVERIFY(std::holds_alternative<RenderArgs>(render));
        const RenderArgs& r = std::get<RenderArgs>(render);
        QCOMPARE(r.nodeFile, QStringLiteral("n.json"));
        QVERIFY(!r.contextFile);
        QCOMPARE(r.envelopeFile.value_or(QString()), QStringLiteral("e.json"));
        QCOMPARE(int(r.options.arrayMode), int(RenderOptions::ArrayMode::Single));
        QCOMPARE(r.options.orgId, std::string("acme"));
        QCOMPARE(r.options.timeoutMs, 250);
        QCOMPARE(int(r.options.isolation), int(Isolation::InProcess));
        QVERIFY(r.payloadOnly);
        QCOMPARE(exitCode(parseRenderArgs(argv("render", {"n.json", "--timeout-ms", "0"}))), 2);

        const auto tmpl = parseTemplateArgs(argv("template", {"t.json", "--no-spread"}));
        QVERIFY(std::holds_alternative<TemplateArgs>(tmpl));
        QVERIFY(!std::get<TemplateArgs>(tmpl).settings.spreadValue);
        QCOMPARE(int(std::get<TemplateArgs>(tmpl).settings.limits.isolation), int(Isolation::Fork));
        QCOMPARE(exitCode(parseTemplateArgs(argv("template", {}))), 2);

        const auto lint = parseLintArgs(argv("lint", {"n.json", "--format", "json"}));
        QVERIFY(std::holds_alternative<LintArgs>(lint));
        QVERIFY(std::get<LintArgs>(lint).json);
        QCOMPARE(exitCode(parseLintArgs(argv("lint", {"n.json", "--format", "xml"}))), 2);
    }
};

QTEST_GUILESS_MAIN(TestCliArgs)
#include "tst_cliargs.moc"
