// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 22: the runs table people can read. Key and a dated Time shown by default, the time
// mode (local, UTC, relative) remembered, Status as wide as its text, the layout holding at
// 1024 px (actions wrap instead of hiding, the Partitions box readable), the empty table saying
// what it waits for, a selected row pausing Follow, the dark palette readable, and the
// wording (no key, tombstone, "1 partition"). Settings in a throw-away folder (CMake).
#include "core/messagedecoder.h"
#include "gui/elidedlabel.h"
#include "gui/runs/actionflow.h"
#include "gui/runs/autoscroller.h"
#include "gui/runs/jqcolumns.h"
#include "gui/runs/messageactions.h"
#include "gui/runs/messagedetailview.h"
#include "gui/runs/messagevalueview.h"
#include "gui/runs/readpositionbar.h"
#include "gui/runs/runsheaderstate.h"
#include "gui/runs/runspane.h"
#include "gui/runs/runsrecorder.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "gui/story/runstatusdelegate.h"
#include "gui/story/statuslook.h"
#include "gui/systemtheme.h"
#include "models/runledger.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"

#include <Qsci/qscilexerjson.h>
#include <Qsci/qsciscintilla.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

#include <memory>

using namespace porthole;

namespace {

const QString kRun = QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0");

WatchedMessage message(int64_t offset, std::optional<std::string> value,
                       std::optional<std::string> key = {})
{
    auto r = std::make_shared<KafkaRecord>();
    r->topic = "sandbox.runs";
    r->partition = 0;
    r->offset = offset;
    r->timestamp = 1764000000000 + offset;
    r->key = std::move(key);
    r->value = std::move(value);
    WatchedMessage m;
    m.info = MessageDecoder::decode(*r);
    m.record = std::move(r);
    return m;
}

MessageBatch rows(int64_t first, int count)
{
    auto v = std::make_shared<std::vector<WatchedMessage>>();
    for (int i = 0; i < count; ++i)
        v->push_back(message(first + i,
                             R"({"context":{"runId":")" + kRun.toStdString() + R"("},"n":1})",
                             std::string("k") + std::to_string(first + i)));
    return v;
}

QLabel* emptyNote(RunsPane& pane)
{
    return pane.findChild<QLabel*>(QStringLiteral("runsEmptyNote"));
}

} // namespace

class TestRunsTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { QSettings().clear(); }

    void keyAndDatedTimeShownByDefault()
    {
        RunsPane pane;
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        QHeaderView* header = table->horizontalHeader();
        QVERIFY(!header->isSectionHidden(RunsTableModel::Key));
        QVERIFY(!header->isSectionHidden(RunsTableModel::Time));
        pane.model()->appendBatch(rows(7, 1));
        const QModelIndex time = pane.model()->index(0, RunsTableModel::Time);
        const QString shown = time.data().toString();
        QVERIFY2(shown.startsWith(QStringLiteral("2025-11-2")), qPrintable(shown)); // the date
        QVERIFY(table->columnWidth(RunsTableModel::Time) >=
                table->fontMetrics().horizontalAdvance(shown));
        QVERIFY(time.data(Qt::ToolTipRole).toString().contains(u"2025-11-24T16:00:00.007Z"));
        QCOMPARE(pane.model()->index(0, RunsTableModel::Key).data().toString(),
                 QStringLiteral("k7"));
    }

    void timeModeFromTheHeaderMenuIsRemembered()
    {
        {
            RunsPane pane;
            QCOMPARE(pane.model()->timeMode(), RunsTableModel::TimeMode::Local);
            QMenu menu;
            RunsHeaderState::addTimeModeMenu(&menu, pane.model());
            auto* utc = menu.findChild<QAction*>(QStringLiteral("runsTime-utc"));
            QVERIFY(utc && !utc->isChecked());
            utc->trigger();
            QCOMPARE(pane.model()->timeMode(), RunsTableModel::TimeMode::Utc);
            pane.model()->appendBatch(rows(7, 1));
            QCOMPARE(pane.model()->index(0, RunsTableModel::Time).data().toString(),
                     QStringLiteral("2025-11-24 16:00:00.007Z"));
        }
        RunsPane next; // the next launch
        QCOMPARE(next.model()->timeMode(), RunsTableModel::TimeMode::Utc);
        QMenu menu;
        RunsHeaderState::addTimeModeMenu(&menu, next.model());
        QVERIFY(menu.findChild<QAction*>(QStringLiteral("runsTime-utc"))->isChecked());
        menu.findChild<QAction*>(QStringLiteral("runsTime-relative"))->trigger();
        QCOMPARE(RunsPane().model()->timeMode(), RunsTableModel::TimeMode::Relative);
    }

    void csvExportHasIsoTimesWithMilliseconds()
    {
        RunsPane pane;
        pane.model()->setTimeMode(RunsTableModel::TimeMode::Relative); // the view's choice
        pane.model()->appendBatch(rows(7, 2));
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("rows.csv"));
        QSignalSpy done(pane.recorder(), &RunsRecorder::done);
        pane.recorder()->exportTo(path, RecordingExport::Format::Csv);
        QTRY_COMPARE(done.size(), 1);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(f.readAll()).split(QStringLiteral("\r\n"));
        QVERIFY2(lines.value(0).startsWith(QStringLiteral("Time,")), qPrintable(lines.value(0)));
        QVERIFY2(lines.value(1).startsWith(QStringLiteral("2025-11-24T16:00:00.007Z,")),
                 qPrintable(lines.value(1)));
        QVERIFY(lines.value(2).startsWith(QStringLiteral("2025-11-24T16:00:00.008Z,")));
    }

    void statusColumnFitsItsText()
    {
        RunsPane pane;
        pane.model()->setLedger(pane.session()->ledger());
        pane.resize(1280, 800);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        pane.model()->appendBatch(rows(1, 1));
        RunEvent report;
        report.stage = RunEvent::Stage::Reported;
        report.at = QDateTime::currentDateTimeUtc();
        report.runId = kRun;
        report.status = QStringLiteral("COMPLETED");
        report.result = QStringLiteral("SUCCESS");
        report.httpStatus = 200;
        pane.session()->ledger()->add(report);
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        const QModelIndex status = table->model()->index(0, RunsTableModel::Status);
        QCOMPARE(status.data().toString(), QStringLiteral("COMPLETED · SUCCESS"));
        QStyleOptionViewItem option;
        option.initFrom(table->viewport());
        option.font = table->font();
        option.fontMetrics = table->fontMetrics();
        const int needed = table->itemDelegateForIndex(status)->sizeHint(option, status).width();
        QVERIFY2(table->columnWidth(RunsTableModel::Status) >= needed,
                 qPrintable(QStringLiteral("%1 < %2")
                                .arg(table->columnWidth(RunsTableModel::Status))
                                .arg(needed)));
    }

    // At 1024×700 the Runs pane gets about half the window beside the editor: every detail
    // action stays a visible button (wrapping to a second row), the Partitions box shows its
    // placeholder, and Status is wider than its icon.
    void narrowLayoutHolds()
    {
        RunsPane pane;
        pane.model()->appendBatch(rows(1, 3));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        table->setCurrentIndex(table->model()->index(0, 0));
        ActionFlow* flow = pane.detail()->toolBar();
        for (int width : {1024, 480}) { // 480: beside the editor at 1024
            pane.resize(width, 700);
            pane.show();
            QVERIFY(QTest::qWaitForWindowExposed(&pane));
            QTest::qWait(50);
            QVERIFY(
                pane.findChildren<QToolButton*>(QStringLiteral("qt_toolbar_ext_button")).isEmpty());
            const QList<QToolButton*> buttons = flow->findChildren<QToolButton*>();
            QVERIFY(buttons.size() >= 6);
            for (QToolButton* b : buttons) {
                QVERIFY2(b->isVisible() && flow->rect().contains(b->geometry()),
                         qPrintable(b->text()));
            }
            auto* partitions = pane.findChild<QLineEdit*>(QStringLiteral("runsPartitions"));
            QVERIFY(partitions->width() >=
                    partitions->fontMetrics().horizontalAdvance(partitions->placeholderText()));
            QVERIFY(table->columnWidth(RunsTableModel::Status) >=
                    RunStatusDelegate::fittingWidth(table));
        }
    }

    // The row of actions wraps: narrower than its buttons, it takes two rows and grows in
    // height, every button whole inside it.
    void actionsWrapToASecondRow()
    {
        QWidget window;
        ActionFlow* flow = new ActionFlow(&window);
        for (const char* name : {"Copy value", "Copy as kcat", "Use as context", "Report run",
                                 "Re-publish…", "Save value…"})
            flow->addAction(new QAction(QString::fromUtf8(name), flow));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const int wide = flow->sizeHint().width();
        flow->setGeometry(0, 0, wide, flow->heightForWidth(wide));
        QCOMPARE(flow->rowCount(), 1);
        const int oneRow = flow->height();
        const int narrow = wide / 2;
        flow->setGeometry(0, 0, narrow, flow->heightForWidth(narrow));
        QTest::qWait(20);
        QVERIFY2(flow->rowCount() >= 2, qPrintable(QString::number(flow->rowCount())));
        QVERIFY(flow->height() > oneRow);
        const QList<QToolButton*> buttons = flow->findChildren<QToolButton*>();
        QCOMPARE(buttons.size(), 6);
        for (QToolButton* b : buttons)
            QVERIFY2(b->isVisible() && flow->rect().contains(b->geometry()), qPrintable(b->text()));
    }

    void emptyTableSaysWhatItWaitsFor()
    {
        RunsPane pane;
        pane.resize(900, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        QLabel* note = emptyNote(pane);
        QVERIFY(note && note->isVisible());
        QVERIFY2(note->text().startsWith(QStringLiteral("Not watching.")),
                 qPrintable(note->text()));

        // A filter that hides every row.
        pane.model()->appendBatch(rows(1, 3));
        QVERIFY(!note->isVisible());
        pane.findChild<QLineEdit*>(QStringLiteral("runsFilter"))->setText(QStringLiteral("zzzq"));
        QTRY_VERIFY(note->isVisible());
        QVERIFY2(note->text().startsWith(
                     QStringLiteral("None of the 3 messages held matches the filter")),
                 qPrintable(note->text()));
        pane.showAllRows();
        QTRY_VERIFY(!note->isVisible());

        // An empty recording.
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("empty.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QSignalSpy done(pane.recorder(), &RunsRecorder::done);
        QString error;
        QVERIFY2(pane.recorder()->openFrom(path, &error), qPrintable(error));
        QTRY_COMPARE(done.size(), 1);
        QTRY_VERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("The recording empty.jsonl holds no messages."));

        // A live watch from the end, on one partition ("1 partition", not "1 partitions").
        Sandbox sandbox;
        QVERIFY2(sandbox.start(QStringLiteral("emptynote"), 0, 0, &error), qPrintable(error));
        pane.session()->connection()->setTarget(
            KafkaTarget::plain(sandbox.bootstrap(), QStringLiteral("emptynote.runs")));
        StartPosition end;
        end.kind = StartPosition::Kind::End;
        pane.positionBar()->setPosition(end);
        pane.findChild<QLineEdit*>(QStringLiteral("runsPartitions"))->setText(QStringLiteral("1"));
        pane.startWatching();
        QVERIFY(note->isVisible());
        QCOMPARE(note->text(), QStringLiteral("Watching emptynote.runs from the end — publish a "
                                              "message (Ctrl+Enter in Publish) to see it here."));
        auto* status = pane.findChild<ElidedLabel*>(QStringLiteral("runsStatus"));
        QTRY_VERIFY_WITH_TIMEOUT(status->fullText().contains(u"(1 partition)"), 20000);
        pane.setPaused(true);
        QVERIFY(note->text().startsWith(QStringLiteral("Paused:")));
        pane.stopWatching();
        QVERIFY(note->text().startsWith(QStringLiteral("Not watching.")));

        // A watch that stopped: says why and how to go on.
        pane.session()->connection()->setTarget(
            KafkaTarget::plain(QStringLiteral("127.0.0.1:1"), QStringLiteral("emptynote.runs")));
        pane.startWatching();
        QTRY_VERIFY_WITH_TIMEOUT(note->text().startsWith(QStringLiteral("Stopped:")), 30000);
        QVERIFY(note->text().contains(u"watch again"));
    }

    void selectingARowPausesFollowAndTheToggleResumes()
    {
        RunsPane pane;
        pane.resize(900, 700);
        pane.show();
        QVERIFY(QTest::qWaitForWindowExposed(&pane));
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        QScrollBar* bar = table->verticalScrollBar();
        auto* button = pane.findChild<QToolButton*>(QStringLiteral("runsFollowButton"));
        QVERIFY(button && button->isVisible());
        QAction* follow = button->defaultAction();
        QVERIFY(follow->isChecked());
        pane.model()->appendBatch(rows(0, 300));
        QTRY_VERIFY(bar->maximum() > 0 && bar->value() == bar->maximum());

        const QModelIndex chosen = table->model()->index(290, 0);
        table->setCurrentIndex(chosen); // as a click does
        QVERIFY(!follow->isChecked());
        const int at = bar->value();
        pane.model()->appendBatch(rows(300, 100)); // a live tail goes on
        QTest::qWait(50);
        QCOMPARE(bar->value(), at);
        QVERIFY(table->viewport()->rect().intersects(table->visualRect(chosen)));

        follow->trigger(); // the button, or its shortcut
        QVERIFY(follow->isChecked());
        QTRY_COMPARE(bar->value(), bar->maximum());
        QCOMPARE(follow->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_L));
    }

    // The dark palette: every JSON colour of the value viewer and every run state's colour
    // reads on the base colour (WCAG contrast 4.5 for text); the light palette too.
    void valueViewerAndStatesReadOnDarkAndLight()
    {
        const QPalette original = QApplication::palette();
        for (const bool dark : {true, false}) {
            QApplication::setPalette(dark ? SystemTheme::darkPalette() : original);
            QCOMPARE(SystemTheme::isDark(), dark);
            MessageValueView view;
            auto* editor = view.findChild<QsciScintilla*>(QStringLiteral("runsDetailValue"));
            auto* lexer = qobject_cast<QsciLexerJSON*>(editor->lexer());
            QVERIFY(lexer);
            const QColor base = QApplication::palette().color(QPalette::Base);
            QCOMPARE(lexer->paper(QsciLexerJSON::String), base);
            const double string = SystemTheme::contrast(lexer->color(QsciLexerJSON::String), base);
            QVERIFY2(string >= 4.5, qPrintable(QString::number(string)));
            for (int style : {int(QsciLexerJSON::Number), int(QsciLexerJSON::Property),
                              int(QsciLexerJSON::Keyword), int(QsciLexerJSON::Operator)})
                QVERIFY(SystemTheme::contrast(lexer->color(style), lexer->paper(style)) >= 4.5);
            using State = RunsTableModel::RunState;
            for (State s : {State::InProgress, State::Succeeded, State::Failed, State::Cancelled})
                QVERIFY(SystemTheme::contrast(StatusLook::color(s, QApplication::palette()),
                                              base) >= 4.5);
        }
        QApplication::setPalette(original);
        // The light lexer's own string colour was unreadable on the dark base.
        QVERIFY(SystemTheme::contrast(QColor(0x7f, 0x00, 0x00), QColor(0x1e, 0x1f, 0x22)) < 2);
    }

    void absentKeyAndValueInWords()
    {
        MessageDetailView detail;
        auto r = std::make_shared<KafkaRecord>();
        r->topic = "t";
        const MessageInfo info = MessageDecoder::decode(*r);
        detail.setMessage(r, info, {}, {});
        QTableWidget* meta = detail.metadataTable();
        QStringList shown;
        for (int row = 0; row < meta->rowCount(); ++row)
            shown << meta->item(row, 0)->text() + QLatin1Char('=') + meta->item(row, 1)->text();
        QVERIFY2(shown.contains(QStringLiteral("Key=no key")), qPrintable(shown.join(u'|')));
        QVERIFY(shown.contains(QStringLiteral("Key size=– (no key)")));
        QVERIFY(shown.contains(QStringLiteral("Value size=– (tombstone: a null value)")));
        QVERIFY(shown.contains(QStringLiteral("Headers size=0 bytes in 0 headers")));
        r->key = "k";
        detail.setMessage(r, info, {}, {});
        shown.clear();
        for (int row = 0; row < meta->rowCount(); ++row)
            shown << meta->item(row, 0)->text() + QLatin1Char('=') + meta->item(row, 1)->text();
        QVERIFY(shown.contains(QStringLiteral("Key size=1 byte")));
    }

    void jqColumnDialogKeepsThePathToGoOn()
    {
        QWidget parent;
        std::unique_ptr<QInputDialog> dialog(JqColumns::addDialog(&parent));
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
        auto* edit = dialog->findChild<QLineEdit*>();
        QCOMPARE(edit->text(), QStringLiteral(".value.payload."));
        QVERIFY(!edit->hasSelectedText());
        QCOMPARE(edit->cursorPosition(), int(edit->text().size()));
        QTest::keyClicks(edit, QStringLiteral("service"));
        QCOMPARE(dialog->textValue(), QStringLiteral(".value.payload.service"));
    }

    void seekModeRemembered()
    {
        {
            ReadPositionBar bar;
            QCOMPARE(bar.position().kind, StartPosition::Kind::Beginning);
            auto* from = bar.findChild<QComboBox*>(QStringLiteral("runsFrom"));
            const int tail = from->findData(int(StartPosition::Kind::Tail));
            from->setCurrentIndex(tail);
            Q_EMIT from->activated(tail); // as the user picks it
        }
        ReadPositionBar next;
        QCOMPARE(next.position().kind, StartPosition::Kind::Tail);
        QCOMPARE(next.position().value, int64_t(100));
        StartPosition fromCode;
        fromCode.kind = StartPosition::Kind::End;
        next.setPosition(fromCode); // code's choice is not the user's preference
        QCOMPARE(ReadPositionBar().position().kind, StartPosition::Kind::Tail);
    }
};

QTEST_MAIN(TestRunsTable)
#include "tst_runstable.moc"
