// SPDX-License-Identifier: GPL-3.0-or-later
// "Check a consumer…": the dialog runs the same check as porthole-cli check-consumer against a
// real consumer (python3-kafka) and shows each run live; a failed run's timeline, reasons and
// recorded calls are one click away.
#include "gui/check/checkbanner.h"
#include "gui/check/checkconsumerdialog.h"
#include "gui/story/timelineview.h"

#include "check/checkrun.h"
#include "template/contextmodel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableWidget>
#include <QTest>

using namespace porthole;

namespace {

const QString kTests = QStringLiteral(PORTHOLE_TEST_DATA "/..");

std::string seedNode()
{
    QFile f(QStringLiteral(PORTHOLE_TEST_DATA
                           "/../../resources/examples/nodes/basic-publish-event.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll().toStdString() : std::string();
}

} // namespace

class TestCheckConsumerDialog : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void failedRunIsExplainedOneClickAway()
    {
        CheckConsumerDialog dialog(seedNode(), ContextModel::preset(ContextModel::Preset::Workflow),
                                   QStringLiteral("basic-publish-event"));
        dialog.show();
        auto* command = dialog.findChild<QLineEdit*>(QStringLiteral("checkCommand"));
        auto* count = dialog.findChild<QSpinBox*>(QStringLiteral("checkCount"));
        auto* timeout = dialog.findChild<QSpinBox*>(QStringLiteral("checkTimeout"));
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("checkRuns"));
        auto* details = dialog.findChild<QPlainTextEdit*>(QStringLiteral("checkDetails"));
        auto* summary = dialog.findChild<QLabel*>(QStringLiteral("checkSummary"));
        QVERIFY(command && count && timeout && table && details && summary);
        command->setText(
            QStringLiteral("/usr/bin/python3 \"%1/check/buggy_consumer.py\" failure-route")
                .arg(kTests));
        count->setValue(2);
        // Each run's 422 settles its verdict: the check ends then, not when this wait is over.
        timeout->setValue(90);
        QSignalSpy finished(&dialog, &CheckConsumerDialog::checkFinished);
        QElapsedTimer clock;
        clock.start();
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("checkStart")),
                          Qt::LeftButton);
        // Live: both runs appear as published before the check ends.
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 30000);
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 88000); // a hang guard, not a speed goal
        QVERIFY2(clock.elapsed() < 90000, "the check waited for its whole timeout");
        auto* log = dialog.findChild<QPlainTextEdit*>(QStringLiteral("checkLog"));
        QVERIFY(log->toPlainText().contains(QStringLiteral("every run's verdict is known")));
        QVERIFY(!log->toPlainText().contains(QStringLiteral("time is up")));
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        // A banner in words, not the CLI's summary line.
        QVERIFY2(summary->text().startsWith(
                     QStringLiteral("✖ Failed: 0 of 2 runs passed (2 failed). First reason — "
                                    "run 1: sent result FAILURE to the workflow route")),
                 qPrintable(summary->text()));
        for (int row = 0; row < 2; ++row) {
            QCOMPARE(table->item(row, 2)->text(), QStringLiteral("IN_PROGRESS"));
            QVERIFY(table->item(row, 6)->text().startsWith(
                QStringLiteral("failed: sent result FAILURE")));
        }
        // The first failed run is selected: its reasons and its calls are on screen.
        QCOMPARE(table->currentRow(), 0);
        QVERIFY(details->toPlainText().contains(QStringLiteral("FAILED")));
        QVERIFY(details->toPlainText().contains(
            QStringLiteral("PATCH /v1/workflows/nodes/runs/wfnr_")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("→ 422")));
        QVERIFY(details->toPlainText().contains(QStringLiteral("\"result\": \"FAILURE\"")));
        // And its timeline, as the main window tells a run's story: published, then the
        // consumer's refused report with Port's answer.
        auto* timeline = dialog.findChild<TimelineView*>(QStringLiteral("checkTimeline"));
        QVERIFY(timeline);
        QCOMPARE(timeline->runId(), table->item(0, 1)->text());
        const QStringList stages = timeline->stages();
        QVERIFY2(stages.value(0) == QStringLiteral("published") &&
                     stages.contains(QStringLiteral("reported")),
                 qPrintable(stages.join(QLatin1Char(','))));
        QVERIFY2(timeline->text().contains(QStringLiteral("422")), qPrintable(timeline->text()));
        // One click on the other run shows its own calls and story.
        const QString second = table->item(1, 1)->text();
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {},
                          table->visualItemRect(table->item(1, 1)).center());
        QTRY_VERIFY(details->toPlainText().contains(second));
        QCOMPARE(timeline->runId(), second);
        QCOMPARE(timeline->stages().value(0), QStringLiteral("published"));
    }

    // The faults of porthole-cli check-consumer --faults as checkboxes: each checked one is a
    // round of its own, and the summary gives each fault's verdict with its reason.
    void faultsAreRoundsWithTheirVerdicts()
    {
        CheckConsumerDialog dialog(seedNode(), ContextModel::preset(ContextModel::Preset::Workflow),
                                   QStringLiteral("basic-publish-event"));
        dialog.show();
        auto* api5xx = dialog.findChild<QCheckBox*>(QStringLiteral("checkFault_api-5xx"));
        auto* redeliver = dialog.findChild<QCheckBox*>(QStringLiteral("checkFault_redeliver"));
        auto* table = dialog.findChild<QTableWidget*>(QStringLiteral("checkRuns"));
        auto* summary = dialog.findChild<QLabel*>(QStringLiteral("checkSummary"));
        QVERIFY(api5xx && redeliver && table && summary);
        QVERIFY(!api5xx->toolTip().isEmpty());
        QTest::mouseClick(api5xx, Qt::LeftButton);
        QTest::mouseClick(redeliver, Qt::LeftButton);
        QVERIFY(api5xx->isChecked() && redeliver->isChecked());
        dialog.findChild<QLineEdit*>(QStringLiteral("checkCommand"))
            ->setText(QStringLiteral("/usr/bin/python3 \"%1/check/fault_consumer.py\" naive")
                          .arg(kTests));
        dialog.findChild<QSpinBox*>(QStringLiteral("checkTimeout"))->setValue(8);
        QSignalSpy finished(&dialog, &CheckConsumerDialog::checkFinished);
        dialog.startCheck();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 90000);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        const QStringList lines = summary->text().split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines.at(0).startsWith(QStringLiteral("fault redeliver: runs=1 completed=0 "
                                                       "failed=1 missing=0: run 1: reported "
                                                       "twice after a redelivery")),
                 qPrintable(lines.at(0)));
        QVERIFY2(lines.at(1).startsWith(QStringLiteral("fault api-5xx: runs=1 completed=0 "
                                                       "failed=1 missing=0: run 1: gave up after "
                                                       "a 503 (no retry)")),
                 qPrintable(lines.at(1)));
        QVERIFY2(lines.at(2).startsWith(QStringLiteral(
                     "✖ Failed: 0 of 2 runs passed (2 failed). First reason — fault redeliver, "
                     "run 1: reported twice after a redelivery")),
                 qPrintable(lines.at(2)));
        // The last round's run stays on screen with its reason.
        QCOMPARE(table->rowCount(), 1);
        QVERIFY(table->item(0, 6)->text().contains(QStringLiteral("gave up after a 503")));
        QVERIFY(!dialog.isRunning());
    }

    // The banner's words from judged runs: pass, or fail with the counts and the first reason
    // (the round named under faults); a check that could not run says why.
    void bannerSaysPassOrFailWithTheFirstReason()
    {
        std::vector<CheckRun> runs(3);
        for (int i = 0; i < 3; ++i) {
            runs[size_t(i)].index = i;
            runs[size_t(i)].outcome = CheckRun::Outcome::Completed;
        }
        CheckBanner pass;
        pass.add(runs);
        QVERIFY(pass.passed());
        QCOMPARE(pass.text(), QStringLiteral("✔ Passed: all 3 runs completed as expected."));
        runs[1].outcome = CheckRun::Outcome::Failed;
        runs[1].reasons = {QStringLiteral("result FAILED, expected SUCCESS")};
        runs[2].outcome = CheckRun::Outcome::Missing;
        CheckBanner fail;
        fail.add(runs, QStringLiteral("api-5xx"));
        QVERIFY(!fail.passed());
        QCOMPARE(fail.text(), QStringLiteral("✖ Failed: 1 of 3 runs passed (1 failed, 1 never "
                                             "reported). First reason — fault api-5xx, run 2: "
                                             "result FAILED, expected SUCCESS"));
        CheckBanner none;
        none.error = QStringLiteral("cannot start nope: No such file or directory");
        none.add({});
        QVERIFY(!none.passed());
        QCOMPARE(none.text(), QStringLiteral("✖ The check could not run: cannot start nope: No "
                                             "such file or directory"));
    }

    // Closing the dialog mid-check ends it: the consumer is stopped, nothing crashes, and the
    // window never waits on it.
    void closingMidCheckStopsTheConsumer()
    {
        QPointer<CheckConsumerDialog> dialog = new CheckConsumerDialog(
            seedNode(), ContextModel::preset(ContextModel::Preset::Workflow), QStringLiteral("n"));
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
        dialog->findChild<QLineEdit*>(QStringLiteral("checkCommand"))
            ->setText(QStringLiteral("/usr/bin/python3 \"%1/check/buggy_consumer.py\" never-report")
                          .arg(kTests));
        dialog->startCheck();
        auto* table = dialog->findChild<QTableWidget*>(QStringLiteral("checkRuns"));
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 1, 30000);
        QVERIFY(consumersRunning() > 0);
        QElapsedTimer clock;
        clock.start();
        dialog->close();
        QTRY_VERIFY(dialog.isNull());
        QVERIFY2(clock.elapsed() < 3000, "closing must not wait for the consumer's grace period");
        QTRY_COMPARE(consumersRunning(), 0);
    }

private:
    // This test's consumers still alive (their command line names the never-report mode).
    static int consumersRunning()
    {
        int n = 0;
        for (const QString& pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
            QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
            if (f.open(QIODevice::ReadOnly)) {
                const QByteArray cmd = f.readAll();
                n += cmd.contains("buggy_consumer.py") && cmd.contains("never-report");
            }
        }
        return n;
    }
};

QTEST_MAIN(TestCheckConsumerDialog)
#include "tst_checkconsumerdialog.moc"
