// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 24 in the app, on the app's own sandbox with real peers: kcat publishes three node runs
// to partition 0; the seed-style python3-kafka consumer of diagnose_loop (group sandbox.worker)
// reports the first COMPLETED, reads and commits the second without reporting, and never reaches
// the third. The groups panel shows the group's lag before and after it commits, the Consumed
// column ticks the rows it passed, Ctrl+Shift+D diagnoses the selected row, and the dialog says
// completed / consumed-not-reported / not-consumed / not-published with its jumps working.
#include "gui/diagnose/diagnosedialog.h"
#include "gui/diagnose/groupspanel.h"
#include "gui/diagnose/lagchart.h"
#include "gui/mainwindow.h"
#include "gui/runs/runspane.h"
#include "gui/session/runselection.h"
#include "gui/session/session.h"
#include "gui/story/timelinedialog.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QApplication>
#include <QDateTimeAxis>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>
#include <QValueAxis>

using namespace porthole;

namespace {

const QString kOrg = QStringLiteral("sandbox");
const QString kGroup = QStringLiteral("sandbox.worker");
const QString n1 = QStringLiteral("wfnr_Done000000000001"),
              w1 = QStringLiteral("wfr_Done000000000001");
const QString n2 = QStringLiteral("wfnr_Read000000000002"),
              w2 = QStringLiteral("wfr_Read000000000002");
const QString n3 = QStringLiteral("wfnr_Wait000000000003"),
              w3 = QStringLiteral("wfr_Wait000000000003");
const QString never = QStringLiteral("wfnr_Never00000000009");

// A peer run while the event loop turns (the sandbox's API answers in this thread).
int runPeer(const QString& program, const QStringList& args, const QByteArray& input = {},
            QByteArray* out = nullptr)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(program, args);
    if (!p.waitForStarted(5000))
        return -1;
    if (!input.isNull()) {
        p.write(input);
        p.closeWriteChannel();
    }
    QElapsedTimer t;
    t.start();
    while (p.state() != QProcess::NotRunning && t.elapsed() < 60000)
        QTest::qWait(20);
    if (out)
        *out = p.readAll();
    return p.state() == QProcess::NotRunning ? p.exitCode() : -2;
}

int rowOf(const RunsTableModel* model, const QString& run)
{
    for (int r = 0; r < model->rowCount(); ++r)
        if (model->index(r, 0).data(RunsTableModel::RunIdRole).toString() == run)
            return r;
    return -1;
}

// The groups table's cell of `group` on partition 0 in `column`.
QString groupCell(QTableWidget* t, const QString& group, int column)
{
    for (int r = 0; r < t->rowCount(); ++r)
        if (t->item(r, 0) && t->item(r, 0)->text() == group && t->item(r, 1)->text() == u"0")
            return t->item(r, column)->text();
    return {};
}

} // namespace

