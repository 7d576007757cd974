// SPDX-License-Identifier: GPL-3.0-or-later
// Consumers that misbehave towards the check itself must not take it down: one that floods the
// local API with ~1,000 calls a second, one that sends 3 MiB bodies and prints 3 MiB, one that
// ignores SIGTERM. The check stops each (killing the deaf one after its grace) and still prints
// every run's verdict and its summary.
#include "checkclitest.h"

using namespace checktest;

namespace {

QStringList hostile(const char* mode)
{
    return {kPython, kHere + QStringLiteral("/hostile_consumer.py"), QLatin1String(mode)};
}

const QStringList kOptions = {QStringLiteral("--count"), QStringLiteral("2"),
                              QStringLiteral("--timeout-s"), QStringLiteral("20")};

} // namespace

class TestCheckBadInput : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void floodingConsumerIsStillJudged()
    {
        const Result r = check(kOptions, hostile("flood"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=2 completed=2 failed=0 missing=0"));
        QCOMPARE(runLines(r).size(), 2);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.ms < 60000, qPrintable(QString::number(r.ms)));
    }

    void hugeBodiesAndOutputAreRefusedAndCut()
    {
        // Its runs never complete: a short wait is enough to see every refusal.
        const Result r = check({QStringLiteral("--count"), QStringLiteral("2"),
                                QStringLiteral("--timeout-s"), QStringLiteral("6")},
                               hostile("huge"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=2 completed=0 failed=2 missing=0"));
        const QStringList lines = runLines(r);
        QCOMPARE(lines.size(), 2);
        for (const QString& line : lines)
            QVERIFY2(line.contains(QStringLiteral("Port refuses bodies over 1 MiB")),
                     qPrintable(line));
        QCOMPARE(r.exitCode, 1);
        // The consumer's 3 MiB lines are shown cut: a CI log gets its end, not megabytes.
        QVERIFY2(r.err.size() < 64 * 1024, qPrintable(QString::number(r.err.size())));
        QVERIFY(r.err.contains(QStringLiteral("characters cut")));
    }

    void consumerIgnoringSigtermIsKilledAfterItsGrace()
    {
        const Result r = check(kOptions, hostile("deaf"));
        QCOMPARE(summary(r),
                 QStringLiteral("check-consumer: runs=2 completed=2 failed=0 missing=0"));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.contains(QStringLiteral("ignored SIGTERM for 3 s and was killed")),
                 qPrintable(r.err));
        QVERIFY2(r.ms < 60000, qPrintable(QString::number(r.ms)));
    }
};

QTEST_GUILESS_MAIN(TestCheckBadInput)
#include "tst_check_badinput.moc"
