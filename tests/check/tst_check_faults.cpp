// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli check-consumer --faults against real consumers (python3-kafka): a robust one
// (retries 5xx and 429 after Retry-After, reports each run once) passes every round; a naive one
// (one attempt, no de-duplication) fails api-5xx and redeliver with the reason named; one that
// retries a 429 at once is caught; the JUnit file has a suite per fault, a testcase per run.
#include "checkclitest.h"

using namespace checktest;

namespace {

QStringList consumer(const char* mode)
{
    return {kPython, kHere + QStringLiteral("/fault_consumer.py"), QLatin1String(mode)};
}

QString faultLine(const Result& r, const QString& fault)
{
    const QStringList lines =
        r.out.split(QLatin1Char('\n'))
            .filter(QRegularExpression(QStringLiteral("^fault ") + fault + QLatin1Char(':')));
    return lines.size() == 1 ? lines.first() : QString();
}

QStringList options(const QString& faults, const QString& junit, int count = 2)
{
    return {QStringLiteral("--faults"),    faults,
            QStringLiteral("--count"),     QString::number(count),
            QStringLiteral("--timeout-s"), QStringLiteral("15"),
            QStringLiteral("--junit"),     junit};
}

} // namespace

class TestCheckFaults : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void robustConsumerPassesEveryFault()
    {
        QTemporaryDir dir;
        const QString junit = dir.filePath(QStringLiteral("faults.xml"));
        const Result r =
            check(options(QStringLiteral("redeliver,api-5xx,api-429,broker-restart"), junit, 3),
                  consumer("robust"));
        for (const char* fault : {"redeliver", "api-5xx", "api-429", "broker-restart"})
            QCOMPARE(faultLine(r, QLatin1String(fault)),
                     QStringLiteral("fault %1: runs=3 completed=3 failed=0 missing=0")
                         .arg(QLatin1String(fault)));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=12 completed=12 failed=0 missing=0"));
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(runLines(r).size(), 12);
        // Each round has its own run ids.
        QSet<QString> ids;
        for (const QString& line : runLines(r))
            ids.insert(line.section(QLatin1Char(' '), 2, 2));
        QCOMPARE(ids.size(), 12);
        // The faults happened: a redelivery skipped, a 503 and a 429 retried, the broker back.
        QVERIFY(r.err.contains(QStringLiteral("broker-restart: the broker is back")));
        const QByteArray problems = junitProblems(junit, 12, 0, 0, 4);
        QVERIFY2(problems.isEmpty(), problems.constData());
    }

    void naiveConsumerFailsWithTheReasonNamed()
    {
        QTemporaryDir dir;
        const QString junit = dir.filePath(QStringLiteral("faults.xml"));
        const Result r =
            check(options(QStringLiteral("api-5xx,redeliver"), junit), consumer("naive"));
        const QString api5xx = faultLine(r, QStringLiteral("api-5xx"));
        QVERIFY2(api5xx.startsWith(QStringLiteral("fault api-5xx: runs=2 completed=0 failed=2 "
                                                  "missing=0: run 1: gave up after a 503 (no "
                                                  "retry)")),
                 qPrintable(api5xx));
        const QString redeliver = faultLine(r, QStringLiteral("redeliver"));
        QVERIFY2(redeliver.startsWith(QStringLiteral("fault redeliver: runs=2 completed=0 "
                                                     "failed=2 missing=0: run 1: reported twice "
                                                     "after a redelivery")),
                 qPrintable(redeliver));
        // The rounds' lines come before the summary of all runs, in the order given.
        QVERIFY(r.out.indexOf(api5xx) < r.out.indexOf(redeliver));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=4 completed=0 failed=4 missing=0"));
        QCOMPARE(r.exitCode, 1);
        // Two faults at once: a testsuite per fault, a testcase per run per fault.
        const QByteArray problems = junitProblems(junit, 4, 4, 0, 2);
        QVERIFY2(problems.isEmpty(), problems.constData());
    }

    void retryBeforeRetryAfterIsCaught()
    {
        QTemporaryDir dir;
        const Result r =
            check(options(QStringLiteral("api-429"), dir.filePath(QStringLiteral("x.xml")), 1),
                  consumer("eager"));
        const QString line = faultLine(r, QStringLiteral("api-429"));
        QVERIFY2(line.startsWith(QStringLiteral("fault api-429: runs=1 completed=0 failed=1 "
                                                "missing=0: run 1: retried before Retry-After")),
                 qPrintable(line));
        QCOMPARE(r.exitCode, 1);
    }

    // librdkafka 2.0.2's mock broker answers a second member's late SyncGroup with
    // INVALID_REQUEST: the round says so instead of blaming the consumer (tests/realbroker's
    // tst_realbroker_rebalance runs it on a real broker).
    void rebalanceWithoutABrokerSaysWhy()
    {
        QTemporaryDir dir;
        const Result r =
            check(options(QStringLiteral("rebalance"), dir.filePath(QStringLiteral("x.xml"))),
                  consumer("robust"));
        const QString line = faultLine(r, QStringLiteral("rebalance"));
        QVERIFY2(line.contains(QStringLiteral("needs a real Kafka broker (check-consumer --broker "
                                              "HOST:PORT)")),
                 qPrintable(line));
        QCOMPARE(r.exitCode, 3);
    }

    void unknownFaultIsAUsageError()
    {
        QProcess p;
        p.start(kCli,
                {QStringLiteral("check-consumer"), kNode, QStringLiteral("--faults"),
                 QStringLiteral("redeliver,bogus"), QStringLiteral("--"), QStringLiteral("true")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--faults: unknown fault 'bogus' (known: "
                                                  "redeliver, api-5xx, api-429"));
    }
};

QTEST_GUILESS_MAIN(TestCheckFaults)
#include "tst_check_faults.moc"
