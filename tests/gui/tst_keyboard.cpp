// SPDX-License-Identifier: GPL-3.0-or-later
// The keyboard walk: every pane reached and every command run with keys only, the focus in the
// editor included (Scintilla used to type Ctrl+. as "." and keep Tab to itself); File ▸ Open
// recording loads a recording into the Runs tab.
#include "core/messagedecoder.h"
#include "gui/elidedlabel.h"
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/node/problemsview.h"
#include "gui/publish/publishpane.h"
#include "gui/report/reportpane.h"
#include "gui/runs/runspane.h"
#include "gui/runs/runsrecorder.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"
#include "support/throwawaysettings.h"

#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QFileDialog>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace porthole;

namespace {
// PH1105: "kafka" must be "KAFKA"; the quick fix says so.
const QByteArray kBroken =
    R"({"identifier":"x","title":"X","config":{"type":"kafka","payload":{"a":"{{ .outputs.trigger.ser }}"}}})";
} // namespace

class TestKeyboard : public QObject
{
    Q_OBJECT
    test::ThrowAwaySettings m_settings;
    Sandbox m_sandbox;
    MainWindow* m_w = nullptr;
    NodeEditor* editor() const { return test::pane<NodePane>(m_w)->editor(); }
    QWidget* focus() const { return QApplication::focusWidget(); }

