// SPDX-License-Identifier: GPL-3.0-or-later
// The run ledger (one story per run), its timeline text and the Runs table's Status column.
#include "core/messagedecoder.h"
#include "models/runledger.h"
#include "models/runstablemodel.h"
#include "models/runtimeline.h"

#include <QSignalSpy>
#include <QTest>

using namespace porthole;

namespace {

const QDateTime t0 = QDateTime::fromMSecsSinceEpoch(1764000000000, Qt::UTC);

RunEvent ev(RunEvent::Stage stage, const QString& run, qint64 atMs)
{
    RunEvent e;
    e.stage = stage;
    e.runId = run;
    e.at = t0.addMSecs(atMs);
    e.source = QStringLiteral("test");
    return e;
}

RunEvent report(const QString& run, qint64 atMs, const QString& status, const QString& result,
                int http)
{
    RunEvent e = ev(RunEvent::Stage::Reported, run, atMs);
    e.status = status;
    e.result = result;
    e.httpStatus = http;
    return e;
}

MessageBatch batchOf(const std::vector<std::string>& values)
{
    auto v = std::make_shared<std::vector<WatchedMessage>>();
    int64_t offset = 0;
    for (const std::string& value : values) {
        auto r = std::make_shared<KafkaRecord>();
        r->topic = "sandbox.runs";
        r->offset = offset++;
        r->value = value;
        WatchedMessage m;
        m.info = MessageDecoder::decode(*r);
        m.record = std::move(r);
        v->push_back(std::move(m));
    }
    return v;
}

} // namespace

