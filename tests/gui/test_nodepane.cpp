// The node pane as a user meets it: type a broken node, see the problem, apply the quick fix.
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/node/problemsview.h"
#include "sandbox/sandbox.h"

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
};

QTEST_MAIN(TestNodePane)
#include "test_nodepane.moc"
