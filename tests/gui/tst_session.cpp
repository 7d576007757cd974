// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop session (issue 21): one connection, one Port account, one selected run, and the
// bugs that came from each pane holding its own copy. Each case failed before the session
// model: Ctrl+E typed into a hidden editor, Ctrl+R sent a report on whatever run the form held,
// a row's right-click opened two menus one after the other, the detail kept a cleared message
// with "Report run" enabled, a new start position did nothing until F5, and going back to the
// sandbox after a failed connection left the watch stopped.
#include "core/appsettings.h"
#include "gui/elidedlabel.h"
#include "gui/guisettings.h"
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/publish/publishpane.h"
#include "gui/report/reportpane.h"
#include "gui/runs/messageactions.h"
#include "gui/runs/messagedetailview.h"
#include "gui/runs/runspane.h"
#include "gui/session/connectionstate.h"
#include "gui/session/portaccount.h"
#include "gui/session/renderinputs.h"
#include "gui/session/runselection.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "portapi/localapicall.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTest>
#include <QTimer>
#include <set>

using namespace porthole;

class TestSession : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;
    Sandbox m_sandbox;
    MainWindow* m_w = nullptr;
    Session* session() const { return m_w->session(); }
    RunsPane* runs() const { return test::pane<RunsPane>(m_w); }
    QTableView* table() const { return m_w->findChild<QTableView*>(QStringLiteral("runsTable")); }
    QTabWidget* tabs() const { return m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs")); }

    void activate()
    {
        m_w->activateWindow();
        QApplication::setActiveWindow(m_w);
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(m_w));
    }
    void chord(int k, Qt::KeyboardModifiers mods)
    {
        activate();
        QWidget* target = QApplication::focusWidget() ? QApplication::focusWidget() : m_w;
        QTest::keyClick(target, Qt::Key(k), mods);
    }
    // Publishes the rendered node once from the Publish tab and waits for its row.
    void publishOneRow()
    {
        const int before = runs()->model()->rowCount();
        QSignalSpy done(test::pane<PublishPane>(m_w), &PublishPane::publishFinished);
        test::pane<PublishPane>(m_w)->setRepeat(1);
        test::pane<PublishPane>(m_w)->publish();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->proxy()->rowCount() > before, 20000);
    }
    // Publishes the node 3 times and collects the node run ids of the 3 new rows.
    void publishThrice(std::set<std::string>* ids)
    {
        auto* publish = test::pane<PublishPane>(m_w);
        const int before = runs()->model()->rowCount();
        QSignalSpy done(publish, &PublishPane::publishFinished);
        publish->setRepeat(3);
        publish->publish();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->model()->rowCount() >= before + 3, 20000);
        for (int row = before; row < before + 3; ++row)
            ids->insert(runs()->model()->info(row).ids.nodeRun.text());
    }
    void selectFirstRow()
    {
        table()->setCurrentIndex(runs()->proxy()->index(0, 0));
        QTRY_VERIFY(!session()->selection()->isEmpty());
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_w = new MainWindow(&m_sandbox);
        m_w->resize(1280, 800);
        m_w->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_w));
        QString error;
        QVERIFY2(m_w->startSandbox(&error), qPrintable(error));
        m_w->openExample(QStringLiteral("with-run-ids.json"));
        auto* node = test::pane<NodePane>(m_w);
        QTRY_VERIFY_WITH_TIMEOUT(node->lastRender() && node->lastRender()->ok, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(runs()->isWatching(), 10000);
    }
    void cleanupTestCase() { delete m_w; }

    // One Broker and Topic: the connection's, shown read-only in both Kafka tabs; a typed topic
    // is an override that both tabs use and say so.
    void oneConnectionForBothKafkaTabs()
    {
        auto* runsBroker = m_w->findChild<QLineEdit*>(QStringLiteral("runsBootstrap"));
        auto* publishBroker = m_w->findChild<QLineEdit*>(QStringLiteral("publishBootstrap"));
        QVERIFY(runsBroker->isReadOnly() && publishBroker->isReadOnly());
        QCOMPARE(runsBroker->text(), m_sandbox.bootstrap());
        QCOMPARE(publishBroker->text(), m_sandbox.bootstrap());
        QVERIFY(session()->connection()->isSandbox());

        auto* runsTopic = m_w->findChild<QLineEdit*>(QStringLiteral("runsTopic"));
        auto* publishTopic = m_w->findChild<QLineEdit*>(QStringLiteral("publishTopic"));
        auto* note = m_w->findChild<QLabel*>(QStringLiteral("publishTopicNote"));
        runsTopic->setText(QStringLiteral("other.runs"));
        Q_EMIT runsTopic->editingFinished();
        QCOMPARE(session()->connection()->topic(), QStringLiteral("other.runs"));
        QCOMPARE(publishTopic->text(), QStringLiteral("other.runs"));
        QVERIFY(!note->isHidden() && note->text().contains(QLatin1String("sandbox.runs")));
        Q_EMIT note->linkActivated(QStringLiteral("reset"));
        QCOMPARE(session()->connection()->topic(), QStringLiteral("sandbox.runs"));
        QCOMPARE(runsTopic->text(), QStringLiteral("sandbox.runs"));
        QVERIFY(note->isHidden());
        QTRY_VERIFY_WITH_TIMEOUT(runs()->isWatching(), 10000);
    }

    // Bug 3: a publish repeated 3 times sends 3 runs, each with its own ids (Port never
    // reuses one); the checkbox keeps the context's ids when the user wants that.
    void repeatsAreNewRuns()
    {
        auto* publish = test::pane<PublishPane>(m_w);
        auto* same = m_w->findChild<QCheckBox*>(QStringLiteral("publishSameIds"));
        QVERIFY(same && !same->isChecked());
        const std::string context = session()->render()->runIds().nodeRun.text();
        std::set<std::string> fresh;
        publishThrice(&fresh);
        QCOMPARE(fresh.size(), size_t(3));
        QVERIFY(!fresh.count(context));
        for (const std::string& id : fresh)
            QVERIFY(RunId::isPortForm(id, RunId::Kind::NodeRun));
        same->setChecked(true);
        std::set<std::string> same3;
        publishThrice(&same3);
        QVERIFY(same3 == std::set<std::string>{context});
        same->setChecked(false);
        publish->setRepeat(1);
    }

    // Full width hides the editor; Ctrl+E must bring it back before it takes the keyboard.
    void ctrlEShowsTheHiddenEditor()
    {
        auto* node = test::pane<NodePane>(m_w);
        tabs()->setCurrentWidget(runs());
        runs()->setWide(true);
        QVERIFY(!node->isVisible());
        tabs()->setCurrentIndex(0); // Preview
        chord(Qt::Key_E, Qt::ControlModifier);
        QVERIFY(node->isVisible());
        QVERIFY(node->editor()->isVisible());
        QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget*>(node->editor()));
        QVERIFY(!runs()->isWide());
    }

    // Ctrl+R fills the Report tab from the selected row and waits for Send: nothing is sent.
    void ctrlRFillsTheReportAndNeverSends()
    {
        tabs()->setCurrentWidget(runs());
        publishOneRow();
        selectFirstRow();
        auto* report = test::pane<ReportPane>(m_w);
        auto* runId = report->findChild<QLineEdit*>(QStringLiteral("reportRunId"));
        runId->setText(QStringLiteral("wfnr_notTheSelected1")); // what the form held before
        int patches = 0; // a consumer may read the run; nobody may report on it
        const auto counter =
            connect(m_sandbox.api(), &LocalPortApi::callRecorded, this,
                    [&patches](const LocalApiCall& c) { patches += c.method == "PATCH"; });
        QSignalSpy reported(report, &ReportPane::reportFinished);
        chord(Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(tabs()->currentWidget(), static_cast<QWidget*>(report));
        QCOMPARE(runId->text(), session()->selection()->runId());
        QTRY_COMPARE(
            QApplication::focusWidget(),
            static_cast<QWidget*>(report->findChild<QPushButton*>(QStringLiteral("reportSend"))));
        QTest::qWait(500);
        QCOMPARE(reported.count(), 0);
        disconnect(counter);
        QCOMPARE(patches, 0);
    }

    // A row's right-click opens one menu: the timeline and the message's actions together.
    void oneContextMenuOnARow()
    {
        tabs()->setCurrentWidget(runs());
        selectFirstRow();
        QStringList seen;
        int menus = 0;
        const auto look = [&] {
            if (auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget())) {
                ++menus;
                for (QAction* a : menu->actions())
                    if (!a->isSeparator())
                        seen << a->text().remove(QLatin1Char('&'));
                menu->close();
            }
        };
        // Look while the menu is open, and again after it closed: no second menu may follow.
        QTimer::singleShot(300, this, look);
        QTimer::singleShot(900, this, look);
        Q_EMIT table()->customContextMenuRequested(
            table()->visualRect(table()->currentIndex()).center());
        QTest::qWait(1200);
        QCOMPARE(menus, 1);
        QVERIFY2(seen.contains(QStringLiteral("Show timeline")), qPrintable(seen.join(u',')));
        QVERIFY2(seen.size() > 3, qPrintable(seen.join(u','))); // the message actions too
    }

    // Clear empties the detail and the selection: no "Report run" on a message that is gone.
    void clearResetsTheDetailAndTheSelection()
    {
        tabs()->setCurrentWidget(runs());
        selectFirstRow();
        MessageDetailView* detail = runs()->detail();
        QVERIFY(detail->message());
        QVERIFY(runs()->actions()->report()->isEnabled());
        m_w->findChild<QPushButton*>(QStringLiteral("runsClear"))->click();
        QVERIFY(!detail->message());
        QVERIFY(!runs()->actions()->report()->isEnabled());
        QVERIFY(session()->selection()->isEmpty());
    }

    // Choosing another start position restarts the watch from there (no F5).
    void aNewPositionRestartsTheWatch()
    {
        tabs()->setCurrentWidget(runs());
        auto* from = m_w->findChild<QComboBox*>(QStringLiteral("runsFrom"));
        from->setCurrentIndex(from->findData(int(StartPosition::Kind::Beginning)));
        runs()->startWatching();
        publishOneRow();
        selectFirstRow();
        // The user picks "New messages only": the old rows and the selection go, the watch
        // starts again at the end.
        const int index = from->findData(int(StartPosition::Kind::End));
        Q_EMIT from->activated(index);
        from->setCurrentIndex(index);
        Q_EMIT from->activated(index);
        QVERIFY(runs()->isWatching());
        QTRY_COMPARE(runs()->model()->rowCount(), 0);
        QVERIFY(session()->selection()->isEmpty());
        from->setCurrentIndex(from->findData(int(StartPosition::Kind::Beginning)));
        Q_EMIT from->activated(from->currentIndex());
        QTRY_VERIFY_WITH_TIMEOUT(runs()->model()->rowCount() > 0, 20000);
    }

    // A connection that fails stops the watch; choosing the sandbox again watches again.
    void backToTheSandboxWatchesAgain()
    {
        publishOneRow();
        const KafkaTarget sandbox = session()->connection()->target();
        session()->connection()->setTarget(
            KafkaTarget::plain(QStringLiteral("127.0.0.1:1"), QStringLiteral("dead.runs")));
        QTRY_VERIFY_WITH_TIMEOUT(!runs()->isWatching(), 30000);
        session()->connection()->setTarget(sandbox);
        QVERIFY(runs()->isWatching());
        auto* status = m_w->findChild<ElidedLabel*>(QStringLiteral("runsStatus"));
        QTRY_VERIFY2_WITH_TIMEOUT(runs()->model()->rowCount() > 0, qPrintable(status->fullText()),
                                  20000);
    }

    // The Port account is one: the Report tab's fields edit it, and it reaches the connection
    // editor and signing without any pane asking another.
    void oneAccountForEveryPane()
    {
        auto* secret = m_w->findChild<QLineEdit*>(QStringLiteral("reportClientSecret"));
        auto* url = m_w->findChild<QLineEdit*>(QStringLiteral("reportBaseUrl"));
        QCOMPARE(url->text(), m_sandbox.apiUrl());
        QCOMPARE(session()->account()->baseUrl(), m_sandbox.apiUrl());
        secret->setText(QStringLiteral("typed-secret"));
        QCOMPARE(session()->account()->clientSecret(), QStringLiteral("typed-secret"));
        // Signing on the sandbox uses the sandbox's own secret, elsewhere the account's.
        QCOMPARE(session()->connection()->signingSecret(), m_sandbox.clientSecret());
        session()->account()->setClientSecret(QStringLiteral("sandbox"));
        QCOMPARE(secret->text(), QStringLiteral("sandbox"));
    }

    // The window's layout settings live in gui, apart from what the command line shares.
    void windowSettingsAreTheAppsOwn()
    {
        const QStringList gui = GuiSettings::keys();
        const QStringList shared = AppSettings::keys();
        for (const QString& k : gui) {
            QVERIFY2(!shared.contains(k), qPrintable(k));
            for (const char* word : {"password", "secret", "token", "credential"})
                QVERIFY2(!k.contains(QLatin1String(word), Qt::CaseInsensitive), qPrintable(k));
        }
        QVERIFY(gui.contains(QStringLiteral("window/geometry")));
    }
};

QTEST_MAIN(TestSession)
#include "tst_session.moc"
