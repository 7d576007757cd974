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
