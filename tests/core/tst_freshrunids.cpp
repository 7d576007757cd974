// SPDX-License-Identifier: GPL-3.0-or-later
// FreshRunIds: each repeat of a publish gets run ids of its own, in Port's form, the same old id
// mapped to the same fresh one within a repeat.
#include "core/freshrunids.h"
#include "core/messagedecoder.h"

#include <QSet>
#include <QTest>

using namespace porthole;

namespace {

const std::string kMessage = R"({"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"},"payload":{)"
                             R"("run":"wfnr_8Jk2Lm4Np6Qr8St0","workflow":"wfr_4hT9xQ2mLp0aZ7Kd",)"
                             R"("classic":"r_bulk1","word":"xwfnr_8Jk2Lm4Np6Qr8St0"}})";

} // namespace

class TestFreshRunIds : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyIdIsReplacedInPortsForm()
    {
        const FreshRunIds fresh;
        const std::string out = fresh.apply(kMessage, 0);
        const RunIds ids = MessageDecoder::findIds(out);
        QVERIFY(RunId::isPortForm(ids.nodeRun.text(), RunId::Kind::NodeRun));
        QVERIFY(RunId::isPortForm(ids.workflowRun.text(), RunId::Kind::WorkflowRun));
        QVERIFY(RunId::isPortForm(ids.actionRun.text(), RunId::Kind::ActionRun));
        QVERIFY(ids.nodeRun.text() != "wfnr_8Jk2Lm4Np6Qr8St0");
        QVERIFY(ids.workflowRun.text() != "wfr_4hT9xQ2mLp0aZ7Kd");
        // The same id twice becomes the same fresh id; a glued word is no id and stays.
        const std::string node = ids.nodeRun.text();
        QCOMPARE(out.find(node, out.find(node) + 1) != std::string::npos, true);
        QVERIFY(out.find("xwfnr_8Jk2Lm4Np6Qr8St0") != std::string::npos);
        // Only the ids changed: same length for Port-form ids, the rest byte for byte.
        QCOMPARE(out.substr(0, 22), kMessage.substr(0, 22));
        QCOMPARE(out.substr(out.size() - 33), kMessage.substr(kMessage.size() - 33));
    }

    void eachRoundHasItsOwnIds()
    {
        const FreshRunIds fresh;
        QSet<QString> seen;
        for (uint64_t round = 0; round < 1000; ++round)
            seen.insert(QString::fromStdString(
                MessageDecoder::findIds(fresh.apply(kMessage, round)).nodeRun.text()));
        QCOMPARE(seen.size(), 1000);
        QVERIFY(!seen.contains(QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0")));
    }

    void aRoundIsReadTheSameTwice()
    {
        // The sandbox registers a round's ids before the session sends it: both must agree.
        const FreshRunIds fresh;
        QCOMPARE(fresh.apply(kMessage, 7), fresh.apply(kMessage, 7));
        QCOMPARE(FreshRunIds(42).apply(kMessage, 3), FreshRunIds(42).apply(kMessage, 3));
        QVERIFY(FreshRunIds(42).apply(kMessage, 3) != FreshRunIds(43).apply(kMessage, 3));
        // Two publishes (two random seeds) never share ids.
        QVERIFY(FreshRunIds().apply(kMessage, 0) != FreshRunIds().apply(kMessage, 0));
    }

    void spotsGiveWhatTheTextGives()
    {
        // find() once and fresh(spot) per round must agree with apply() and fresh(id), which
        // search the text each time: kinds, ids named twice, a hand-made id.
        const FreshRunIds fresh(7);
        const auto spots = FreshRunIds::find(kMessage);
        QCOMPARE(int(spots.size()), 4); // the glued "xwfnr_…" is no id
        for (uint64_t round = 0; round < 20; ++round) {
            const std::string out = fresh.apply(kMessage, round);
            std::string into = "left over";
            fresh.applyTo(kMessage, spots, round, &into);
            QCOMPARE(into, out);
            for (const auto& spot : spots) {
                const RunId old =
                    RunId::parse(std::string_view(kMessage).substr(spot.begin, spot.length));
                const RunId made = fresh.fresh(spot, round);
                QCOMPARE(made, fresh.fresh(old, round));
                QCOMPARE(made, RunId::parse(made.text()));
                QVERIFY(out.find(made.text()) != std::string::npos);
            }
        }
    }

    void textWithoutIdsIsUnchanged()
    {
        const FreshRunIds fresh;
        QCOMPARE(fresh.apply("", 1), std::string());
        QCOMPARE(fresh.apply(R"({"a":"wfnr_","b":"my_run_1"})", 1),
                 std::string(R"({"a":"wfnr_","b":"my_run_1"})"));
    }
};

QTEST_APPLESS_MAIN(TestFreshRunIds)
#include "tst_freshrunids.moc"
