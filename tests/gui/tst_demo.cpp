// SPDX-License-Identifier: GPL-3.0-or-later
// Demo mode and zoom. The app itself plays the story under --exit-when-done (a real process,
// offscreen, with a user's saved settings that must come out byte for byte the same): one
// line, exit 0, at least three runs, one failed. In process: the story walks its seven
// chapters once each, framing the widget each caption talks about, opens a run's timeline,
// sends a report from a row and ends on a screen that stays; Esc leaves at a chapter; zoom
// reaches the editor, the Runs table and the detail, and is remembered.
#include "core/appsettings.h"
#include "gui/demo/demodirector.h"
#include "gui/demo/demoendscreen.h"
#include "gui/guisettings.h"
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/preview/previewpane.h"
#include "gui/publish/publishpane.h"
#include "gui/report/reporthistorymodel.h"
#include "gui/report/reportpane.h"
#include "gui/runs/messagedetailview.h"
#include "gui/runs/runspane.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QAction>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace porthole;

namespace {

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void write(const QString& path, const QByteArray& bytes)
{
    QDir().mkpath(QFileInfo(path).path());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(bytes);
}

} // namespace

class TestDemo : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;

    static QProcessEnvironment appEnvironment(const QString& home)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
        env.insert(QStringLiteral("XDG_DATA_HOME"), home + QStringLiteral("/data"));
        env.insert(QStringLiteral("PORTHOLE_KAFKA_PROFILES"),
                   home + QStringLiteral("/profiles.json"));
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"),
                   QStringLiteral("unix:path=/nonexistent/porthole-no-bus"));
        env.remove(QStringLiteral("PORTHOLE_DEMO_OPENED_BY_APP"));
        return env;
    }

