// SPDX-License-Identifier: GPL-3.0-or-later
// PublishSession's messages without a broker: with --repeat every round carries fresh run ids
// (and the signature follows them), unless the plan keeps the same ids.
#include "core/messagedecoder.h"
#include "core/portsignature.h"
#include "kafka/publishsession.h"

#include <QSet>
#include <QTest>

#include <ctime>

using namespace porthole;

namespace {

// Two messages of one run, as an array payload renders them.
PublishPlan plan(long long times, bool sameIds, bool sign)
{
    PublishPlan p;
    p.values = {R"({"headers":{},"payload":{"n":1},"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"}})",
                R"({"headers":{},"payload":{"n":2},"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"}})"};
    p.times = times;
    p.sameRunIds = sameIds;
    if (sign)
        p.signingSecret = "s3cret";
    return p;
}

std::string nodeRun(const std::string& value)
{
    return MessageDecoder::findIds(value).nodeRun.text();
}

} // namespace

class TestPublishSession : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void repeatsGetFreshIdsAndStaySigned()
    {
        PublishSession session(plan(3, false, true));
        std::string error;
        QVERIFY2(session.prepare(&error), error.c_str());
        QVERIFY(session.freshRunIds());
        QCOMPARE(session.total(), uint64_t(6));
        const int64_t now = int64_t(std::time(nullptr));
        QSet<QString> rounds;
        for (uint64_t n = 0; n < session.total(); ++n) {
            const std::string sent = session.valueAt(n, now);
            const std::string id = nodeRun(sent);
            QVERIFY(RunId::isPortForm(id, RunId::Kind::NodeRun));
            // A round's two messages are one run; what the sandbox registers is what is sent.
            QCOMPARE(id, nodeRun(session.valueAt(n - n % 2, now)));
            QCOMPARE(id, nodeRun(session.unsignedValueAt(n)));
            rounds.insert(QString::fromStdString(id));
            const auto check = PortSignature::verify(sent, "s3cret", double(now));
            QVERIFY2(check.status == PortSignature::Status::Valid, check.reason.c_str());
        }
        QCOMPARE(rounds.size(), 3);
        QVERIFY(!rounds.contains(QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0")));
    }

    void sameIdsAndSingleRunsKeepTheirIds()
    {
        for (const auto& [times, same] : {std::pair{3LL, true}, std::pair{1LL, false}}) {
            PublishSession session(plan(times, same, false));
            QVERIFY(!session.freshRunIds());
            for (uint64_t n = 0; n < session.total(); ++n)
                QCOMPARE(nodeRun(session.valueAt(n, 0)), std::string("wfnr_8Jk2Lm4Np6Qr8St0"));
        }
    }

    void runIdsAtReadsWhatIsSent()
    {
        // runIdsAt() answers without building the message; it must name the ids findIds reads
        // from the message itself, for every round: hand-made (unusual) ids before Port's,
        // several of one kind, none at all, an id glued to a word (no id).
        PublishPlan p;
        p.values = {R"({"a":"r_bulk1","b":"r_8Jk2Lm4Np6Qr8St0","c":"wfr_4hT9xQ2mLp0aZ7Kd"})",
                    R"({"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"},"x":"wfnr_other0001"})",
                    R"({"payload":{"word":"xwfnr_8Jk2Lm4Np6Qr8St0","n":1}})",
                    R"({"w":"wfr_small","n":"wfnr_8Jk2Lm4Np6Qr8St0","w2":"wfr_4hT9xQ2mLp0aZ7Kd"})"};
        for (const bool same : {false, true}) {
            p.times = 50;
            p.sameRunIds = same;
            const PublishSession session(p);
            QCOMPARE(session.freshRunIds(), !same);
            for (uint64_t n = 0; n < session.total(); ++n) {
                RunIds read = MessageDecoder::findIds(session.unsignedValueAt(n));
                for (const auto kind :
                     {RunId::Kind::WorkflowRun, RunId::Kind::NodeRun, RunId::Kind::ActionRun}) {
                    const RunId told = session.runIdAt(n, kind);
                    QCOMPARE(told.text(), read.of(kind).text());
                    QCOMPARE(told.isUnusual(), read.of(kind).isUnusual());
                }
                // The delivery report's run: node run, else action run, else workflow run,
                // appended after what is there already.
                std::string want;
                for (const auto kind :
                     {RunId::Kind::NodeRun, RunId::Kind::ActionRun, RunId::Kind::WorkflowRun})
                    if (want.empty())
                        want = read.of(kind).text();
                std::string line = "prefix:";
                QCOMPARE(session.appendReportRunId(n, &line), !want.empty());
                QCOMPARE(line, "prefix:" + want);
            }
            QVERIFY(session.runIdAt(session.total(), RunId::Kind::NodeRun).isNull());
            std::string none;
            QVERIFY(!session.appendReportRunId(session.total(), &none));
            QVERIFY(none.empty());
        }
        // A fresh round really changed the ids it reports.
        p.sameRunIds = false;
        const PublishSession session(p);
        const RunId node = session.runIdAt(1, RunId::Kind::NodeRun);
        QVERIFY(!node.isNull());
        QVERIFY(node.text() != "wfnr_8Jk2Lm4Np6Qr8St0");
        QVERIFY(session.runIdAt(2, RunId::Kind::NodeRun).isNull());
    }

    void replayNeverChangesIds()
    {
        PublishPlan p = plan(2, false, false);
        p.messages.resize(1);
        const PublishSession session(p);
        QVERIFY(session.isReplay());
        QVERIFY(!session.freshRunIds());
    }
};

QTEST_APPLESS_MAIN(TestPublishSession)
#include "tst_publishsession.moc"
