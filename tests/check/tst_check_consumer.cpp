// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli check-consumer against real consumers (python3-kafka, curl): the seed page's
// consumer passes; consumers with the common bugs fail with the right counts and reasons; the
// JUnit report is valid XML with the shape CI systems read.
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "checkclitest.h"

using namespace checktest;

namespace {

QStringList buggy(const char* mode)
{
    return {kPython, kHere + QStringLiteral("/buggy_consumer.py"), QLatin1String(mode)};
}

} // namespace

class TestCheckConsumer : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedConsumerPasses()
    {
        QTemporaryDir dir;
        const QString junit = dir.filePath(QStringLiteral("report.xml"));
        const Result r = check({QStringLiteral("--context"), kContext, QStringLiteral("--count"),
                                QStringLiteral("3"), QStringLiteral("--timeout-s"),
                                QStringLiteral("30"), QStringLiteral("--expect-output"),
                                QStringLiteral(".processedAt | startswith(\"2024-\")"),
                                QStringLiteral("--junit"), junit},
                               {kPython, kHere + QStringLiteral("/seed_consumer.py")});
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=3 completed=3 failed=0 missing=0"));
        QCOMPARE(r.exitCode, 0);
        const QStringList lines = runLines(r);
        QCOMPARE(lines.size(), 3);
        QSet<QString> ids;
        for (const QString& line : lines) {
            // Fresh ids per run, the timings of a real report, and nothing refused.
            QVERIFY2(
                QRegularExpression(
                    QStringLiteral(
                        "^run \\d/3 (wfnr_[A-Za-z0-9]{16}) COMPLETED SUCCESS first-report=\\d+ms "
                        "completed=\\d+ms: ok$"))
                    .match(line)
                    .hasMatch(),
                qPrintable(line));
            ids.insert(line.section(QLatin1Char(' '), 2, 2));
        }
        QCOMPARE(ids.size(), 3);
        QVERIFY(!ids.contains(QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0"))); // the context's own id
        QVERIFY(r.err.contains(QStringLiteral("joined group sandbox.check-")));
        QProcess v;
        v.start(kPython, {kHere + QStringLiteral("/validate_junit.py"), junit, QStringLiteral("3"),
                          QStringLiteral("0"), QStringLiteral("0")});
        QVERIFY(v.waitForFinished(10000));
        QVERIFY2(v.exitCode() == 0, v.readAll().constData());
    }

    void neverReportingConsumerMisses()
    {
        QTemporaryDir dir;
        const QString junit = dir.filePath(QStringLiteral("report.xml"));
        const Result r =
            check({QStringLiteral("--count"), QStringLiteral("2"), QStringLiteral("--timeout-s"),
                   QStringLiteral("6"), QStringLiteral("--junit"), junit},
                  buggy("never-report"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=2 completed=0 failed=0 missing=2"));
        QCOMPARE(r.exitCode, 1);
        for (const QString& line : runLines(r))
            QVERIFY2(line.contains(QStringLiteral("MISSING - first-report=- completed=-: missing: "
                                                  "consumed but never reported")),
                     qPrintable(line));
        // Its own output is shown on failure.
        QVERIFY(r.err.contains(QStringLiteral("| received wfnr_")));
        QProcess v;
        v.start(kPython, {kHere + QStringLiteral("/validate_junit.py"), junit, QStringLiteral("2"),
                          QStringLiteral("0"), QStringLiteral("2")});
        QVERIFY(v.waitForFinished(10000));
        QVERIFY2(v.exitCode() == 0, v.readAll().constData());
    }

    // Each run's 422 settles its verdict, so the check ends as soon as both are refused, long
    // before --timeout-s (90 s here: only a hang would reach it).
    void failureOnWorkflowRouteFails()
    {
        const Result r = check({QStringLiteral("--count"), QStringLiteral("2"),
                                QStringLiteral("--timeout-s"), QStringLiteral("90")},
                               buggy("failure-route"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=2 completed=0 failed=2 missing=0"));
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.ms < 90000, "the check waited for its whole timeout");
        QVERIFY(r.err.contains(QStringLiteral("every run's verdict is known after ")));
        QVERIFY(!r.err.contains(QStringLiteral("time is up")));
        for (const QString& line : runLines(r)) {
            QVERIFY2(line.contains(QStringLiteral(" IN_PROGRESS - first-report=")),
                     qPrintable(line));
            QVERIFY2(line.contains(QStringLiteral("failed: sent result FAILURE to the workflow "
                                                  "route (PATCH /v1/workflows/nodes/runs/wfnr_")),
                     qPrintable(line));
            QVERIFY2(line.contains(QStringLiteral("→ 422); workflow node runs take status "
                                                  "COMPLETED with result FAILED")),
                     qPrintable(line));
        }
    }

    void consumerCrashingAtStartFails()
    {
        const Result r = check({QStringLiteral("--count"), QStringLiteral("2")}, buggy("crash"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=2 completed=0 failed=0 missing=2"));
        QCOMPARE(r.exitCode, 1);
        for (const QString& line : runLines(r))
            QVERIFY2(line.contains(QStringLiteral("missing: never reported: the consumer exited "
                                                  "with code 2 before it joined group")),
                     qPrintable(line));
        QVERIFY(r.err.contains(QStringLiteral("| consumer: cannot load config.yaml")));
        QVERIFY2(r.ms < 20000, "a crashed consumer must not make the check wait for --timeout-s");
    }

    void environmentIsGivenAndSecretScrubbed()
    {
        // A "consumer" that prints its connection and exits: the check fails (never joined)
        // and shows the output, where the check's client secret must not appear.
        const Result r = check({}, {QStringLiteral("/bin/sh"), QStringLiteral("-c"),
                                    QStringLiteral("env | grep -E '^(KAFKA|PORT)_' | sort")});
        QCOMPARE(r.exitCode, 1);
        for (const char* expected :
             {"| KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:",
              "| KAFKA_CONSUMER_BOOTSTRAP_SERVERS=127.0.0.1:",
              "| KAFKA_CONSUMER_GROUP_ID=sandbox.check-",
              "| KAFKA_CONSUMER_SECURITY_PROTOCOL=plaintext", "| KAFKA_GROUP_ID=sandbox.check-",
              "| KAFKA_TOPIC=sandbox.runs",
              "| PORT_API_BASE_URL=http://127.0.0.1:", "| PORT_CLIENT_ID=porthole-check",
              "| PORT_CLIENT_SECRET=<redacted>", "| PORT_ORG_ID=sandbox"})
            QVERIFY2(r.err.contains(QLatin1String(expected)), expected);
        QVERIFY(!r.err.contains(QStringLiteral("PORT_TOKEN")));
    }

    void signedMessagesVerifyLikePortsAgent()
    {
        const QStringList consumer{kPython, kHere + QStringLiteral("/verifying_consumer.py")};
        const Result signedRuns =
            check({QStringLiteral("--sign"), QStringLiteral("--count"), QStringLiteral("2"),
                   QStringLiteral("--expect-output"), QStringLiteral(".signature == \"valid\"")},
                  consumer);
        QCOMPARE(summary(signedRuns),
                 QStringLiteral("check-consumer: runs=2 completed=2 failed=0 missing=0"));
        QCOMPARE(signedRuns.exitCode, 0);
        // Unsigned, the same consumer refuses them: FAILED is what this check then expects.
        const Result unsigned_ =
            check({QStringLiteral("--expect-result"), QStringLiteral("FAILED"),
                   QStringLiteral("--expect-output"),
                   QStringLiteral(".signature == \"Could not find the required headers\"")},
                  consumer);
        QCOMPARE(summary(unsigned_),
                 QStringLiteral("check-consumer: runs=1 completed=1 failed=0 missing=0"));
        QCOMPARE(unsigned_.exitCode, 0);
    }

    void commandThatCannotStartExits3()
    {
        const Result r = check({}, {QStringLiteral("/nonexistent/consumer")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY(r.err.contains(QStringLiteral("porthole-cli: check-consumer: cannot start "
                                              "/nonexistent/consumer")));
    }

    void mixedBugsAreExplained()
    {
        const Result r = check({QStringLiteral("--count"), QStringLiteral("4"),
                                QStringLiteral("--timeout-s"), QStringLiteral("4")},
                               buggy("mixed"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=4 completed=0 failed=3 missing=1"));
        const QString all = runLines(r).join(QLatin1Char('\n'));
        QVERIFY(all.contains(QStringLiteral("reported COMPLETED 2 times")));
        QVERIFY(all.contains(QStringLiteral("reported COMPLETED without a result")));
        QVERIFY(all.contains(QStringLiteral("Port refuses bodies over 1 MiB")));
        QVERIFY(all.contains(QStringLiteral("consumed but never reported")));
        QVERIFY(r.err.contains(
            QStringLiteral("reported for a run the API does not know (PATCH "
                           "/v1/workflows/nodes/runs/wfnr_0000000000000000 → 404)")));
    }

    // --rate paces the runs and adds the latency percentiles and the sustained rate.
    void pacedRunsGiveLatencyPercentiles()
    {
        const Result r = check(
            {QStringLiteral("--count"), QStringLiteral("30"), QStringLiteral("--rate"),
             QStringLiteral("15"), QStringLiteral("--timeout-s"), QStringLiteral("20")},
            {kPython, kHere + QStringLiteral("/fault_consumer.py"), QStringLiteral("robust")});
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=30 completed=30 failed=0 missing=0"));
        QCOMPARE(r.exitCode, 0);
        static const QRegularExpression latency(
            QStringLiteral(
                "^latency: first-report p50=(\\d+)ms p95=(\\d+)ms p99=(\\d+)ms; completed "
                "p50=(\\d+)ms p95=(\\d+)ms p99=(\\d+)ms; sustained ([\\d.]+) runs/s \\(30 "
                "completed in ([\\d.]+) s\\)$"),
            QRegularExpression::MultilineOption);
        const auto m = latency.match(r.out);
        QVERIFY2(m.hasMatch(), qPrintable(r.out));
        QVERIFY(m.captured(1).toInt() <= m.captured(2).toInt());
        QVERIFY(m.captured(2).toInt() <= m.captured(3).toInt());
        QVERIFY(m.captured(4).toInt() <= m.captured(6).toInt());
        // Paced at 15/s, 30 runs take at least ~2 s to go out: no run can be done sooner.
        QVERIFY2(m.captured(8).toDouble() >= 1.9, qPrintable(m.captured(8)));
        QVERIFY(m.captured(7).toDouble() > 0 && m.captured(7).toDouble() <= 16);
    }

    void usageErrors()
    {
        QProcess p;
        p.start(kCli, {QStringLiteral("check-consumer"), kNode});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("give the consumer's command after --"));
        p.start(kCli, {QStringLiteral("check-consumer"), kNode, QStringLiteral("--expect-result"),
                       QStringLiteral("FAILURE"), QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("workflow node runs use FAILED"));
    }
};

QTEST_GUILESS_MAIN(TestCheckConsumer)
#include "tst_check_consumer.moc"