class TestRunLedger : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void eventsAreKeptInTimeOrder()
    {
        RunLedger ledger;
        const QString run = QStringLiteral("wfnr_aaaaaaaaaaaaaaaa");
        ledger.add(ev(RunEvent::Stage::Received, run, 30));
        ledger.add(ev(RunEvent::Stage::Rendered, run, 0));
        ledger.add(report(run, 50, QStringLiteral("COMPLETED"), QStringLiteral("SUCCESS"), 200));
        ledger.add(ev(RunEvent::Stage::Published, run, 20));      // a late delivery report
        ledger.add(ev(RunEvent::Stage::Published, QString(), 1)); // no run: ignored
        QStringList stages;
        for (const RunEvent& e : ledger.events(run))
            stages << stageName(e.stage);
        QCOMPARE(stages.join(u' '), QStringLiteral("rendered published received reported"));
        QCOMPARE(ledger.count(RunEvent::Stage::Published), 1);
        QVERIFY(ledger.publishedHere(run));
        QVERIFY(!ledger.publishedHere(QStringLiteral("wfnr_bbbbbbbbbbbbbbbb")));
        QCOMPARE(ledger.runIds(), QStringList{run});
    }

    void stateComesOnlyFromAcceptedReports()
    {
        RunLedger ledger;
        const QString run = QStringLiteral("wfnr_aaaaaaaaaaaaaaaa");
        QSignalSpy moved(&ledger, &RunLedger::stateChanged);
        QSignalSpy changed(&ledger, &RunLedger::changed);
        ledger.add(report(run, 10, QStringLiteral("IN_PROGRESS"), {}, 200));
        QCOMPARE(ledger.state(run).status, QStringLiteral("IN_PROGRESS"));
        // Refused: Port kept the run as it was, so does the ledger (the event is still told).
        ledger.add(report(run, 20, QStringLiteral("COMPLETED"), QStringLiteral("FAILURE"), 422));
        QCOMPARE(ledger.state(run).status, QStringLiteral("IN_PROGRESS"));
        // A log line is no state, even answered 200.
        RunEvent log = ev(RunEvent::Stage::Logged, run, 25);
        log.httpStatus = 200;
        log.summary = QStringLiteral("INFO: working");
        ledger.add(log);
        QCOMPARE(ledger.state(run).status, QStringLiteral("IN_PROGRESS"));
        ledger.add(report(run, 40, QStringLiteral("COMPLETED"), QStringLiteral("SUCCESS"), 200));
        // An older report arriving late does not overwrite the newer state.
        ledger.add(report(run, 30, QStringLiteral("IN_PROGRESS"), {}, 200));
        const RunLedger::State st = ledger.state(run);
        QCOMPARE(st.status, QStringLiteral("COMPLETED"));
        QCOMPARE(st.result, QStringLiteral("SUCCESS"));
        QCOMPARE(st.at, t0.addMSecs(40));
        QCOMPARE(changed.count(), 5);
        QCOMPARE(moved.count(), 2); // IN_PROGRESS, then COMPLETED SUCCESS
        QCOMPARE(ledger.events(run).size(), 5);
    }

    void oldestRunsGoPastTheCap()
    {
        RunLedger ledger;
        for (int i = 0; i <= RunLedger::kMaxRuns; ++i)
            ledger.add(ev(RunEvent::Stage::Received, QStringLiteral("wfnr_bulk%1").arg(i), i));
        QCOMPARE(ledger.runIds().size(), RunLedger::kMaxRuns);
        QVERIFY(ledger.events(QStringLiteral("wfnr_bulk0")).isEmpty());
        QCOMPARE(ledger.events(QStringLiteral("wfnr_bulk1")).size(), 1);
        QCOMPARE(ledger.count(RunEvent::Stage::Received), RunLedger::kMaxRuns + 1);
    }

    void aWorkflowRunListsItsNodeRuns()
    {
        RunLedger ledger;
        QSignalSpy changed(&ledger, &RunLedger::changed);
        const QString wfr = QStringLiteral("wfr_AAAAAAAAAAAAAAAA");
        const QString build = QStringLiteral("wfnr_BBBBBBBBBBBBBBBB");
        const QString deploy = QStringLiteral("wfnr_CCCCCCCCCCCCCCCC");
        ledger.linkNodeRun(wfr, build, QStringLiteral("build-image"));
        // An event naming both ids files its node run too; the node is learnt later.
        RunEvent e =
            report(deploy, 10, QStringLiteral("COMPLETED"), QStringLiteral("SUCCESS"), 200);
        e.workflowRunId = wfr;
        ledger.add(e);
        ledger.linkNodeRun(wfr, deploy, QStringLiteral("deploy-image"));
        ledger.linkNodeRun(wfr, build, QStringLiteral("other")); // once filed, kept
        QVERIFY(changed.contains(QVariantList{wfr}));
        const auto runs = ledger.nodeRuns(wfr);
        QCOMPARE(runs.size(), 2);
        QCOMPARE(runs[0].runId, build);
        QCOMPARE(runs[0].node, QStringLiteral("build-image"));
        QCOMPARE(runs[1].node, QStringLiteral("deploy-image"));
        QCOMPARE(ledger.workflowRunOf(deploy), wfr);
        QVERIFY(ledger.workflowRunOf(wfr).isEmpty());
        QCOMPARE(RunTimeline::nodeRunsText(
                     wfr, {QStringLiteral("build-image"), QStringLiteral("deploy-image")},
                     {build, deploy}, {QString(), QStringLiteral("COMPLETED · SUCCESS")}),
                 QStringLiteral("Node runs of workflow run %1\n"
                                "  node build-image  %2  nothing reported\n"
                                "  node deploy-image  %3  COMPLETED · SUCCESS\n")
                     .arg(wfr, build, deploy));
        ledger.clear();
        QVERIFY(ledger.nodeRuns(wfr).isEmpty());
        QVERIFY(ledger.workflowRunOf(deploy).isEmpty());
    }

    void primaryRunIdIsTheTablesRunId()
    {
        const RunIds ids =
            MessageDecoder::findIds(R"({"workflowRun":{"identifier":"wfr_bbbbbbbbbbbbbbbb"},)"
                                    R"("workflowNodeRun":{"identifier":"wfnr_aaaaaaaaaaaaaaaa"}})");
        QCOMPARE(RunLedger::primaryRunId(ids), QStringLiteral("wfnr_aaaaaaaaaaaaaaaa"));
        QCOMPARE(
            RunLedger::primaryRunId(MessageDecoder::findIds(R"({"run":"r_cccccccccccccccc"})")),
            QStringLiteral("r_cccccccccccccccc"));
        QVERIFY(RunLedger::primaryRunId(MessageDecoder::findIds("{}")).isEmpty());
    }

    void timelineTextHasGapsAndEscapedMarkdown()
    {
        QCOMPARE(RunTimeline::gapText(35), QStringLiteral("+35 ms"));
        QCOMPARE(RunTimeline::gapText(1234), QStringLiteral("+1.2 s"));
        QCOMPARE(RunTimeline::gapText(125000), QStringLiteral("+2 min 05 s"));
        QCOMPARE(RunTimeline::gapText(3720000), QStringLiteral("+1 h 02 min"));
        const QString run = QStringLiteral("wfnr_aaaaaaaaaaaaaaaa");
        RunEvent pub = ev(RunEvent::Stage::Published, run, 0);
        pub.topic = QStringLiteral("sandbox.runs");
        pub.partition = 2;
        pub.offset = 7;
        pub.signedByPort = true;
        RunEvent rep =
            report(run, 1200, QStringLiteral("COMPLETED"), QStringLiteral("FAILED"), 422);
        rep.summary = QStringLiteral("COMPLETED FAILED output {\"a\":\"x|y\"}");
        rep.detail = QStringLiteral("Port answered 422: bad\nsecond line");
        rep.traceId = QStringLiteral("t-123");
        rep.latencyMs = 41;
        const QVector<RunEvent> events{pub, rep};
        QCOMPARE(RunTimeline::describe(pub),
                 QStringLiteral("sandbox.runs · partition 2 offset 7 · signed like Port"));
        QCOMPARE(RunTimeline::describe(rep),
                 QStringLiteral("COMPLETED FAILED output {\"a\":\"x|y\"} · HTTP 422 · 41 ms · "
                                "trace t-123"));
        const QStringList text = RunTimeline::toText(run, events).split(u'\n');
        QCOMPARE(text.value(0), QStringLiteral("Run wfnr_aaaaaaaaaaaaaaaa"));
        QVERIFY2(text.value(2).contains(QStringLiteral("+1.2 s")), qPrintable(text.value(2)));
        QVERIFY(text.value(2).contains(QStringLiteral("reported")));
        QCOMPARE(text.value(3), QStringLiteral("      Port answered 422: bad"));
        const QStringList md = RunTimeline::toMarkdown(run, events).split(u'\n');
        QCOMPARE(md.value(2), QStringLiteral("| Time | Gap | Stage | Source | What |"));
        QVERIFY2(md.value(5).contains(QStringLiteral("x\\|y")), qPrintable(md.value(5)));
        QVERIFY(md.value(5).contains(QStringLiteral("bad<br>second line")));
        QCOMPARE(md.value(5).count(QStringLiteral(" | ")), 4); // five cells, no stray pipe
    }

    void statusColumnFollowsTheLedgerRowByRow()
    {
        RunLedger ledger;
        RunsTableModel model;
        model.setLedger(&ledger);
        model.appendBatch(batchOf({R"({"workflowNodeRun":{"identifier":"wfnr_aaaaaaaaaaaaaaaa"}})",
                                   R"({"no":"run"})",
                                   R"({"workflowNodeRun":{"identifier":"wfnr_bbbbbbbbbbbbbbbb"}})",
                                   R"({"run":{"id":"r_cccccccccccccccc"}})"}));
        // The feed tells the ledger which rows hold a run (their sequence numbers).
        for (int row : {0, 2, 3}) {
            RunEvent e = ev(RunEvent::Stage::Received,
                            model.index(row, 0).data(RunsTableModel::RunIdRole).toString(), 0);
            e.seq = qint64(model.firstSeq()) + row;
            ledger.add(e);
        }
        QVERIFY(model.index(1, 0).data(RunsTableModel::RunIdRole).toString().isEmpty());
        QCOMPARE(model.headerData(RunsTableModel::Status, Qt::Horizontal).toString(),
                 QStringLiteral("Status"));
        QVERIFY(model.index(0, RunsTableModel::Status).data().toString().isEmpty());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        ledger.add(report(QStringLiteral("wfnr_bbbbbbbbbbbbbbbb"), 10, QStringLiteral("COMPLETED"),
                          QStringLiteral("SUCCESS"), 200));
        QCOMPARE(changed.count(), 1); // that run's row only
        const QModelIndex cell = changed.at(0).at(0).toModelIndex();
        QCOMPARE(cell.row(), 2);
        QCOMPARE(cell.column(), int(RunsTableModel::Status));
        QCOMPARE(model.index(2, RunsTableModel::Status).data().toString(),
                 QStringLiteral("COMPLETED · SUCCESS"));
        QCOMPARE(model.index(2, 0).data(RunsTableModel::RunStateRole).toInt(),
                 int(RunsTableModel::RunState::Succeeded));
        QVERIFY(model.index(0, RunsTableModel::Status).data().toString().isEmpty());
        ledger.add(
            report(QStringLiteral("r_cccccccccccccccc"), 10, QStringLiteral("FAILURE"), {}, 200));
        QCOMPARE(model.index(3, RunsTableModel::Status).data().toString(),
                 QStringLiteral("FAILURE"));
        QCOMPARE(model.index(3, 0).data(RunsTableModel::RunStateRole).toInt(),
                 int(RunsTableModel::RunState::Failed));
        ledger.add(report(QStringLiteral("wfnr_aaaaaaaaaaaaaaaa"), 10,
                          QStringLiteral("IN_PROGRESS"), {}, 200));
        QCOMPARE(model.index(0, 0).data(RunsTableModel::RunStateRole).toInt(),
                 int(RunsTableModel::RunState::InProgress));
        QCOMPARE(changed.count(), 3);
    }
};

QTEST_MAIN(TestRunLedger)
#include "tst_runledger.moc"
