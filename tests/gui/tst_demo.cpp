// SPDX-License-Identifier: GPL-3.0-or-later
// Demo mode and zoom. The app itself plays the demo under --exit-when-done (a real process,
// offscreen, throw-away settings): one line, exit 0, all four counts 1. In process: the demo's
// captions walk its steps and Esc stops it; zoom reaches the editor, the Runs table and the
// detail, and is remembered.
#include "core/appsettings.h"
#include "gui/demo/demodirector.h"
#include "gui/guisettings.h"
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/runs/messagedetailview.h"
#include "gui/runs/runspane.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QAction>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace porthole;

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
        return env;
    }

private Q_SLOTS:
    void appPlaysTheDemoAndExitsWhenDone()
    {
        QProcess app;
        app.setProcessEnvironment(appEnvironment(m_settings.path()));
        app.start(QStringLiteral(PORTHOLE_APP),
                  {QStringLiteral("--demo"), QStringLiteral("--exit-when-done"),
                   QStringLiteral("--demo-pace"), QStringLiteral("0")});
        QVERIFY(app.waitForStarted());
        QVERIFY2(app.waitForFinished(90000), "the demo never ended (its own timeout is 60 s)");
        const QString out = QString::fromUtf8(app.readAllStandardOutput());
        const QString err = QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(app.exitStatus() == QProcess::NormalExit, qPrintable(err));
        QCOMPARE(out, QStringLiteral("demo: published=1 received=1 reported=1 completed=1\n"));
        QVERIFY2(app.exitCode() == 0, qPrintable(err));
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

    void captionsWalkTheStepsAndEscStops()
    {
        Sandbox sandbox;
        MainWindow window(&sandbox);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QString error;
        QVERIFY2(window.startSandbox(&error), qPrintable(error));
        DemoDirector* demo = window.demoDirector();
        auto* banner = window.findChild<QLabel*>(QStringLiteral("demoCaptionText"));
        QVERIFY(banner);
        QVERIFY(!banner->isVisible());
        demo->setPaceMs(300);
        QSignalSpy finished(demo, &DemoDirector::finished);
        demo->action()->trigger(); // the toolbar's button
        QVERIFY(demo->isRunning());
        QCOMPARE(demo->action()->text(), QStringLiteral("Stop demo"));
        QVERIFY(banner->isVisible());
        QVERIFY(banner->text().startsWith(QStringLiteral("1/5")));
        QTRY_VERIFY_WITH_TIMEOUT(banner->text().startsWith(QStringLiteral("3/5")), 10000);
        QVERIFY(demo->runId().startsWith(QStringLiteral("wfnr_")));
        // Esc, wherever the focus is (here the node editor), stops it.
        test::pane<NodePane>(&window)->editor()->setFocus();
        QTest::keyClick(test::pane<NodePane>(&window)->editor(), Qt::Key_Escape);
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(0).toBool(), false);
        QVERIFY(banner->text().startsWith(QStringLiteral("Demo stopped")));
        QVERIFY(!demo->isRunning());
        QCOMPARE(demo->action()->text(), QStringLiteral("Demo"));

        // Played again to the end: every count is 1 and the run's row is selected.
        demo->setPaceMs(0);
        demo->action()->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 30000);
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(finished.last().at(1).toString()));
        QCOMPARE(demo->counts().published, 1);
        QCOMPARE(demo->counts().completed, 1);
        auto* table = window.findChild<QTableView*>(QStringLiteral("runsTable"));
        QTRY_VERIFY(table->selectionModel()->hasSelection()); // the proxy filters in slices
        QVERIFY(banner->text().startsWith(QStringLiteral("Done")));
        // The line under the caption tells the story, the API's answers included.
        auto* trail = window.findChild<QLabel*>(QStringLiteral("demoCaptionTrail"));
        QVERIFY2(
            trail->text().contains(QStringLiteral("IN_PROGRESS: HTTP 200")) &&
                trail->text().contains(QStringLiteral("2 log lines: HTTP 200")) &&
                trail->text().contains(QStringLiteral("COMPLETED / SUCCESS + output: HTTP 200")),
            qPrintable(trail->text()));
        // The run's message was signed as Port signs: the Runs table verifies it.
        const QModelIndex selected = table->selectionModel()->selectedRows().value(0);
        const QString signature =
            table->model()->index(selected.row(), RunsTableModel::Signature).data().toString();
        QVERIFY2(signature.startsWith(QStringLiteral("valid")), qPrintable(signature));
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
