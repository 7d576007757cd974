// SPDX-License-Identifier: GPL-3.0-or-later
// The node pane as a user meets it: type a broken node, see the problem, apply the quick fix.
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/node/problemsview.h"
#include "sandbox/sandbox.h"

#include <QFontDatabase>
#include <QFontMetrics>
#include <QLabel>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

class TestNodePane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exampleOpensWithoutStructuralProblems()
    {
        Sandbox sandbox;
        MainWindow w(&sandbox);
        w.openExample(QStringLiteral("event-driven.json"));
        auto* status = w.findChild<QLabel*>(QStringLiteral("lintStatus"));
        QVERIFY(status);
        QTRY_COMPARE(status->text(), QStringLiteral("No problems"));
        QVERIFY(w.windowTitle().startsWith(QStringLiteral("event-driven.json")));
    }

    void typingAnErrorShowsItAndTheFixRepairsIt()
    {
        NodePane pane;
        QSignalSpy lintDone(&pane, &NodePane::diagnosticsChanged);
        pane.setNodeText(R"({"identifier":"x","config":{"type":"kafka","payload":{}}})");
        QTRY_VERIFY(lintDone.count() >= 1);
        auto* problems = pane.findChild<ProblemsView*>(QStringLiteral("problemsView"));
        QVERIFY(problems);
        QTRY_COMPARE(problems->topLevelItemCount(), 1);
        QCOMPARE(problems->topLevelItem(0)->text(2), QStringLiteral("PH1105"));
        QCOMPARE(problems->topLevelItem(0)->text(1), QStringLiteral("1:36"));

        problems->setCurrentItem(problems->topLevelItem(0));
        QSignalSpy edited(&pane, &NodePane::nodeEdited);
        Q_EMIT problems->fixRequested(*problems->currentDiagnostic());
        QTRY_VERIFY(edited.count() >= 1);
        QCOMPARE(pane.nodeText(),
                 QByteArray(R"({"identifier":"x","config":{"type":"KAFKA","payload":{}}})"));
        QTRY_COMPARE(problems->topLevelItemCount(), 0);
    }

    void editsAreDebouncedAndLintedOffTheUiThread()
    {
        NodePane pane;
        pane.setNodeText("{}");
        QSignalSpy edited(&pane, &NodePane::nodeEdited);
        auto* editor = pane.editor();
        editor->setCursorPosition(0, 1);
        QTest::keyClicks(editor, QStringLiteral("\"identifier\": 1"));
        QTRY_COMPARE(edited.count(), 1); // many keystrokes, one settled edit
        QTRY_VERIFY(!pane.diagnostics().empty());
        bool sawType = false, sawConfig = false;
        for (const auto& d : pane.diagnostics()) {
            sawType |= d.code == "PH1103";
            sawConfig |= d.code == "PH1104";
        }
        QVERIFY(sawType);
        QVERIFY(sawConfig);
    }

    // Template values under their lines are re-annotated only where they changed; they must
    // still follow lines that move and leave lines that no longer hold a template.
    void templateValuesFollowTheirLines()
    {
        NodePane pane;
        QSignalSpy rendered(&pane, &NodePane::nodeRendered);
        pane.setNodeText("{\"identifier\":\"x\",\"config\":{\"type\":\"KAFKA\",\"payload\":{\n"
                         "\"a\": \"{{ 1 + 1 }}\",\n"
                         "\"b\": \"{{ \\\"b\\\" }}\"\n}}}");
        QVERIFY(rendered.wait(20000));
        NodeEditor* editor = pane.editor();
        QCOMPARE(editor->annotation(1), QStringLiteral("= 2"));
        QCOMPARE(editor->annotation(2), QStringLiteral("= \"b\""));
        // A line above: both values move down one line, nothing stays behind.
        editor->setCursorPosition(1, 0);
        QTest::keyClicks(editor, QStringLiteral("\"z\": 0,"));
        QTest::keyClick(editor, Qt::Key_Return);
        QTRY_COMPARE(editor->annotation(2), QStringLiteral("= 2"));
        QTRY_COMPARE(editor->annotation(3), QStringLiteral("= \"b\""));
        QCOMPARE(editor->annotation(1), QString());
        // A changed value is shown; the unchanged one stays.
        editor->setCursorPosition(2, 10);
        QTest::keyClick(editor, Qt::Key_Backspace);
        QTest::keyClicks(editor, QStringLiteral("5"));
        QTRY_COMPARE(editor->annotation(2), QStringLiteral("= 6"));
        QCOMPARE(editor->annotation(3), QStringLiteral("= \"b\""));
    }

    // Scintilla never wraps an annotation: a long template error ran past the editor's edge, cut
    // off. It wraps to the editor's width, whole, and again when the editor gets wider.
    void longErrorsWrapInsideTheEditor()
    {
        NodePane pane;
        pane.resize(520, 500);
        pane.show();
        QSignalSpy rendered(&pane, &NodePane::nodeRendered);
        const QString message = QStringLiteral(
            "this template fails with a deliberately long message that goes well past the "
            "right edge of a narrow editor and must still be read whole");
        pane.setNodeText(
            QStringLiteral("{\"identifier\":\"x\",\"config\":{\"type\":\"KAFKA\","
                           "\"payload\":{\n        \"a\": \"{{ error(\\\"%1\\\") }}\"\n}}}")
                .arg(message)
                .toUtf8());
        QVERIFY(rendered.wait(20000));
        NodeEditor* editor = pane.editor();
        QTRY_VERIFY(editor->annotation(1).contains(QLatin1Char('\n')));
        QFont small = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        small.setPointSize(9);
        const QFontMetricsF metrics(small);
        const QStringList lines = editor->annotation(1).split(QLatin1Char('\n'));
        // The box starts under the line's text (its indentation), margins included in x.
        const long indent =
            editor->SendScintilla(QsciScintillaBase::SCI_GETLINEINDENTPOSITION, 1UL);
        const long left =
            editor->SendScintilla(QsciScintillaBase::SCI_POINTXFROMPOSITION, 0UL, indent);
        QVERIFY(left > 40); // margins and eight spaces
        for (const QString& line : lines)
            QVERIFY2(left + metrics.horizontalAdvance(line) < editor->viewport()->width(),
                     qPrintable(line));
        QString joined;
        for (const QString& line : lines)
            joined += line.trimmed() + QLatin1Char(' ');
        QVERIFY2(joined.contains(message), qPrintable(joined));
        pane.resize(1400, 500);
        QTRY_VERIFY(editor->annotation(1).split(QLatin1Char('\n')).size() < lines.size());
    }
};

QTEST_MAIN(TestNodePane)
#include "tst_nodepane.moc"