class TestDiagnose : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;
    Sandbox m_sandbox;
    MainWindow* m_w = nullptr;
    RunsTableModel* model() const { return test::pane<RunsPane>(m_w)->model(); }
    GroupsPanel* panel() const { return test::pane<GroupsPanel>(m_w); }
    DiagnoseDialog* dialog() const { return m_w->findChild<DiagnoseDialog*>(); }

    // Diagnoses `run` in the open dialog and returns its verdict.
    QString diagnoseInDialog(const QString& run)
    {
        DiagnoseDialog* d = dialog();
        d->findChild<QLineEdit*>(QStringLiteral("diagnoseRunId"))->setText(run);
        QSignalSpy finished(d, &DiagnoseDialog::finished);
        d->findChild<QPushButton*>(QStringLiteral("diagnoseStart"))->click();
        if (!finished.wait(30000))
            return QStringLiteral("(no verdict within 30 s)");
        return d->verdict();
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_w = new MainWindow(&m_sandbox);
        m_w->show();
        m_w->activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(m_w));
        QString error;
        QVERIFY2(m_w->startSandbox(&error), qPrintable(error));
        QByteArray lines;
        for (const auto& [n, w] : {std::pair{n1, w1}, {n2, w2}, {n3, w3}})
            lines +=
                QStringLiteral("{\"context\":{\"runId\":\"%1\"},\"payload\":{\"workflowRunId\":"
                               "\"%2\"}}\n")
                    .arg(n, w)
                    .toUtf8();
        QByteArray out;
        QCOMPARE(runPeer(QStringLiteral("kcat"),
                         {QStringLiteral("-b"), m_sandbox.bootstrap(), QStringLiteral("-P"),
                          QStringLiteral("-t"), kOrg + QStringLiteral(".runs"),
                          QStringLiteral("-p"), QStringLiteral("0")},
                         lines, &out),
                 0);
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(model(), n3) >= 0, 20000);
    }
    void cleanupTestCase() { delete m_w; }

    void groupsPanelShowsLagAndFollowsCommits()
    {
        Q_EMIT m_w->findChild<Session*>()->placeRequested(Session::Place::Runs);
        auto* toggle = m_w->findChild<QToolButton*>(QStringLiteral("runsGroups"));
        QVERIFY(!panel()->isVisibleTo(m_w));
        toggle->click();
        QVERIFY(panel()->isVisibleTo(m_w));
        auto* add = panel()->findChild<QLineEdit*>(QStringLiteral("groupsAdd"));
        add->setText(kGroup);
        QTest::keyClick(add, Qt::Key_Return);
        auto* table = panel()->findChild<QTableWidget*>(QStringLiteral("groupsTable"));
        // Nobody has committed for the group yet.
        QTRY_COMPARE_WITH_TIMEOUT(groupCell(table, kGroup, 2), QStringLiteral("none"), 15000);
        QCOMPARE(groupCell(table, kGroup, 3), QStringLiteral("3"));
        // The mock broker cannot list groups: the panel says so and why.
        auto* note = panel()->findChild<QLabel*>(QStringLiteral("groupsNote"));
        QTRY_VERIFY2_WITH_TIMEOUT(note->isVisibleTo(m_w),
                                  qPrintable(note->text() + QStringLiteral(" / hidden:") +
                                             QString::number(note->isHidden())),
                                  10000);
        QVERIFY2(note->text().contains(QStringLiteral("unavailable")), qPrintable(note->text()));
        QVERIFY2(note->toolTip().contains(QStringLiteral("ListGroups")),
                 qPrintable(note->toolTip()));
        // ...and no row is consumed.
        for (const QString& run : {n1, n2, n3})
            QVERIFY(model()
                        ->index(rowOf(model(), run), RunsTableModel::Consumed)
                        .data()
                        .toString()
                        .isEmpty());

        QByteArray out;
        const int rc =
            runPeer(QStringLiteral("/usr/bin/python3"),
                    {QStringLiteral(PORTHOLE_STALLING_CONSUMER), m_sandbox.bootstrap(), kOrg,
                     m_sandbox.apiUrl(), QStringLiteral("sandbox"), QStringLiteral("sandbox")},
                    {}, &out);
        QVERIFY2(rc == 0, out.constData());
        // Within a poll or two: committed 2 of end 3, lag 1, an oldest waiting age.
        QTRY_COMPARE_WITH_TIMEOUT(groupCell(table, kGroup, 2), QStringLiteral("2"),
                                  3 * GroupsPanel::kIntervalMs + 10000);
        QCOMPARE(groupCell(table, kGroup, 3), QStringLiteral("3"));
        QCOMPARE(groupCell(table, kGroup, 4), QStringLiteral("1"));
        QVERIFY(groupCell(table, kGroup, 5).endsWith(QStringLiteral(" s")));
        const QList<QPointF> points = panel()->chart()->points(kGroup);
        QVERIFY(!points.isEmpty());
        QCOMPARE(points.last().y(), 1.0);
        // Labels that fit a small chart (they were all "…" at 1024x700): few ticks, whole
        // numbers on an even range (the middle tick whole too), minutes, never truncated.
        const auto* y =
            qobject_cast<QValueAxis*>(panel()->chart()->chart()->axes(Qt::Vertical).value(0));
        const auto* x =
            qobject_cast<QDateTimeAxis*>(panel()->chart()->chart()->axes(Qt::Horizontal).value(0));
        QVERIFY(x && y);
        QCOMPARE(y->labelFormat(), QStringLiteral("%d"));
        QCOMPARE(y->tickCount(), LagChart::kTicks);
        QCOMPARE(x->tickCount(), LagChart::kTicks);
        QVERIFY(y->max() >= 2 && qint64(y->max()) % 2 == 0 && y->max() == qint64(y->max()));
        QVERIFY(!x->format().contains(QLatin1Char('s')));
        QVERIFY(!x->truncateLabels() && !y->truncateLabels());
        QVERIFY(y->labelsFont().pointSizeF() < panel()->font().pointSizeF());
        // The table keeps every number column whole: the chart gives way first.
        int numbers = 0;
        for (int c = 1; c < table->columnCount(); ++c)
            numbers += table->horizontalHeader()->sectionSizeHint(c);
        QVERIFY(table->minimumWidth() > numbers);
    }

    void consumedColumnTicksTheRowsTheGroupPassed()
    {
        const auto consumed = [this](const QString& run) {
            return model()->index(rowOf(model(), run), RunsTableModel::Consumed).data().toString();
        };
        QTRY_COMPARE(consumed(n1), QStringLiteral("✓ ") + kGroup);
        QCOMPARE(consumed(n2), QStringLiteral("✓ ") + kGroup);
        QVERIFY(consumed(n3).isEmpty());
        QCOMPARE(model()->headerData(RunsTableModel::Consumed, Qt::Horizontal).toString(),
                 QStringLiteral("Consumed"));
    }

    void ctrlShiftDDiagnosesTheSelectedRow()
    {
        QVERIFY(test::pane<RunsPane>(m_w)->selectRun(n3));
        QCOMPARE(m_w->findChild<Session*>()->selection()->runId(), n3);
        QVERIFY(!dialog());
        QApplication::setActiveWindow(m_w);
        QTest::keyClick(QApplication::focusWidget() ? QApplication::focusWidget() : m_w, Qt::Key_D,
                        Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_VERIFY(dialog() && dialog()->isVisible());
        QCOMPARE(dialog()->findChild<QLineEdit*>(QStringLiteral("diagnoseRunId"))->text(), n3);
        QTRY_VERIFY_WITH_TIMEOUT(!dialog()->isRunning() && !dialog()->verdict().isEmpty(), 30000);
        QCOMPARE(dialog()->verdict(), QStringLiteral("not-consumed"));
        const QString evidence =
            dialog()->findChild<QTextBrowser*>(QStringLiteral("diagnoseEvidence"))->toPlainText();
        QVERIFY2(evidence.contains(QStringLiteral("partition 0 at offset 2")),
                 qPrintable(evidence));
        QVERIFY2(evidence.contains(kGroup + QStringLiteral(" has not reached it: on partition 0 "
                                                           "its committed offset is 2")),
                 qPrintable(evidence));
    }

    void dialogSaysEachVerdict()
    {
        QCOMPARE(diagnoseInDialog(n1), QStringLiteral("completed"));
        const QString evidence =
            dialog()->findChild<QTextBrowser*>(QStringLiteral("diagnoseEvidence"))->toPlainText();
        QVERIFY2(evidence.contains(QStringLiteral("COMPLETED · SUCCESS")), qPrintable(evidence));
        QCOMPARE(diagnoseInDialog(n2), QStringLiteral("consumed-not-reported"));
        QCOMPARE(diagnoseInDialog(n3), QStringLiteral("not-consumed"));
        QCOMPARE(diagnoseInDialog(never), QStringLiteral("not-published"));
        // An id of no known form: a clear error, nothing started.
        dialog()
            ->findChild<QLineEdit*>(QStringLiteral("diagnoseRunId"))
            ->setText(QStringLiteral("job_42"));
        QVERIFY(!dialog()->start());
        QVERIFY(!dialog()->isRunning());
        QVERIFY(dialog()
                    ->findChild<QLabel*>(QStringLiteral("diagnoseSummary"))
                    ->text()
                    .contains(QStringLiteral("'job_42' is not a run id")));
    }

    void jumpsReachTheRowTheGroupAndTheTimeline()
    {
        QCOMPARE(diagnoseInDialog(n3), QStringLiteral("not-consumed"));
        Session* session = m_w->findChild<Session*>();
        QVERIFY(test::pane<RunsPane>(m_w)->selectRun(n1));
        dialog()->findChild<QPushButton*>(QStringLiteral("diagnoseShowRow"))->click();
        QCOMPARE(session->selection()->runId(), n3);
        // The group's link: the panel shows the group, selected.
        auto* table = panel()->findChild<QTableWidget*>(QStringLiteral("groupsTable"));
        table->clearSelection();
        table->setCurrentCell(-1, -1);
        Q_EMIT dialog()
            ->findChild<QTextBrowser*>(QStringLiteral("diagnoseEvidence"))
            ->anchorClicked(QUrl(QStringLiteral("group:") + kGroup));
        QVERIFY(panel()->isVisibleTo(m_w));
        QVERIFY(table->currentRow() >= 0);
        QCOMPARE(table->item(table->currentRow(), 0)->text(), kGroup);
        // The timeline, and back: its Diagnose button diagnoses the run it shows.
        dialog()->findChild<QPushButton*>(QStringLiteral("diagnoseShowTimeline"))->click();
        auto* timeline = m_w->findChild<TimelineDialog*>();
        QVERIFY(timeline && timeline->isVisible());
        dialog()->findChild<QLineEdit*>(QStringLiteral("diagnoseRunId"))->clear();
        QSignalSpy finished(dialog(), &DiagnoseDialog::finished);
        timeline->findChild<QPushButton*>(QStringLiteral("timelineDiagnose"))->click();
        QCOMPARE(dialog()->findChild<QLineEdit*>(QStringLiteral("diagnoseRunId"))->text(), n3);
        QVERIFY(finished.wait(30000));
        QCOMPARE(dialog()->verdict(), QStringLiteral("not-consumed"));
    }
};

QTEST_MAIN(TestDiagnose)
#include "tst_diagnose.moc"
