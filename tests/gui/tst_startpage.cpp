// SPDX-License-Identifier: GPL-3.0-or-later
// The start page: a first launch shows it in place of the editor; it says what Porthole does
// and opens each thing it offers (every example in the index, a file, the demo in a process of
// its own, Port's EU/US connection editor); every focusable widget has a name and Tab walks
// it in order. The example with a deliberate mistake says so above the editor, a clean one
// does not.
#include "core/appsettings.h"
#include "core/nodedocument.h"
#include "gui/demo/demodirector.h"
#include "gui/demo/demolauncher.h"
#include "gui/mainwindow.h"
#include "gui/node/documentcontroller.h"
#include "gui/start/exampleindex.h"
#include "gui/start/examplenote.h"
#include "gui/start/startpage.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QAbstractButton>
#include <QAccessible>
#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSplitter>
#include <QTest>
#include <QTimer>

using namespace porthole;

class TestStartPage : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;
    Sandbox m_sandbox;

    static QWidget* visibleDialog()
    {
        for (QWidget* w : QApplication::topLevelWidgets())
            if (qobject_cast<QDialog*>(w) && w->isVisible())
                return w;
        return nullptr;
    }

private Q_SLOTS:
    void indexDescribesEveryBundledExample()
    {
        const ExampleIndex& index = ExampleIndex::bundled();
        QVERIFY(index.entries().size() >= 8);
        int mistakes = 0;
        for (const ExampleEntry& e : index.entries()) {
            QVERIFY2(QFile::exists(e.resourcePath()), qPrintable(e.file));
            QVERIFY2(!e.title.isEmpty() && !e.description.isEmpty(), qPrintable(e.file));
            mistakes += e.deliberateMistake.isEmpty() ? 0 : 1;
        }
        QCOMPARE(mistakes, 1);
        // A user's own file of the same name is not the example.
        QVERIFY(!index.find(QStringLiteral("/home/me/nodes/basic-publish-event.json")));
        QVERIFY(index.find(
            QStringLiteral("/usr/share/porthole/examples/nodes/basic-publish-event.json")));
    }

    void firstLaunchShowsItAndEachOfferOpens()
    {
        AppSettings::lastFile.reset();
        MainWindow window(&m_sandbox);
        window.openStartupDocument();
        window.resize(1024, 700);
        window.show();
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* start = test::pane<StartPage>(&window);
        auto* split = window.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
        QVERIFY(start->isVisible());
        QVERIFY(!split->isVisible());
        QVERIFY(window.findChild<QLabel*>(QStringLiteral("startAbout"))
                    ->text()
                    .contains(QStringLiteral("Kafka action node")));

        // Every focusable widget has a name a screen reader says; Tab walks the offers in order.
        for (QWidget* w : start->findChildren<QWidget*>()) {
            if (w->focusPolicy() == Qt::NoFocus || !w->isVisible())
                continue;
            QAccessibleInterface* iface = QAccessible::queryAccessibleInterface(w);
            QVERIFY2(iface && !iface->text(QAccessible::Name).trimmed().isEmpty(),
                     qPrintable(w->objectName()));
        }
        auto* demo = start->findChild<QAbstractButton*>(QStringLiteral("startDemo"));
        QTRY_VERIFY(demo->hasFocus());
        const QStringList order = {QStringLiteral("startOpen"), QStringLiteral("startConnectEu"),
                                   QStringLiteral("startConnectUs")};
        for (const QString& name : order) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget()->objectName(), name);
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), start->exampleButtons().first());
        // Mnemonics: Alt+D is the demo's, Alt+O opening a file.
        QVERIFY(demo->text().contains(QStringLiteral("&d")));

        // Each example opens, and the page makes way for the editor.
        auto* docs = test::pane<DocumentController>(&window);
        auto* note = test::pane<ExampleNote>(&window);
        const auto& entries = ExampleIndex::bundled().entries();
        for (int i = 0; i < entries.size(); ++i) {
            window.showStartPage(true);
            QVERIFY(start->isVisible());
            start->exampleButtons().at(i)->click();
            QCOMPARE(docs->document()->path(), entries.at(i).resourcePath());
            QVERIFY(!start->isVisible());
            QVERIFY(split->isVisible());
            // The deliberate mistake is said above the editor; a clean example says nothing.
            QCOMPARE(note->isVisible(), !entries.at(i).deliberateMistake.isEmpty());
            if (note->isVisible())
                QVERIFY(note->text().contains(QStringLiteral("Go-template date on purpose")));
        }
        // Help ▸ Start page brings it back; unchecking goes back to the file.
        QAction* again = window.findChild<QAction*>(QStringLiteral("actionStartPage"));
        again->trigger();
        QVERIFY(start->isVisible() && again->isChecked());
        again->trigger();
        QVERIFY(!start->isVisible() && split->isVisible());

        // Open a file…: the open dialog (closed here unanswered).
        window.showStartPage(true);
        bool fileDialog = false; // the dialog goes away when closed: look while it is up
        QTimer::singleShot(300, this, [&fileDialog] {
            QWidget* seen = visibleDialog();
            fileDialog = qobject_cast<QFileDialog*>(seen) != nullptr;
            if (seen)
                seen->close();
        });
        start->findChild<QAbstractButton*>(QStringLiteral("startOpen"))->click();
        QTRY_VERIFY(fileDialog);

        // Connect to Port EU: the connection editor, with Port's settings.
        start->findChild<QAbstractButton*>(QStringLiteral("startConnectEu"))->click();
        QTRY_VERIFY(visibleDialog());
        QWidget* editor = visibleDialog();
        QCOMPARE(QString::fromLatin1(editor->metaObject()->className()),
                 QStringLiteral("porthole::ConnectionDialog"));
        QVERIFY(editor->findChild<QLineEdit*>() != nullptr);
        editor->close();
    }

    void playTheDemoStartsItInAProcessOfItsOwn()
    {
        // The user's settings file, before and after: the demo never writes it.
        AppSettings::publishKey.setValue(QStringLiteral("users-own-key"));
        const QString conf = QSettings().fileName();
        MainWindow window(&m_sandbox);
        window.showStartPage(true);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QSettings().sync();
        QFile before(conf);
        QVERIFY(before.open(QIODevice::ReadOnly));
        const QByteArray bytes = before.readAll();
        DemoLauncher* launcher = window.demoDirector()->launcher();
        launcher->setProgram(QStringLiteral(PORTHOLE_APP));
        launcher->setExtraArguments({QStringLiteral("--exit-when-done"),
                                     QStringLiteral("--demo-pace"), QStringLiteral("0")});
        QSignalSpy ended(launcher, &DemoLauncher::ended);
        test::pane<StartPage>(&window)
            ->findChild<QAbstractButton*>(QStringLiteral("startDemo"))
            ->click();
        QVERIFY(launcher->isPlaying());
        QVERIFY(!window.demoDirector()->isRunning()); // not in the user's window
        QVERIFY(ended.wait(90000));
        QCOMPARE(ended.first().at(0).toInt(), 0);
        QVERIFY2(ended.first().at(1).toByteArray().startsWith("demo: published=3 "),
                 ended.first().at(1).toByteArray().constData());
        QFile after(conf);
        QVERIFY(after.open(QIODevice::ReadOnly));
        QCOMPARE(after.readAll(), bytes);
        // Nor did it write the app's settings where a user's Porthole keeps them.
        QVERIFY(
            !QDir(qEnvironmentVariable("XDG_CONFIG_HOME") + QStringLiteral("/Porthole")).exists());
    }
};

QTEST_MAIN(TestStartPage)
#include "tst_startpage.moc"
