// SPDX-License-Identifier: GPL-3.0-or-later
// RunScan and GroupOffsets against the sandbox broker (librdkafka's mock cluster) with real
// peers: kcat publishes, python3-kafka commits a group's offsets as a consumer would.
#include "kafka/groupoffsets.h"
#include "kafka/runscan.h"
#include "kafka/sandboxbroker.h"

#include "kafkatesttools.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTest>

using namespace porthole;
using namespace porthole::test;

namespace {
const char* kNode1 = "wfnr_Aaaaaaaaaaaaaaa1";
const char* kNode2 = "wfnr_Bbbbbbbbbbbbbbb2";
const char* kRun = "wfr_Ccccccccccccccc3";
const char* kAction = "r_Ddddddddddddddd4";
const QString kTopic = QStringLiteral("acme.runs");
} // namespace

class TestRunScan : public QObject
{
    Q_OBJECT
    SandboxBroker m_broker;

    KafkaConfig config() const
    {
        KafkaConfig c;
        c.set("bootstrap.servers", m_broker.bootstrap());
        return c;
    }
    QString bootstrap() const { return QString::fromStdString(m_broker.bootstrap()); }
    RunScanOptions scan(const std::string& id) const
    {
        RunScanOptions o;
        o.config = config();
        o.topic = "acme.runs";
        o.runId = id;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        QVERIFY2(m_broker.start("acme", 0, &error), error.c_str());
        // Partition 0: filler, node 1, filler, node 2, an action run; partition 2: filler.
        QByteArray p0;
        for (int i = 0; i < 50; ++i)
            p0 += "k\t{\"n\":" + QByteArray::number(i) + "}\n";
        p0 += QByteArray("k\t{\"context\":{\"runId\":\"") + kNode1 + "\"},\"workflowRun\":\"" +
              kRun + "\"}\n";
        p0 += "k\t{\"n\":\"wf" + QByteArray(kAction) + "\"}\n"; // r_… glued inside wfr_…
        p0 += QByteArray("k\t{\"context\":{\"runId\":\"") + kNode2 + "\"},\"workflowRun\":\"" +
              kRun + "\"}\n";
        p0 += QByteArray("k\t{\"context\":{\"runId\":\"") + kAction + "\"}}\n";
        QCOMPARE(kcatProduce(bootstrap(), kTopic, p0, {QStringLiteral("-p"), QStringLiteral("0")})
                     .exitCode,
                 0);
        QByteArray p2;
        for (int i = 0; i < 30; ++i)
            p2 += "k\t{\"other\":" + QByteArray::number(i) + "}\n";
        QCOMPARE(kcatProduce(bootstrap(), kTopic, p2, {QStringLiteral("-p"), QStringLiteral("2")})
                     .exitCode,
                 0);
    }

    void namesMatchesWholeIdsOnly()
    {
        QVERIFY(RunScan::names("{\"id\":\"r_Ddddddddddddddd4\"}", "r_Ddddddddddddddd4"));
        QVERIFY(!RunScan::names("wfr_Ddddddddddddddd4", "r_Ddddddddddddddd4"));
        QVERIFY(!RunScan::names("xr_Ddddddddddddddd4", "r_Ddddddddddddddd4"));
        QVERIFY(!RunScan::names("r_Ddddddddddddddd45", "r_Ddddddddddddddd4"));
        QVERIFY(RunScan::names("wfr_Ddddddddddddddd4 r_Ddddddddddddddd4.", "r_Ddddddddddddddd4"));
        QVERIFY(!RunScan::names("anything", ""));
    }

    void findsANodeRunAndReportsProgress()
    {
        std::string error;
        std::vector<RunScanProgress> seen;
        const auto r = RunScan::run(
            scan(kNode2), [&](const RunScanProgress& p) { seen.push_back(p); }, nullptr, &error);
        QVERIFY2(r, error.c_str());
        QCOMPARE(r->messages.size(), size_t(1));
        QCOMPARE(r->messages[0].partition, 0);
        QCOMPARE(r->messages[0].offset, qint64(52));
        QVERIFY(r->messages[0].timestamp > 0);
        QCOMPARE(r->scanned, qint64(84));
        QCOMPARE(r->ends.at(0), qint64(54));
        QCOMPARE(r->ends.at(1), qint64(0));
        QVERIFY(!seen.empty());
        QCOMPARE(seen.back().scanned, qint64(84));
        QCOMPARE(seen.back().partitionsLeft, 0);
        QCOMPARE(seen.back().partitions, 3);
    }

