// SPDX-License-Identifier: GPL-3.0-or-later
// Porthole remembers: a second window (a relaunch) comes back with the first one's size, file,
// tab and Kafka connection (without asking for a password), and a killed session's unsaved
// work is offered back. Settings live in a throw-away folder.
#include "core/appsettings.h"
#include "gui/connection/connectionbar.h"
#include "gui/mainwindow.h"
#include "gui/node/documentcontroller.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/start/startpage.h"
#include "gui/windowplacement.h"
#include "kafka/profilestore.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTest>

using namespace porthole;

class TestRelaunch : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;
    QString m_node;

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("PORTHOLE_KAFKA_PROFILES",
                QDir(m_settings.path()).filePath(QStringLiteral("profiles.json")).toLocal8Bit());
        // Two saved connections: a plain one, and a SASL one whose password no keyring has.
        ProfileStore store;
        ConnectionProfile plain;
        plain.name = "local";
        plain.bootstrapServers = "127.0.0.1:1";
        plain.securityProtocol = "PLAINTEXT";
        plain.orgId = "org_local";
        store.put(plain);
        ConnectionProfile sasl = plain;
        sasl.name = "cloud";
        sasl.securityProtocol = "SASL_SSL";
        sasl.saslMechanism = "SCRAM-SHA-512";
        sasl.username = "user";
        store.put(sasl);
        std::string error;
        QVERIFY2(store.save(ProfileStore::defaultPath(), &error), error.c_str());

        m_node = QDir(m_settings.path()).filePath(QStringLiteral("mine.json"));
        QFile f(m_node);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QFile example(QStringLiteral(":/examples/nodes/event-driven.json"));
        QVERIFY(example.open(QIODevice::ReadOnly));
        f.write(example.readAll());
    }

    void sizeFileTabAndConnectionComeBack()
    {
        int leftWidth = 0;
        QSize size; // what the first window had (its minimum height grows with the panes)
        {
            Sandbox firstSandbox;
            MainWindow first(&firstSandbox);
            // Within the offscreen platform's 800×600 screen: a larger window would be moved
            // and shrunk onto it (relaunchKeepsTheWindowOnScreen).
            first.resize(760, 560);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            size = first.size();
            first.move(0, 0); // the top of a screen with no window manager: nothing to shift
            QCOMPARE(first.frameGeometry().topLeft(), QPoint(0, 0));
            QVERIFY(first.openFile(m_node));
            first.findChild<QTabWidget*>(QStringLiteral("sideTabs"))->setCurrentIndex(2);
            auto* split = first.findChild<QSplitter*>(QStringLiteral("mainSplitter"));
            split->setSizes({380, 380});
            leftWidth = split->sizes().at(0);
            first.findChild<QLineEdit*>(QStringLiteral("publishKey"))
                ->setText(QStringLiteral("k-1"));
            QString error;
            QVERIFY2(first.startSandbox(&error), qPrintable(error));
            test::pane<ConnectionBar>(&first)->selectConnection(QStringLiteral("local"));
            QCOMPARE(test::pane<ConnectionBar>(&first)->currentName(), QStringLiteral("local"));
            QVERIFY(first.close());
        }
        Sandbox secondSandbox;
        MainWindow second(&secondSandbox);
        second.openStartupDocument();
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), size);
        QCOMPARE(second.frameGeometry().topLeft(), QPoint(0, 0)); // not 20 px lower
        QCOMPARE(test::pane<DocumentController>(&second)->document()->path(), m_node);
        QVERIFY(second.windowTitle().startsWith(QStringLiteral("mine.json")));
        QCOMPARE(second.findChild<QTabWidget*>(QStringLiteral("sideTabs"))->currentIndex(), 2);
        const QList<int> sizes =
            second.findChild<QSplitter*>(QStringLiteral("mainSplitter"))->sizes();
        QVERIFY2(qAbs(sizes.at(0) - leftWidth) <= 2,
                 qPrintable(QStringLiteral("%1 vs %2").arg(sizes.at(0)).arg(leftWidth)));
        QCOMPARE(second.findChild<QLineEdit*>(QStringLiteral("publishKey"))->text(),
                 QStringLiteral("k-1"));
        QVERIFY(
            test::pane<DocumentController>(&second)->document()->recentFiles().contains(m_node));
        QString error;
        QVERIFY2(second.startSandbox(&error), qPrintable(error));
        QCOMPARE(test::pane<ConnectionBar>(&second)->currentName(), QStringLiteral("local"));
        QVERIFY(second.close());
    }

    // A window saved partly off the screen's free area comes back wholly on it.
    void relaunchKeepsTheWindowOnScreen()
    {
        const QRect available = QGuiApplication::primaryScreen()->availableGeometry();
        QSize size;
        {
            Sandbox firstSandbox;
            MainWindow first(&firstSandbox);
            first.resize(720, 530);
            first.show();
            QVERIFY(QTest::qWaitForWindowExposed(&first));
            size = first.size();
            first.move(available.right() - 100, available.bottom() - 50);
            QVERIFY(first.close());
        }
        Sandbox secondSandbox;
        MainWindow second(&secondSandbox);
        second.show();
        QVERIFY(QTest::qWaitForWindowExposed(&second));
        QCOMPARE(second.size(), size);
        QVERIFY2(available.contains(second.frameGeometry()),
                 qPrintable(QStringLiteral("%1,%2 %3x%4")
                                .arg(second.x())
                                .arg(second.y())
                                .arg(second.width())
                                .arg(second.height())));
        QCOMPARE(second.frameGeometry().bottomRight(), available.bottomRight());
        QVERIFY(second.close());
    }

    // The placement rule itself: kept when it fits, else moved (and shrunk) into the free area
    // with the window manager's margins kept.
    void placementFitsTheFreeArea_data()
    {
        QTest::addColumn<QRect>("frame");
        QTest::addColumn<QRect>("client");
        QTest::addColumn<QRect>("expected");
        const QRect screen(0, 0, 1280, 800);
        QTest::newRow("fits, no frame")
            << QRect(0, 0, 1000, 700) << QRect(0, 0, 1000, 700) << QRect(0, 0, 1000, 700);
        QTest::newRow("fits, title bar")
            << QRect(10, 10, 1000, 730) << QRect(10, 40, 1000, 700) << QRect(10, 40, 1000, 700);
        QTest::newRow("off the right") << QRect(1000, 100, 600, 400) << QRect(1000, 100, 600, 400)
                                       << QRect(680, 100, 600, 400);
        QTest::newRow("above the top")
            << QRect(50, -30, 600, 430) << QRect(50, 0, 600, 400) << QRect(50, 30, 600, 400);
        QTest::newRow("too large")
            << QRect(-5, -5, 1500, 1000) << QRect(-5, -5, 1500, 1000) << screen;
    }
    void placementFitsTheFreeArea()
    {
        QFETCH(QRect, frame);
        QFETCH(QRect, client);
        QFETCH(QRect, expected);
        QCOMPARE(WindowPlacement::fit(frame, client, QRect(0, 0, 1280, 800)), expected);
    }

    // Wayland's compositor places windows: there a saved position is never restored.
    void positionIsRestoredOffWaylandOnly_data()
    {
        QTest::addColumn<QString>("platform");
        QTest::addColumn<bool>("restores");
        QTest::newRow("xcb") << QStringLiteral("xcb") << true;
        QTest::newRow("offscreen") << QStringLiteral("offscreen") << true;
        QTest::newRow("wayland") << QStringLiteral("wayland") << false;
        QTest::newRow("wayland-egl") << QStringLiteral("wayland-egl") << false;
    }
    void positionIsRestoredOffWaylandOnly()
    {
        QFETCH(QString, platform);
        QFETCH(bool, restores);
        QCOMPARE(WindowPlacement::restoresPosition(platform), restores);
    }

    // The same saved geometry restored as on X11 and as on Wayland: the size comes back on
    // both, the position on X11 only (on Wayland the window stays where it was put).
    void onWaylandOnlyTheSizeComesBack()
    {
        QWidget first;
        first.setGeometry(120, 90, 420, 310);
        first.show();
        QVERIFY(QTest::qWaitForWindowExposed(&first));
        const QByteArray saved = first.saveGeometry();
        first.showMaximized();
        const QByteArray savedMaximized = first.saveGeometry();

        QWidget x11, wayland;
        for (QWidget* w : {&x11, &wayland})
            w->setGeometry(7, 9, 200, 150);
        QVERIFY(WindowPlacement::restore(&x11, saved, u"xcb"));
        QVERIFY(WindowPlacement::restore(&wayland, saved, u"wayland"));
        QCOMPARE(x11.geometry(), QRect(120, 90, 420, 310));
        QCOMPARE(wayland.geometry(), QRect(7, 9, 420, 310));

        QWidget maximized;
        maximized.setGeometry(7, 9, 200, 150);
        QVERIFY(WindowPlacement::restore(&maximized, savedMaximized, u"wayland"));
        QVERIFY(maximized.windowState() & Qt::WindowMaximized);
        QCOMPARE(maximized.size(), QSize(420, 310)); // the size to return to when unmaximised
    }

    void aConnectionNeedingAPasswordNeverPromptsAtLaunch()
    {
        AppSettings::lastConnection.setValue(QStringLiteral("cloud"));
        Sandbox wSandbox;
        MainWindow w(&wSandbox);
        QString error;
        QVERIFY2(w.startSandbox(&error), qPrintable(error));
        // No keyring in this test: the lookup fails, and the bar says so instead of a dialog.
        QTRY_VERIFY_WITH_TIMEOUT(
            test::pane<ConnectionBar>(&w)->statusText().contains(QStringLiteral("cloud")), 30000);
        QVERIFY(!test::pane<ConnectionBar>(&w)->openDialog());
        QCOMPARE(test::pane<ConnectionBar>(&w)->currentName(), QStringLiteral("sandbox"));
        QCOMPARE(AppSettings::lastConnection.value(), QStringLiteral("cloud"));
        QVERIFY(w.close());
    }

    void sandboxKeepsItsPorts()
    {
        QString first;
        {
            Sandbox wSandbox;
            MainWindow w(&wSandbox);
            QString error;
            QVERIFY2(w.startSandbox(&error), qPrintable(error));
            first = w.findChild<QLabel*>(QStringLiteral("sandboxStatus"))->text();
        }
        Sandbox wSandbox;
        MainWindow w(&wSandbox);
        QString error;
        QVERIFY2(w.startSandbox(&error), qPrintable(error));
        QCOMPARE(w.findChild<QLabel*>(QStringLiteral("sandboxStatus"))->text(), first);
        QVERIFY(AppSettings::sandboxKafkaPort.value() > 0);
    }

    void killedSessionOffersItsWorkBack()
    {
        QByteArray edited;
        {
            Sandbox killedSandbox;
            auto* w = new MainWindow(&killedSandbox);
            QVERIFY(w->openFile(m_node));
            NodeEditor* editor = test::pane<NodePane>(w)->editor();
            editor->setCursorPosition(0, 1);
            QTest::keyClicks(editor, QStringLiteral("\"draft\": 1, "));
            edited = test::pane<NodePane>(w)->nodeText();
            QVERIFY(w->windowTitle().contains(QStringLiteral("•")));
            test::pane<DocumentController>(w)->autosave(); // what the timer does every few seconds
            delete w;                                      // killed: no closeEvent, the draft stays
        }
        Sandbox wSandbox;
        MainWindow w(&wSandbox);
        w.openStartupDocument();
        auto* restore = w.findChild<QPushButton*>(QStringLiteral("draftRestore"));
        QVERIFY(restore);
        QVERIFY(!restore->isHidden());
        QVERIFY(w.findChild<QLabel*>(QStringLiteral("draftText"))
                    ->text()
                    .contains(QStringLiteral("mine.json")));
        restore->click();
        QCOMPARE(test::pane<NodePane>(&w)->nodeText(), edited);
        QCOMPARE(test::pane<DocumentController>(&w)->document()->path(), m_node);
        QVERIFY(test::pane<DocumentController>(&w)->document()->isModified());
        QVERIFY(w.windowTitle().contains(QStringLiteral("•")));
        // Undo brings the saved file back: the draft was one edit on top of it.
        test::pane<NodePane>(&w)->editor()->undo();
        QFile f(m_node);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(test::pane<NodePane>(&w)->nodeText(), f.readAll());
        // A clean close leaves nothing to offer.
        test::pane<DocumentController>(&w)->closedCleanly();
        QVERIFY(!test::pane<DocumentController>(&w)->pendingDraft());
    }

    // An example open at the last launch comes back at the next (it used to give way to the
    // default one); a remembered file that is gone is said in the status bar, and the window
    // opens an example instead of failing.
    void exampleComesBackAfterARelaunch()
    {
        {
            Sandbox firstSandbox;
            MainWindow first(&firstSandbox);
            first.openExample(QStringLiteral("event-driven.json"));
            QVERIFY(first.close());
        }
        Sandbox secondSandbox;
        MainWindow second(&secondSandbox);
        second.openStartupDocument();
        QCOMPARE(test::pane<DocumentController>(&second)->document()->path(),
                 QStringLiteral(":/examples/nodes/event-driven.json"));
        QVERIFY(second.windowTitle().startsWith(QStringLiteral("event-driven.json")));
        // Examples have their own menu: never in the recent files.
        QVERIFY(!test::pane<DocumentController>(&second)->document()->recentFiles().contains(
            QStringLiteral(":/examples/nodes/event-driven.json")));
        QVERIFY(second.close());
    }

    void goneFileIsSaidNotFailed()
    {
        const QString gone = QDir(m_settings.path()).filePath(QStringLiteral("moved-away.json"));
        AppSettings::lastFile.setValue(gone);
        Sandbox sandbox;
        MainWindow w(&sandbox);
        w.openStartupDocument();
        // No file to reopen: the start page offers the ways in, and says what went missing.
        QVERIFY(test::pane<StartPage>(&w)->isVisibleTo(&w));
        QVERIFY(test::pane<DocumentController>(&w)->document()->path().isEmpty());
        const QString said = w.statusBar()->currentMessage();
        QVERIFY2(said.contains(QStringLiteral("moved-away.json is gone")), qPrintable(said));
        QVERIFY(w.close());
    }
};

QTEST_MAIN(TestRelaunch)
#include "tst_relaunch.moc"
