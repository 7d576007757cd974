// "Check a consumer…": the dialog runs the same check as porthole-cli check-consumer against a
// real consumer (python3-kafka) and shows each run live; a failed run's timeline, reasons and
// recorded calls are one click away.
#include "gui/check/checkconsumerdialog.h"
#include "gui/story/timelineview.h"

#include "template/contextmodel.h"

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
        timeout->setValue(6);
        QSignalSpy finished(&dialog, &CheckConsumerDialog::checkFinished);
        QTest::mouseClick(dialog.findChild<QPushButton*>(QStringLiteral("checkStart")),
                          Qt::LeftButton);
        // Live: both runs appear as published before the check ends.
        QTRY_COMPARE_WITH_TIMEOUT(table->rowCount(), 2, 30000);
        QVERIFY(dialog.isRunning());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QCOMPARE(finished.at(0).at(0).toInt(), 1);
        QCOMPARE(summary->text(),
                 QStringLiteral("check-consumer: runs=2 completed=0 failed=2 missing=0"));
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
#include "test_checkconsumerdialog.moc"