    void key(int k, Qt::KeyboardModifiers mods = Qt::NoModifier)
    {
        // The offscreen platform leaves a closed menu as the active window; a real one does not.
        if (QApplication::activeWindow() != m_w) {
            m_w->activateWindow();
            QApplication::setActiveWindow(m_w);
            QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(m_w));
        }
        QWidget* target = focus() ? focus() : m_w;
        QTest::keyClick(target, Qt::Key(k), mods);
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
        m_w->openExample(QStringLiteral("with-run-ids.json"));
        QTRY_VERIFY_WITH_TIMEOUT(test::pane<NodePane>(m_w)->lastRender() &&
                                     test::pane<NodePane>(m_w)->lastRender()->ok,
                                 20000);
    }
    void cleanupTestCase() { delete m_w; }

    void chordsNeverTypeIntoTheEditor()
    {
        editor()->setFocus();
        QTRY_COMPARE(focus(), static_cast<QWidget*>(editor()));
        const QByteArray before = test::pane<NodePane>(m_w)->nodeText();
        editor()->setCursorPosition(1, 2);
        key(Qt::Key_Period, Qt::ControlModifier); // no fix here: nothing typed
        key(Qt::Key_K, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), before);
        QCOMPARE(focus(), static_cast<QWidget*>(editor()));
    }

    void quickFixAndProblemsFromTheEditor()
    {
        test::pane<NodePane>(m_w)->setNodeText(kBroken);
        QTRY_COMPARE(test::pane<NodePane>(m_w)->problemsView()->topLevelItemCount(), 1);
        editor()->setFocus();
        editor()->setCursorPosition(0, 0);
        key(Qt::Key_F8); // selects the problem
        QCOMPARE(editor()->selectedText(), QStringLiteral("\"kafka\""));
        key(Qt::Key_F8, Qt::ShiftModifier); // wraps to the same one
        QCOMPARE(editor()->selectedText(), QStringLiteral("\"kafka\""));
        key(Qt::Key_Period, Qt::ControlModifier);
        QVERIFY(test::pane<NodePane>(m_w)->nodeText().contains("\"KAFKA\""));
        QVERIFY(!test::pane<NodePane>(m_w)->nodeText().contains(".\"kafka"));
        QTRY_COMPARE(test::pane<NodePane>(m_w)->problemsView()->topLevelItemCount(), 0);
    }

    void completionInsideATemplate()
    {
        const QByteArray text = test::pane<NodePane>(m_w)->nodeText();
        const int at = int(text.indexOf(".ser }}") + 4); // after ".outputs.trigger.ser"
        editor()->setFocus();
        editor()->SendScintilla(QsciScintilla::SCI_GOTOPOS, long(at));
        key(Qt::Key_Space, Qt::ControlModifier);
        QVERIFY(editor()->isListActive());
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), text); // no space typed
        key(Qt::Key_Return); // the one proposal: .outputs.trigger.service
        QVERIFY(!editor()->isListActive());
        QVERIFY2(test::pane<NodePane>(m_w)->nodeText().contains("{{ .outputs.trigger.service }}"),
                 test::pane<NodePane>(m_w)->nodeText().constData());
        editor()->undo();
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), text);
    }

    void tabLeavesTheEditorOnlyAfterCtrlM()
    {
        editor()->setFocus();
        const QByteArray before = test::pane<NodePane>(m_w)->nodeText();
        key(Qt::Key_M, Qt::ControlModifier);
        key(Qt::Key_Tab);
        QVERIFY(focus() != editor());
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), before);
        editor()->setFocus();
        key(Qt::Key_M, Qt::ControlModifier); // back to indenting
        key(Qt::Key_Tab);
        QCOMPARE(focus(), static_cast<QWidget*>(editor()));
        QVERIFY(test::pane<NodePane>(m_w)->nodeText() != before);
        editor()->undo();
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), before);
    }

    void ctrlDigitsWalkThePanesAndTabLeavesTheirBoxes()
    {
        auto* tabs = m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"));
        for (int i = 0; i < 4; ++i) {
            editor()->setFocus();
            key(Qt::Key_1 + i, Qt::ControlModifier);
            QCOMPARE(tabs->currentIndex(), i);
            QVERIFY2(
                focus() && tabs->currentWidget()->isAncestorOf(focus()),
                qPrintable(QStringLiteral("tab %1: focus on %2")
                               .arg(i)
                               .arg(focus() ? focus()->objectName() : QStringLiteral("nothing"))));
        }
        // The Headers box is one-purpose: Tab leaves it instead of typing a tab.
        auto* headers = m_w->findChild<QPlainTextEdit*>(QStringLiteral("publishHeaders"));
        key(Qt::Key_2, Qt::ControlModifier);
        headers->setFocus();
        const QString text = headers->toPlainText();
        key(Qt::Key_Tab);
        QVERIFY(focus() != headers);
        QCOMPARE(headers->toPlainText(), text);
    }

    void altLettersOpenMenus()
    {
        editor()->setFocus();
        const QByteArray before = test::pane<NodePane>(m_w)->nodeText();
        key(Qt::Key_F, Qt::AltModifier);
        QTRY_VERIFY(qobject_cast<QMenu*>(QApplication::activePopupWidget()));
        QCOMPARE(qobject_cast<QMenu*>(QApplication::activePopupWidget())->title(),
                 QStringLiteral("&File"));
        QTest::keyClick(QApplication::activePopupWidget(), Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), before);
        // Alt+K: the Kafka connection picker.
        editor()->setFocus();
        key(Qt::Key_K, Qt::AltModifier);
        QCOMPARE(focus()->objectName(), QStringLiteral("connectionCombo"));
        QCOMPARE(test::pane<NodePane>(m_w)->nodeText(), before);
    }

    void publishWatchStopAndReportByKeys()
    {
        editor()->setFocus();
        m_w->openExample(QStringLiteral("with-run-ids.json"));
        QTRY_VERIFY_WITH_TIMEOUT(test::pane<NodePane>(m_w)->lastRender() &&
                                     test::pane<NodePane>(m_w)->lastRender()->ok,
                                 20000);
        QSignalSpy published(test::pane<PublishPane>(m_w), &PublishPane::publishFinished);
        key(Qt::Key_Return, Qt::ControlModifier);
        QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 30000);
        QCOMPARE(published.at(0).at(0).toLongLong(), 1);
        QCOMPARE(m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))->currentWidget(),
                 static_cast<QWidget*>(test::pane<PublishPane>(m_w)));

        editor()->setFocus();
        key(Qt::Key_W, Qt::ControlModifier);
        QCOMPARE(focus(), static_cast<QWidget*>(editor()));
        QVERIFY(!test::pane<RunsPane>(m_w)->isWatching());
        key(Qt::Key_F5);
        QVERIFY(test::pane<RunsPane>(m_w)->isWatching());
        QCOMPARE(m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))->currentWidget(),
                 static_cast<QWidget*>(test::pane<RunsPane>(m_w)));

        // Ctrl+R only brings the Report tab forward (filled from the selected run, when one is):
        // the report goes when the user presses Send (Alt+D), never before.
        editor()->setFocus();
        QSignalSpy reported(test::pane<ReportPane>(m_w), &ReportPane::reportFinished);
        key(Qt::Key_R, Qt::ControlModifier);
        QCOMPARE(m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))->currentWidget(),
                 static_cast<QWidget*>(test::pane<ReportPane>(m_w)));
        QTest::qWait(300);
        QCOMPARE(reported.count(), 0);
        key(Qt::Key_D, Qt::AltModifier);
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 30000);
    }

    // At 1024×700 the Runs tab's bottom row is one tidy line: the status (the broker's news)
    // elided with the whole text in its tooltip, the live numbers whole, a fixed-size chart.
    // The status used to wrap to four lines and squeeze the table.
    void runsStatusStaysOneLineWhenNarrow()
    {
        QVERIFY(test::pane<RunsPane>(m_w)
                    ->isWatching()); // the long "watching … without a consumer group"
        m_w->resize(1024, 700);
        m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))
            ->setCurrentWidget(test::pane<RunsPane>(m_w));
        auto* status = m_w->findChild<ElidedLabel*>(QStringLiteral("runsStatus"));
        auto* strip = m_w->findChild<ElidedLabel*>(QStringLiteral("runsLiveStrip"));
        QVERIFY(status && strip);
        QTRY_VERIFY(status->fullText().startsWith(QLatin1String("watching ")));
        QTRY_COMPARE(m_w->width(), 1024);
        QTRY_VERIFY(strip->text().contains(QLatin1String("held")));
        for (ElidedLabel* label : {status, strip}) {
            QVERIFY(!label->wordWrap());
            QVERIFY(!label->text().contains(QLatin1Char('\n')));
            // One row, as tall as the rate chart beside them (two text heights) at most.
            QCOMPARE(label->geometry().center().y(), strip->geometry().center().y());
            QVERIFY2(label->height() <= 2 * label->fontMetrics().height(),
                     qPrintable(QStringLiteral("%1: %2 px high")
                                    .arg(label->objectName())
                                    .arg(label->height())));
        }
        QCOMPARE(strip->text(), strip->fullText()); // the live numbers fit whole
        QVERIFY2(status->text() != status->fullText(), "long enough to elide at this width");
        QVERIFY(status->text().endsWith(QStringLiteral("…")));
        QVERIFY(status->toolTip().contains(status->fullText()));
        QVERIFY(status->width() > 40);
    }

    // At 1024×700 the read-position row keeps the start combo whole, whichever start is
    // chosen (it read "From the…" there), and the Partitions box wide enough for its hint.
    void runsStartComboReadsWholeWhenNarrow()
    {
        m_w->resize(1024, 700);
        m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))
            ->setCurrentWidget(test::pane<RunsPane>(m_w));
        QTRY_COMPARE(m_w->width(), 1024);
        auto* from = m_w->findChild<QComboBox*>(QStringLiteral("runsFrom"));
        auto* partitions = m_w->findChild<QLineEdit*>(QStringLiteral("runsPartitions"));
        QVERIFY(from && partitions);
        const int kept = from->currentIndex();
        for (int i = 0; i < from->count(); ++i) {
            from->setCurrentIndex(i);
            QTest::qWait(0);
            QApplication::processEvents();
            const auto why = [&] {
                QStringList row{QStringLiteral("bar %1").arg(from->parentWidget()->width())};
                for (QWidget* w : from->parentWidget()->findChildren<QWidget*>())
                    if (w->isVisible())
                        row << QStringLiteral("%1 %2").arg(w->objectName()).arg(w->width());
                return QStringLiteral("%1: combo %2 px wide, wants %3 (%4)")
                    .arg(from->itemText(i))
                    .arg(from->width())
                    .arg(from->sizeHint().width())
                    .arg(row.join(QStringLiteral(", ")));
            };
            QTRY_VERIFY2(from->width() >= from->sizeHint().width(), qPrintable(why()));
            QVERIFY2(
                partitions->width() >=
                    partitions->fontMetrics().horizontalAdvance(partitions->placeholderText()) + 8,
                qPrintable(why()));
            // The field beside it (offset, time, count) whole too.
            for (QWidget* w :
                 from->parentWidget()->findChildren<QWidget*>(Qt::FindDirectChildrenOnly))
                if (w->isVisible())
                    QVERIFY2(w->width() >= w->minimumSizeHint().width(), qPrintable(why()));
            // The whole sentence is a tooltip away.
            QVERIFY(from->itemData(i, Qt::ToolTipRole).toString().size() >
                    from->itemText(i).size());
        }
        from->setCurrentIndex(kept);
    }

    void shortcutsAreShownInMenusAndTooltips()
    {
        const QStringList expected = {
            QStringLiteral("Ctrl+."), QStringLiteral("Ctrl+Space"), QStringLiteral("Ctrl+Return"),
            QStringLiteral("Ctrl+R"), QStringLiteral("F5"),         QStringLiteral("Ctrl+W"),
            QStringLiteral("F8"),     QStringLiteral("Shift+F8"),   QStringLiteral("Ctrl+Shift+S"),
            QStringLiteral("Ctrl+Q"), QStringLiteral("Ctrl+M"),     QStringLiteral("Ctrl+1"),
            QStringLiteral("Ctrl+4")};
        QStringList shown;
        for (QMenu* menu : m_w->menuBar()->findChildren<QMenu*>())
            for (QAction* a : menu->actions())
                shown << a->shortcut().toString();
        for (const QString& k : expected)
            QVERIFY2(shown.contains(k), qPrintable(k));
        QStringList titles;
        for (QAction* a : m_w->menuBar()->actions())
            titles << a->text();
        QCOMPARE(titles, (QStringList{QStringLiteral("&File"), QStringLiteral("&Edit"),
                                      QStringLiteral("&View"), QStringLiteral("&Run"),
                                      QStringLiteral("&Help")}));
        QVERIFY(m_w->findChild<QWidget*>(QStringLiteral("publishButton"))
                    ->toolTip()
                    .contains(QStringLiteral("Ctrl+Return")));
    }

    // File ▸ Open recording (Ctrl+Shift+O): the Runs tab's Open recording from anywhere, the
    // file chosen in its dialog, the rows in the table with no broker, the Runs tab shown.
    void openRecordingFromTheFileMenu()
    {
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("small.jsonl"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3; ++i) {
            KafkaRecord r;
            r.topic = "rec.runs";
            r.offset = 40 + i;
            r.timestampType = TimestampType::CreateTime;
            r.value = "{\"context\":{\"runId\":\"wfnr_8Jk2Lm4Np6Qr8St" + std::to_string(i) + "\"}}";
            file.write(QByteArray::fromStdString(MessageDecoder::toJsonLine(r)) + '\n');
        }
        file.close();

        QAction* open = m_w->findChild<QAction*>(QStringLiteral("actionOpenRecording"));
        QVERIFY(open);
        QCOMPARE(open->text(), QStringLiteral("Open recor&ding…"));
        // Its keys are its own: no other command of the window has them.
        int holders = 0;
        for (QAction* a : m_w->findChildren<QAction*>())
            holders += a->shortcuts().contains(open->shortcut()) ? 1 : 0;
        QCOMPARE(holders, 1);

        // The dialog: the recording chosen in it.
        QTimer poll;
        poll.setInterval(50);
        connect(&poll, &QTimer::timeout, this, [&poll, path] {
            if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
                // Typed into the file name box, then Enter (as a user would).
                auto* name = dialog->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
                if (!name)
                    return;
                poll.stop();
                name->setText(path);
                QTest::keyClick(name, Qt::Key_Return);
            }
        });
        poll.start();
        m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))->setCurrentIndex(0);
        editor()->setFocus();
        QSignalSpy done(test::pane<RunsPane>(m_w)->recorder(), &RunsRecorder::done);
        key(Qt::Key_O, Qt::ControlModifier | Qt::ShiftModifier);
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(done.at(0).at(1).toString()));
        QCOMPARE(m_w->findChild<QTabWidget*>(QStringLiteral("sideTabs"))->currentWidget(),
                 static_cast<QWidget*>(test::pane<RunsPane>(m_w)));
        QVERIFY(!test::pane<RunsPane>(m_w)->isWatching());
        RunsTableModel* model = test::pane<RunsPane>(m_w)->model();
        QCOMPARE(model->rowCount(), 3);
        for (int i = 0; i < 3; ++i) {
            const KafkaRecord back = model->record(i);
            QCOMPARE(back.topic, std::string("rec.runs"));
            QCOMPARE(back.offset, int64_t(40 + i));
            QCOMPARE(back.timestampType, TimestampType::CreateTime);
        }
    }

    void ctrlQQuits()
    {
        editor()->setModified(false); // nothing to ask about
        editor()->setFocus();
        key(Qt::Key_Q, Qt::ControlModifier);
        QTRY_VERIFY(!m_w->isVisible());
    }
};

QTEST_MAIN(TestKeyboard)
#include "tst_keyboard.moc"
