// SPDX-License-Identifier: GPL-3.0-or-later
// check-consumer --faults rebalance on a real Kafka broker (the sandbox's mock broker cannot
// rebalance a group of two: CheckFaults::rebalanceNeedsBroker). A second copy of the consumer
// joins halfway; one that commits as it goes passes, one that never commits processes runs
// twice across the two copies and is told so.
#include "brokerenv.h"

#include <QRegularExpression>
#include <QTest>

using porthole::test::BrokerEnv;
using porthole::test::ProcessResult;

class TestRealBrokerRebalance : public QObject
{
    Q_OBJECT

    BrokerEnv m_env;

    ProcessResult check(const char* mode)
    {
        const ProcessResult r = BrokerEnv::run(
            QStringLiteral(PORTHOLE_CLI),
            {QStringLiteral("check-consumer"),
             QStringLiteral(PORTHOLE_SOURCE_DIR
                            "/resources/examples/nodes/basic-publish-event.json"),
             QStringLiteral("--faults"), QStringLiteral("rebalance"), QStringLiteral("--broker"),
             m_env.value(QStringLiteral("KAFKA_BOOTSTRAP")), QStringLiteral("--org"),
             m_env.value(QStringLiteral("KAFKA_ORG")), QStringLiteral("--count"),
             QStringLiteral("6"), QStringLiteral("--timeout-s"), QStringLiteral("30"),
             QStringLiteral("--"), QStringLiteral("/usr/bin/python3"),
             QStringLiteral(PORTHOLE_CHECK_TEST_DIR "/fault_consumer.py"), QLatin1String(mode)},
            QProcessEnvironment::systemEnvironment(), 180000);
        qInfo().noquote() << "check-consumer" << mode << "took" << r.elapsedMs << "ms, exit"
                          << r.exitCode << "\n"
                          << r.out << r.err;
        return r;
    }

    static QString faultLine(const ProcessResult& r)
    {
        const QStringList lines =
            QString::fromUtf8(r.out)
                .split(QLatin1Char('\n'))
                .filter(QRegularExpression(QStringLiteral("^fault rebalance:")));
        return lines.value(0);
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_env.load(), qPrintable(m_env.error())); }

    void committingConsumerPasses()
    {
        const ProcessResult r = check("robust");
        QCOMPARE(faultLine(r),
                 QStringLiteral("fault rebalance: runs=6 completed=6 failed=0 missing=0"));
        QVERIFY(r.err.contains("a second copy of the consumer joins group"));
        QCOMPARE(r.exitCode, 0);
    }

    void consumerThatNeverCommitsProcessesTwice()
    {
        const ProcessResult r = check("nocommit");
        const QString line = faultLine(r);
        QVERIFY2(line.contains(QStringLiteral("processed twice across replicas")),
                 qPrintable(line));
        QCOMPARE(r.exitCode, 1);
    }
};

QTEST_GUILESS_MAIN(TestRealBrokerRebalance)
#include "tst_realbroker_rebalance.moc"
