// SPDX-License-Identifier: GPL-3.0-or-later
// The live preview as a user meets it: the seed node renders with `timestamp: null` (Port's
// lenient mode) and a quick fix; strict mode refuses it; the fix makes it render a date.
#include "gui/mainwindow.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/node/problemsview.h"
#include "gui/preview/previewpane.h"
#include "sandbox/sandbox.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>
#include <QTreeWidget>

using namespace porthole;

class TestPreviewPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedNodeRendersNullAndTheFixRepairsIt()
    {
        Sandbox sandbox;
        MainWindow w(&sandbox);
        w.openExample(QStringLiteral("basic-publish-event.json"));
        auto* messages = w.findChild<QPlainTextEdit*>(QStringLiteral("renderedMessages"));
        auto* templates = w.findChild<QTreeWidget*>(QStringLiteral("templateValues"));
        auto* problems = w.findChild<ProblemsView*>(QStringLiteral("problemsView"));
        QVERIFY(messages && templates && problems);
        QTRY_VERIFY_WITH_TIMEOUT(
            messages->toPlainText().contains(QStringLiteral("\"timestamp\": null")), 20000);
        QVERIFY(messages->toPlainText().contains(QStringLiteral("\"service\": \"payments-api\"")));
        QCOMPARE(templates->topLevelItemCount(), 4);

        // Strict mode: Port would fail the node instead of sending null.
        auto* strict = w.findChild<QCheckBox*>(QStringLiteral("strictMode"));
        strict->setChecked(true);
        QTRY_VERIFY_WITH_TIMEOUT(
            messages->toPlainText().startsWith(QStringLiteral("Nothing would be published")),
            20000);
        strict->setChecked(false);

        // Apply the date fix from the problems list.
        const Diagnostic* fixable = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(problems->topLevelItemCount() >= 1, 20000);
        for (int i = 0; i < problems->topLevelItemCount(); ++i) {
            problems->setCurrentItem(problems->topLevelItem(i));
            if (problems->currentDiagnostic()->fix) {
                fixable = problems->currentDiagnostic();
                break;
            }
        }
        QVERIFY(fixable);
        QVERIFY(fixable->fix->replacement.find("todateiso8601") != std::string::npos);
        Q_EMIT problems->fixRequested(*fixable);
        QTRY_VERIFY_WITH_TIMEOUT(
            QRegularExpression(QStringLiteral("\"timestamp\": \"20\\d\\d-\\d\\d-\\d\\dT"))
                .match(messages->toPlainText())
                .hasMatch(),
            20000);
        QTRY_COMPARE(problems->topLevelItemCount(), 0);
    }

    void runawayTemplateDoesNotFreezeTheWindow()
    {
        NodePane pane;
        RenderOptions options;
        options.timeoutMs = 500;
        pane.setRenderInput(JsonValue::object(), options);
        QSignalSpy rendered(&pane, &NodePane::nodeRendered);
        pane.setNodeText(
            R"({"identifier":"x","config":{"type":"KAFKA","payload":{"a":"{{ def f: f; f }}"}}})");
        // The event loop keeps turning while jq spins in its child process.
        QElapsedTimer t;
        t.start();
        QTRY_VERIFY_WITH_TIMEOUT(rendered.count() >= 1, 20000);
        auto result = pane.lastRender();
        QVERIFY(result);
        QCOMPARE(result->templates.size(), size_t(1));
        QVERIFY(!result->templates[0].ok);
        qInfo("runaway template answered in %lld ms: %s", t.elapsed(),
              result->templates[0].error.c_str());
    }
};

QTEST_MAIN(TestPreviewPane)
#include "tst_previewpane.moc"