private Q_SLOTS:
    void appPlaysTheStoryAndLeavesTheUsersSettingsAlone()
    {
        // A user's Porthole: a saved key, headers, a connection and a profile of their own.
        const QString home = m_settings.path() + QStringLiteral("/app");
        const QString conf = home + QStringLiteral("/config/Porthole/Porthole.conf");
        const QString profiles = home + QStringLiteral("/profiles.json");
        write(conf, "[publish]\nkey=users-own-key\nheaders=x-team: billing\nrepeat=7\n"
                    "[kafka]\nlastConnection=my-cluster\n");
        write(profiles,
              R"({"profiles":[{"name":"my-cluster","bootstrapServers":"10.0.0.1:9092"}]})");
        const QByteArray confBefore = readAll(conf), profilesBefore = readAll(profiles);
        const QStringList dataBefore =
            QDir(home + QStringLiteral("/data")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot);

        QProcess app;
        app.setProcessEnvironment(appEnvironment(home));
        app.start(QStringLiteral(PORTHOLE_APP),
                  {QStringLiteral("--demo"), QStringLiteral("--exit-when-done"),
                   QStringLiteral("--demo-pace"), QStringLiteral("0")});
        QVERIFY(app.waitForStarted());
        QVERIFY2(app.waitForFinished(90000), "the demo never ended (its own timeout is 60 s)");
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        const QString err = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(app.exitStatus() == QProcess::NormalExit, qPrintable(err));
        // Every count the same N, at least three runs, exactly one failed.
        const QRegularExpression line(QStringLiteral(
            R"(^demo: published=(\d+) received=\1 reported=\1 completed=\1 failed=1\n$)"));
        const auto match = line.match(out);
        QVERIFY2(match.hasMatch(), qPrintable(out + err));
        QVERIFY2(match.captured(1).toInt() >= 3, qPrintable(out));
        QVERIFY2(app.exitCode() == 0, qPrintable(err));
        // Nothing of the user's changed: the demo ran on a state of its own.
        QCOMPARE(readAll(conf), confBefore);
        QCOMPARE(readAll(profiles), profilesBefore);
        QCOMPARE(
            QDir(home + QStringLiteral("/data")).entryList(QDir::AllEntries | QDir::NoDotAndDotDot),
            dataBefore);
    }

    void optionsGoTogether()
    {
        QProcess app;
        app.setProcessEnvironment(appEnvironment(m_settings.path()));
        app.start(QStringLiteral(PORTHOLE_APP), {QStringLiteral("--exit-when-done")});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(app.readAllStandardError().contains("go with --demo"));
        app.start(QStringLiteral(PORTHOLE_APP),
                  {QStringLiteral("--demo"), QStringLiteral("--demo-pace"), QStringLiteral("-5")});
        QVERIFY(app.waitForFinished(10000));
        QCOMPARE(app.exitCode(), 2);
        QVERIFY(app.readAllStandardError().contains("milliseconds"));
    }

    void storyRunsToItsEndScreen()
    {
        Sandbox sandbox;
        MainWindow window(&sandbox);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.startSandbox(&error), qPrintable(error));
        DemoDirector* demo = window.demoDirector();
        demo->setPlaysHere(true);
        demo->setPaceMs(0);
        QList<DemoDirector::Chapter> chapters;
        QStringList captions;
        QList<QWidget*> targets;
        QString trailInFailure;
        connect(demo, &DemoDirector::captionShown, this,
                [&](DemoDirector::Chapter c, const QString& caption, QWidget* target) {
                    if (c == DemoDirector::TheFailure && caption.contains(QStringLiteral("422")))
                        trailInFailure = demo->trail();
                    chapters << c;
                    captions << caption;
                    targets << target;
                });
        QSignalSpy finished(demo, &DemoDirector::finished);
        demo->action()->trigger(); // the toolbar's button
        QVERIFY(demo->isRunning());
        QCOMPARE(demo->action()->text(), QStringLiteral("Leave demo"));
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 60000);
        QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));

        // Seven chapters, each once and in order; the counter never repeats a number for
        // another chapter, and says "of 7" throughout.
        const QList<DemoDirector::Chapter> seven = {
            DemoDirector::TheNode,     DemoDirector::TheValues,  DemoDirector::ThePublish,
            DemoDirector::TheConsumer, DemoDirector::TheFailure, DemoDirector::TheTimeline,
            DemoDirector::TheReport};
        QCOMPARE(demo->chaptersShown(), seven);
        for (int i = 0; i < captions.size(); ++i)
            QVERIFY2(captions[i].startsWith(QStringLiteral("%1/7 ").arg(int(chapters[i]))),
                     qPrintable(captions[i]));
        // Each caption frames what it talks about.
        const auto framed = [&](DemoDirector::Chapter c) {
            return targets.value(int(chapters.indexOf(c)));
        };
        QCOMPARE(framed(DemoDirector::TheNode), test::pane<NodePane>(&window)->editor());
        QCOMPARE(framed(DemoDirector::TheValues), test::pane<PreviewPane>(&window));
        QCOMPARE(framed(DemoDirector::ThePublish), test::pane<PublishPane>(&window));
        QCOMPARE(framed(DemoDirector::TheConsumer), test::pane<RunsPane>(&window));
        QCOMPARE(framed(DemoDirector::TheFailure), test::pane<RunsPane>(&window));
        QCOMPARE(targets.last(), test::pane<ReportPane>(&window));
        // The timeline chapter framed the run's timeline window, titled with the failing run.
        QWidget* timeline = framed(DemoDirector::TheTimeline);
        QVERIFY(qobject_cast<QDialog*>(timeline));
        QVERIFY(timeline->windowTitle().contains(demo->runIds().at(1)));
        // The failure chapter says Port's answer, and the line under it quotes Port's words.
        QVERIFY2(captions.filter(QStringLiteral("Port refused the consumer's FAILURE (HTTP 422)"))
                         .size() == 1,
                 qPrintable(captions.join(QLatin1Char('\n'))));
        QVERIFY2(trailInFailure.contains(QStringLiteral("Port's answer: HTTP 422")) &&
                     trailInFailure.contains(QStringLiteral("workflow nodes use FAILED")),
                 qPrintable(trailInFailure));

        // Three runs; the second failed, the third was completed from its row by the Report tab.
        QCOMPARE(demo->runIds().size(), 3);
        QCOMPARE(demo->counts().published, 3);
        QCOMPARE(demo->counts().received, 3);
        QCOMPARE(demo->counts().completed, 3);
        QCOMPARE(demo->counts().failed, 1);
        QVERIFY(test::pane<ReportPane>(&window)->history()->rowCount() >= 1);
        auto* table = window.findChild<QTableView*>(QStringLiteral("runsTable"));
        // The table shows each run's state as Port took it.
        const auto statusOf = [&](const QString& run) {
            if (!test::pane<RunsPane>(&window)->selectRun(run))
                return QStringLiteral("(no row)");
            const QModelIndex row = table->selectionModel()->selectedRows().value(0);
            return table->model()->index(row.row(), RunsTableModel::Status).data().toString();
        };
        QTRY_VERIFY(statusOf(demo->runIds().at(0)).startsWith(QStringLiteral("COMPLETED")));
        QVERIFY2(statusOf(demo->runIds().at(0)).contains(QStringLiteral("SUCCESS")),
                 qPrintable(statusOf(demo->runIds().at(0))));
        QVERIFY2(statusOf(demo->runIds().at(1)).contains(QStringLiteral("FAILED")),
                 qPrintable(statusOf(demo->runIds().at(1))));
        QVERIFY2(statusOf(demo->runIds().at(2)).contains(QStringLiteral("SUCCESS")),
                 qPrintable(statusOf(demo->runIds().at(2))));
        const QModelIndex selected = table->selectionModel()->selectedRows().value(0);
        QVERIFY2(table->model()
                     ->index(selected.row(), RunsTableModel::Signature)
                     .data()
                     .toString()
                     .startsWith(QStringLiteral("valid")),
                 "the demo's runs are signed like Port");

        // The end screen stays until the user chooses.
        DemoEndScreen* end = demo->endScreen();
        QVERIFY(end->isVisible());
        QVERIFY(end->summary().contains(QStringLiteral("3 runs published")));
        QVERIFY(demo->caption().isEmpty());
        QTest::qWait(300);
        QVERIFY(end->isVisible());
        // Play again: a new story with new runs.
        const QStringList firstRuns = demo->runIds();
        end->findChild<QPushButton*>(QStringLiteral("demoPlayAgain"))->click();
        QVERIFY(demo->isRunning());
        QVERIFY(!end->isVisible());
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
        QVERIFY(finished.last().at(0).toBool());
        QVERIFY(demo->runIds().at(0) != firstRuns.at(0));
        // "Start using Porthole" leaves.
        QSignalSpy left(demo, &DemoDirector::left);
        end->findChild<QPushButton*>(QStringLiteral("demoStartUsing"))->click();
        QCOMPARE(left.size(), 1);
        QVERIFY(!end->isVisible());
        QVERIFY(!demo->spotlighted());
    }

    void escLeavesAtAChapter()
    {
        Sandbox sandbox;
        MainWindow window(&sandbox);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.startSandbox(&error), qPrintable(error));
        DemoDirector* demo = window.demoDirector();
        demo->setPlaysHere(true);
        demo->setPaceMs(300);
        auto* banner = window.findChild<QLabel*>(QStringLiteral("demoCaptionText"));
        QVERIFY(!banner->isVisible());
        QSignalSpy finished(demo, &DemoDirector::finished);
        QSignalSpy left(demo, &DemoDirector::left);
        demo->start();
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("1/7")));
        QCOMPARE(demo->spotlighted(), test::pane<NodePane>(&window)->editor());
        QTRY_COMPARE_WITH_TIMEOUT(demo->chapter(), DemoDirector::ThePublish, 15000);
        QVERIFY(banner->text().startsWith(QStringLiteral("3/7")));
        // Esc, wherever the focus is (here the node editor), leaves.
        test::pane<NodePane>(&window)->editor()->setFocus();
        QTest::keyClick(test::pane<NodePane>(&window)->editor(), Qt::Key_Escape);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QCOMPARE(left.size(), 1);
        QVERIFY(!demo->isRunning());
        QVERIFY(!banner->isVisible());
        QVERIFY(!demo->spotlighted());
        QVERIFY(!demo->endScreen()->isVisible());
        QCOMPARE(demo->action()->text(), QStringLiteral("Demo"));
        // Nothing keeps going after it: no late caption.
        QTest::qWait(800);
        QVERIFY(!banner->isVisible());
    }

    void zoomReachesEditorTablesAndDetail()
    {
        GuiSettings::viewZoom.setValue(0);
        Sandbox sandbox;
        auto window = std::make_unique<MainWindow>(&sandbox);
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window.get()));
        NodeEditor* editor = test::pane<NodePane>(window.get())->editor();
        auto* table = window->findChild<QTableView*>(QStringLiteral("runsTable"));
        // The message detail's value is a QScintilla editor of its own.
        QsciScintilla* detail =
            test::pane<RunsPane>(window.get())->detail()->findChild<QsciScintilla*>();
        QVERIFY(detail);
        const qreal tablePoints = table->font().pointSizeF();
        const int rowHeight = table->verticalHeader()->defaultSectionSize();
        const int timeWidth = table->horizontalHeader()->sectionSize(RunsTableModel::Time);
        QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETZOOM), 0L);

        // Ctrl+= typed in the editor (which has its own zoom keys) zooms everything together.
        editor->setFocus();
        for (int i = 0; i < 4; ++i)
            QTest::keyClick(editor, Qt::Key_Equal, Qt::ControlModifier);
        QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETZOOM), 4L);
        QCOMPARE(table->font().pointSizeF(), tablePoints + 4);
        QCOMPARE(detail->SendScintilla(QsciScintilla::SCI_GETZOOM), 4L);
        QVERIFY(table->verticalHeader()->defaultSectionSize() > rowHeight);
        // Columns widen with the text, so cells are not cut short.
        QVERIFY2(table->horizontalHeader()->sectionSize(RunsTableModel::Time) > timeWidth,
                 qPrintable(QString::number(table->horizontalHeader()->sectionSize(0))));
        QCOMPARE(GuiSettings::viewZoom.value(), 4);
        QTest::keyClick(editor, Qt::Key_Minus, Qt::ControlModifier);
        QCOMPARE(editor->SendScintilla(QsciScintilla::SCI_GETZOOM), 3L);
        QCOMPARE(table->font().pointSizeF(), tablePoints + 3);

        // Remembered: a new window starts zoomed.
        window.reset();
        auto again = std::make_unique<MainWindow>(&sandbox);
        QCOMPARE(
            test::pane<NodePane>(again.get())->editor()->SendScintilla(QsciScintilla::SCI_GETZOOM),
            3L);
        auto* table2 = again->findChild<QTableView*>(QStringLiteral("runsTable"));
        QCOMPARE(table2->font().pointSizeF(), tablePoints + 3);
        // Ctrl+0: back to normal size.
        again->findChild<QAction*>(QStringLiteral("actionZoomReset"))->trigger();
        QCOMPARE(
            test::pane<NodePane>(again.get())->editor()->SendScintilla(QsciScintilla::SCI_GETZOOM),
            0L);
        QCOMPARE(table2->font().pointSizeF(), tablePoints);
        QCOMPARE(table2->verticalHeader()->defaultSectionSize(), rowHeight);
        QCOMPARE(GuiSettings::viewZoom.value(), 0);
    }
};

QTEST_MAIN(TestDemo)
#include "tst_demo.moc"
