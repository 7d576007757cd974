// SPDX-License-Identifier: GPL-3.0-or-later
// StartPlan: the offsets a watcher assigns for each start position, from the ends of each
// partition's log, and what the broker had already dropped (no broker needed).
#include "kafka/startplan.h"

#include <QTest>

using namespace porthole;

namespace {

using Assign = std::vector<std::pair<int32_t, int64_t>>;
using Dropped = std::map<int32_t, std::pair<int64_t, int64_t>>;

StartPosition at(StartPosition::Kind kind, int64_t value = 0)
{
    StartPosition p;
    p.kind = kind;
    p.value = value;
    return p;
}

} // namespace

class TestStartPlan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void beginningIsEachLogsStart()
    {
        // Partition 1's log starts at 5: its first five messages are gone, and reading starts
        // at a real offset (fetchable at once), not at the logical BEGINNING.
        const StartPlan plan(at(StartPosition::Kind::Beginning), {0, 1}, {{0, 0}, {1, 5}},
                             {{0, 10}, {1, 20}});
        QCOMPARE(plan.assignments(), (Assign{{0, 0}, {1, 5}}));
        QCOMPARE(plan.dropped(), (Dropped{{1, {0, 5}}}));
    }

    void unknownEndsFallBackToLogicalOffsets()
    {
        const StartPlan beginning(at(StartPosition::Kind::Beginning), {0, 1}, {}, {});
        QCOMPARE(beginning.assignments(),
                 (Assign{{0, StartPlan::kBeginning}, {1, StartPlan::kBeginning}}));
        QVERIFY(beginning.dropped().empty());
        const StartPlan end(at(StartPosition::Kind::End), {2}, {{2, 0}}, {});
        QCOMPARE(end.assignments(), (Assign{{2, StartPlan::kEnd}}));
        const StartPlan tail(at(StartPosition::Kind::Tail, 5), {0}, {{0, 0}}, {});
        QCOMPARE(tail.assignments(), (Assign{{0, StartPlan::kTailBase - 5}}));
    }

    void endIsTheHighWatermarkNow()
    {
        const StartPlan plan(at(StartPosition::Kind::End), {0, 1}, {{0, 3}, {1, 0}},
                             {{0, 42}, {1, 0}});
        QCOMPARE(plan.assignments(), (Assign{{0, 42}, {1, 0}}));
        QVERIFY(plan.dropped().empty()); // nothing old was asked for
    }

    void offsetBeforeTheLogStartIsReportedDropped()
    {
        const StartPlan gone(at(StartPosition::Kind::Offset, 7), {0, 1}, {{0, 10}, {1, 3}},
                             {{0, 50}, {1, 50}});
        QCOMPARE(gone.assignments(), (Assign{{0, 7}, {1, 7}}));
        QCOMPARE(gone.dropped(), (Dropped{{0, {7, 10}}}));
    }

    void tailIsClampedToTheLog()
    {
        // Last 5 of [10, 12): only 2 exist and offsets 7..9 are gone; last 5 of [0, 3): all 3.
        const StartPlan plan(at(StartPosition::Kind::Tail, 5), {0, 1}, {{0, 10}, {1, 0}},
                             {{0, 12}, {1, 3}});
        QCOMPARE(plan.assignments(), (Assign{{0, 10}, {1, 0}}));
        QCOMPARE(plan.dropped(), (Dropped{{0, {7, 10}}}));
        const StartPlan inside(at(StartPosition::Kind::Tail, 5), {0}, {{0, 0}}, {{0, 100}});
        QCOMPARE(inside.assignments(), (Assign{{0, 95}}));
        QVERIFY(inside.dropped().empty());
    }

    void timestampIsLookedUpByTheCaller()
    {
        StartPlan plan(at(StartPosition::Kind::Timestamp, 1764000000000), {0, 1}, {{0, 4}, {1, 0}},
                       {{0, 9}, {1, 9}});
        QCOMPARE(plan.assignments(), (Assign{{0, 1764000000000}, {1, 1764000000000}}));
        QVERIFY(plan.dropped().empty()); // nothing is wanted until the lookup says where
        plan.want(0, 2);                 // the time is at offset 2, which is gone
        plan.want(1, 6);
        QCOMPARE(plan.dropped(), (Dropped{{0, {2, 4}}}));
    }
};

QTEST_APPLESS_MAIN(TestStartPlan)
#include "tst_startplan.moc"
