// SPDX-License-Identifier: GPL-3.0-or-later
// One story per run, end to end on the app's own sandbox: publish from the Publish tab, watch
// the message arrive in the Runs table, report on it with curl as a consumer would, and see the
// row's Status and the run's timeline (rendered, published, received, reported) follow.
#include "gui/mainwindow.h"
#include "gui/node/nodepane.h"
#include "gui/preview/previewpane.h"
#include "gui/publish/publishpane.h"
#include "gui/report/reportpane.h"
#include "gui/runs/runspane.h"
#include "gui/story/timelinedialog.h"
#include "gui/story/timelineview.h"
#include "models/runledger.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>

using namespace porthole;

namespace {

// curl against the local API while the event loop runs (the API answers in this thread).
struct Curl
{
    int exitCode = -1;
    QByteArray out;
};

QStringList L(std::initializer_list<const char*> args)
{
    QStringList l;
    for (const char* a : args)
        l << QString::fromUtf8(a);
    return l;
}

// A peer run while the event loop turns (the sandbox answers in this thread).
Curl runPeer(const QString& program, const QStringList& args, const QByteArray& input = {})
{
    QProcess p;
    p.start(program, args);
    Curl c;
    if (!p.waitForStarted(5000))
        return c;
    if (!input.isNull()) {
        p.write(input);
        p.closeWriteChannel();
    }
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 15000)
        QTest::qWait(10);
    c.exitCode = p.exitCode();
    c.out = p.readAllStandardOutput();
    return c;
}

Curl curl(const QStringList& args)
{
    return runPeer(QStringLiteral("curl"), L({"-sS", "--max-time", "10"}) + args);
}

// The row of the Runs table that names `run`, or -1.
int rowOf(const RunsTableModel* model, const QString& run)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(RunsTableModel::RunIdRole).toString() == run)
            return r;
    return -1;
}

// Starts the app's sandbox, opens the example with run ids and publishes it once through the
// Publish tab; `run` gets the node run id its context names, `row` the Runs table's row for it.
void publishExample(MainWindow& w, QString* run, int* row)
{
    QString error;
    QVERIFY2(w.startSandbox(&error), qPrintable(error));
    w.openExample(QStringLiteral("with-run-ids.json"));
    QTRY_VERIFY_WITH_TIMEOUT(test::pane<NodePane>(&w)->lastRender() &&
                                 test::pane<NodePane>(&w)->lastRender()->ok,
                             20000);
    *run = QString::fromStdString(
        test::pane<PreviewPane>(&w)->context()["workflowNodeRun"]["identifier"].toString());
    QVERIFY(run->startsWith(QStringLiteral("wfnr_")));
    auto* publish = w.findChild<QPushButton*>(QStringLiteral("publishButton"));
    QTRY_VERIFY(publish->isEnabled());
    QSignalSpy published(test::pane<PublishPane>(&w), &PublishPane::publishFinished);
    publish->click();
    QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 30000);
    QCOMPARE(published.at(0).at(0).toLongLong(), 1);
    QTRY_VERIFY_WITH_TIMEOUT((*row = rowOf(test::pane<RunsPane>(&w)->model(), *run)) >= 0, 20000);
}

} // namespace

class TestTimeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishedReceivedReportedTellOneStory()
    {
        Sandbox sandbox;
        MainWindow w(&sandbox);
        // Published through the app's own publish path; received: the row that names the run.
        QString run;
        int row = -1;
        publishExample(w, &run, &row);
        if (QTest::currentTestFailed())
            return;
        RunsTableModel* model = test::pane<RunsPane>(&w)->model();
        QVERIFY(model->index(row, RunsTableModel::Status).data().toString().isEmpty());

        // A consumer reports COMPLETED/SUCCESS to the sandbox's local API.
        const QString api = w.session()->sandbox()->apiUrl();
        const Curl login = curl(L({"-X", "POST", "-H", "Content-Type: application/json", "-d",
                                   R"({"clientId":"sandbox","clientSecret":"sandbox"})"})
                                << api + QStringLiteral("/v1/auth/access_token"));
        QCOMPARE(login.exitCode, 0);
        const QString token =
            QJsonDocument::fromJson(login.out).object().value(u"accessToken").toString();
        QVERIFY2(!token.isEmpty(), login.out.constData());
        const QStringList auth{
            QStringLiteral("-H"), QStringLiteral("Authorization: Bearer ") + token,
            QStringLiteral("-H"), QStringLiteral("Content-Type: application/json")};
        const QString nodeRunUrl = api + QStringLiteral("/v1/workflows/nodes/runs/") + run;
        const QString logsUrl = nodeRunUrl + QStringLiteral("/logs");
        QSignalSpy stateMoved(w.session()->ledger(), &RunLedger::stateChanged);
        const Curl done =
            curl(auth + L({"-X", "PATCH", "-w", "%{http_code}", "-o", "/dev/null", "-d",
                           R"({"status":"COMPLETED","result":"SUCCESS",)"
                           R"("output":{"done":true}})"})
                 << nodeRunUrl);
        QCOMPARE(done.out, QByteArray("200"));
        QTRY_COMPARE_WITH_TIMEOUT(model->index(row, RunsTableModel::Status).data().toString(),
                                  QStringLiteral("COMPLETED · SUCCESS"), 5000);
        QCOMPARE(model->index(row, 0).data(RunsTableModel::RunStateRole).toInt(),
                 int(RunsTableModel::RunState::Succeeded));
        QCOMPARE(stateMoved.count(), 1);

        // A refused report is told, but leaves the state; a log line is told too.
        const Curl refused = curl(auth + L({"-X", "PATCH", "-w", "%{http_code}", "-o", "/dev/null",
                                            "-d", R"({"status":"COMPLETED","result":"FAILURE"})"})
                                  << nodeRunUrl);
        QCOMPARE(refused.out, QByteArray("422"));
        const Curl log =
            curl(auth + L({"-X", "POST", "-d", R"({"logs":[{"level":"INFO","message":"done"}]})"})
                 << logsUrl);
        QCOMPARE(log.exitCode, 0);
        // The Report tab's own calls (its User-Agent) are recorded by the tab, not twice here.
        const int reportedBefore = w.session()->ledger()->count(RunEvent::Stage::Reported);
        const Curl fromTab =
            curl(auth + L({"-A", "Porthole-Report/0.1", "-X", "PATCH", "-w", "%{http_code}", "-o",
                           "/dev/null", "-d", R"({"status":"IN_PROGRESS"})"})
                 << nodeRunUrl);
        QCOMPARE(fromTab.out, QByteArray("200"));
        QCOMPARE(w.session()->ledger()->count(RunEvent::Stage::Reported), reportedBefore);
        QCOMPARE(w.session()->ledger()->state(run).status, QStringLiteral("COMPLETED"));

        // Ctrl+T on the selected row opens its timeline.
        auto* table = w.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->setCurrentIndex(
            test::pane<RunsPane>(&w)->proxy()->mapFromSource(model->index(row, 0)));
        QCOMPARE(test::pane<RunsPane>(&w)->selectedRunId(), run);
        auto* action = w.findChild<QAction*>(QStringLiteral("actionTimeline"));
        QVERIFY(action);
        QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_T));
        action->trigger();
        QVERIFY(w.findChild<TimelineDialog*>() && w.findChild<TimelineDialog*>()->isVisible());
        TimelineView* view = w.findChild<TimelineDialog*>()->view();
        QCOMPARE(view->runId(), run);
        QCOMPARE(view->stages().join(u' '),
                 QStringLiteral("rendered published received reported reported logged"));
        const QString text = view->text();
        QVERIFY2(text.contains(QStringLiteral("COMPLETED SUCCESS")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("HTTP 422")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("INFO: done")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("partition")), qPrintable(text));
        view->copyText();
        QCOMPARE(QApplication::clipboard()->text(), text);
        view->copyMarkdown();
        QVERIFY(QApplication::clipboard()->text().contains(QStringLiteral("| Stage |")));

        // Live: a report sent while the timeline is open shows up in it.
        const Curl again =
            curl(auth + L({"-X", "POST", "-d", R"({"logs":[{"level":"WARN","message":"x"}]})"})
                 << logsUrl);
        QCOMPARE(again.exitCode, 0);
        QTRY_COMPARE_WITH_TIMEOUT(view->stages().size(), 7, 3000);
        QCOMPARE(view->stages().last(), QStringLiteral("logged"));

        // A run published elsewhere (kcat) costs no story while nothing happens to it; when a
        // consumer reports on it, its story begins with the message the table received.
        const QString other = QStringLiteral("wfnr_kcatkcatkcat0001");
        const Curl produced = runPeer(
            QStringLiteral("kcat"),
            {QStringLiteral("-b"), w.session()->sandbox()->bootstrap(), QStringLiteral("-P"),
             QStringLiteral("-t"), QStringLiteral("sandbox.runs")},
            R"({"context":{"runId":"wfnr_kcatkcatkcat0001","workflowRunId":"wfr_kcatkcatkcat0001"},"payload":{}})"
            "\n");
        QCOMPARE(produced.exitCode, 0);
        int otherRow = -1;
        QTRY_VERIFY_WITH_TIMEOUT((otherRow = rowOf(model, other)) >= 0, 20000);
        QVERIFY(!w.session()->ledger()->knows(other));
        const Curl progress = curl(auth + L({"-X", "PATCH", "-w", "%{http_code}", "-o", "/dev/null",
                                             "-d", R"({"status":"IN_PROGRESS"})"})
                                   << api + QStringLiteral("/v1/workflows/nodes/runs/") + other);
        QCOMPARE(progress.out, QByteArray("200"));
        QTRY_COMPARE_WITH_TIMEOUT(model->index(otherRow, RunsTableModel::Status).data().toString(),
                                  QStringLiteral("IN_PROGRESS"), 5000);
        QStringList stages;
        for (const RunEvent& e : w.session()->ledger()->events(other))
            stages << stageName(e.stage);
        QCOMPARE(stages.join(u' '), QStringLiteral("received reported"));
    }
    // The issue's path by hand: a received row, "Report run", COMPLETED/SUCCESS sent from the
    // Report tab (its Ctrl+R action) -> the sandbox's API holds it and the row shows it.
    void reportFromTheRow()
    {
        Sandbox sandbox;
        MainWindow w(&sandbox);
        QString run;
        int row = -1;
        publishExample(w, &run, &row);
        if (QTest::currentTestFailed())
            return;
        RunsTableModel* model = test::pane<RunsPane>(&w)->model();

        // The preview's ids are replaced by the row's: prove they come from the message.
        test::pane<ReportPane>(&w)->setRunIds(QStringLiteral("wfr_0000000000000000"),
                                              QStringLiteral("wfnr_0000000000000000"));
        auto* table = w.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->setCurrentIndex(
            test::pane<RunsPane>(&w)->proxy()->mapFromSource(model->index(row, 0)));
        auto* reportRun =
            test::pane<RunsPane>(&w)->findChild<QAction*>(QStringLiteral("runsReportOnRun"));
        QVERIFY(reportRun);
        QTRY_VERIFY(reportRun->isEnabled());
        reportRun->trigger();
        QCOMPARE(w.findChild<QTabWidget*>(QStringLiteral("sideTabs"))->currentWidget(),
                 test::pane<ReportPane>(&w));
        auto* runId =
            test::pane<ReportPane>(&w)->findChild<QLineEdit*>(QStringLiteral("reportRunId"));
        QCOMPARE(runId->text(), run);

        auto* status =
            test::pane<ReportPane>(&w)->findChild<QComboBox*>(QStringLiteral("reportStatus"));
        auto* result =
            test::pane<ReportPane>(&w)->findChild<QComboBox*>(QStringLiteral("reportResult"));
        status->setCurrentIndex(status->findData(QStringLiteral("COMPLETED")));
        QVERIFY(result->isEnabled());
        result->setCurrentIndex(result->findText(QStringLiteral("SUCCESS")));
        QSignalSpy recorded(w.session()->sandbox()->api(), &LocalPortApi::callRecorded);
        QSignalSpy finished(test::pane<ReportPane>(&w), &ReportPane::reportFinished);
        // Ctrl+R only fills the form; the report goes with the Send button.
        auto* fill = w.findChild<QAction*>(QStringLiteral("actionReport"));
        QVERIFY(fill);
        fill->trigger();
        QCOMPARE(runId->text(), run);
        QCOMPARE(finished.count(), 0);
        w.findChild<QPushButton*>(QStringLiteral("reportSend"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 15000);
        QCOMPARE(finished.at(0).at(0).toInt(), 200);
        // The sandbox's API holds the report: its recorded PATCH for this run, answered 200.
        bool held = false;
        for (const QList<QVariant>& args : recorded) {
            const auto call = args.at(0).value<LocalApiCall>();
            if (call.method == "PATCH" && call.path.endsWith(run) && call.status == 200 &&
                call.body.contains("\"SUCCESS\""))
                held = true;
        }
        QVERIFY(held);
        QTRY_COMPARE_WITH_TIMEOUT(model->index(row, RunsTableModel::Status).data().toString(),
                                  QStringLiteral("COMPLETED · SUCCESS"), 5000);
        QCOMPARE(w.session()->ledger()->state(run).status, QStringLiteral("COMPLETED"));
    }
};

QTEST_MAIN(TestTimeline)
#include "tst_timeline.moc"