    void aWorkflowRunFindsItsNodeRunsAndAnActionRunItsOwn()
    {
        std::string error;
        const auto wf = RunScan::run(scan(kRun), {}, nullptr, &error);
        QVERIFY2(wf, error.c_str());
        QCOMPARE(wf->messages.size(), size_t(2));
        QCOMPARE(wf->messages[0].offset, qint64(50));
        QCOMPARE(wf->messages[1].offset, qint64(52));
        const auto action = RunScan::run(scan(kAction), {}, nullptr, &error);
        QVERIFY2(action, error.c_str());
        QCOMPARE(action->messages.size(), size_t(1)); // not the glued "wfr_…" one
        QCOMPARE(action->messages[0].offset, qint64(53));
    }

    void aTimeAfterEveryMessageFindsNothingAndEnds()
    {
        RunScanOptions o = scan(kNode1);
        o.sinceMs = QDateTime::currentMSecsSinceEpoch() + 60000;
        std::string error;
        QElapsedTimer clock;
        clock.start();
        const auto r = RunScan::run(o, {}, nullptr, &error);
        QVERIFY2(r, error.c_str());
        QVERIFY(r->messages.empty());
        QCOMPARE(r->scanned, qint64(0));
        QVERIFY2(clock.elapsed() < 10000, QByteArray::number(clock.elapsed()).constData());
    }

    void cancelStopsTheScan()
    {
        std::atomic<bool> cancel{true};
        std::string error;
        const auto r = RunScan::run(scan(kNode1), {}, &cancel, &error);
        QVERIFY2(r, error.c_str());
        QVERIFY(r->cancelled);
    }

    void anUnreachableBrokerFailsSoon()
    {
        QTcpServer reserve; // a port nobody answers on once closed
        QVERIFY(reserve.listen(QHostAddress::LocalHost));
        const quint16 port = reserve.serverPort();
        reserve.close();
        RunScanOptions o = scan(kNode1);
        o.config.set("bootstrap.servers", "127.0.0.1:" + std::to_string(port));
        o.connectTimeoutMs = 2000;
        std::string error;
        RunScan::Failure why = RunScan::Failure::None;
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!RunScan::run(o, {}, nullptr, &error, &why));
        QCOMPARE(why, RunScan::Failure::Unreachable);
        QVERIFY2(clock.elapsed() < 8000, QByteArray::number(clock.elapsed()).constData());
        QVERIFY(!error.empty());
    }

    void groupOffsetsLagAndListingOnTheSandbox()
    {
        const Finished commit = run(QStringLiteral("/usr/bin/python3"),
                                    {QStringLiteral(PORTHOLE_KAFKA_TEST_DIR "/commit_offsets.py"),
                                     bootstrap(), QStringLiteral("acme.runs"),
                                     QStringLiteral("acme.worker"), QStringLiteral("0=51")});
        QVERIFY2(commit.exitCode == 0, commit.err.constData());
        std::string error;
        auto groups = GroupOffsets::create(config(), &error);
        QVERIFY2(groups, error.c_str());
        // The mock cluster has no ListGroups: the reason is said, nothing is made up.
        const GroupListing listing = groups->list("acme.");
        QVERIFY(listing.groups.empty());
        QVERIFY2(listing.unavailable.find("ListGroups") != std::string::npos,
                 listing.unavailable.c_str());
        const auto committed = groups->committed("acme.worker", "acme.runs", {0, 1, 2}, &error);
        QVERIFY2(committed, error.c_str());
        QCOMPARE(committed->at(0), qint64(51));
        QCOMPARE(committed->at(1), qint64(-1));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const auto pos = groups->positions("acme.worker", "acme.runs", {0, 2}, now, &error);
        QVERIFY2(pos, error.c_str());
        QCOMPARE(pos->size(), size_t(2));
        QCOMPARE((*pos)[0].end, qint64(54));
        QCOMPARE((*pos)[0].lag, qint64(3));
        QVERIFY((*pos)[0].oldestWaitingS);
        QVERIFY(*(*pos)[0].oldestWaitingS >= 0 && *(*pos)[0].oldestWaitingS < 120);
        QCOMPARE((*pos)[1].committed, qint64(-1));
        QCOMPARE((*pos)[1].lag, qint64(-1));
        QVERIFY(!(*pos)[1].oldestWaitingS);
        // Reading never commits: a group nobody used still has no offsets.
        const auto none = groups->committed("acme.nobody", "acme.runs", {0}, &error);
        QVERIFY2(none, error.c_str());
        QCOMPARE(none->at(0), qint64(-1));
        // The scan's own group never got offsets either.
        const auto inspector =
            groups->committed("acme.porthole-inspector", "acme.runs", {0, 1, 2}, &error);
        QVERIFY2(inspector, error.c_str());
        for (const auto& [p, o] : *inspector)
            QCOMPARE(o, qint64(-1));
    }
};

QTEST_GUILESS_MAIN(TestRunScan)
#include "tst_runscan.moc"
