// SPDX-License-Identifier: GPL-3.0-or-later
// The Workflow tab's two other sources of a KAFKA node's context (issue 23): a branch the user
// forces at a CONDITION (the preview renders the other way, the graph and the Context tab say
// it is forced, the file remembers it), and a real run of the sandbox's workflow runner (the
// preview shows what that run recorded, in words when it cannot be read, and back to mocks).
#include "core/runid.h"
#include "flow/flowtesthelpers.h"
#include "flow/workflowrunner.h"
#include "gui/mainwindow.h"
#include "gui/session/portaccount.h"
#include "gui/session/session.h"
#include "gui/workflow/workflowmocks.h"
#include "gui/workflow/workflowpane.h"
#include "gui/workflow/workflowscene.h"
#include "gui/workflow/workflowview.h"
#include "sandbox/sandbox.h"

#include <QApplication>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>

using namespace porthole;
using namespace porthole::test;

namespace {

const QString kWorkflow = QStringLiteral(GUI_TEST_WORKFLOWS "/page-or-log.json");

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// A copy at a fresh path: what the settings remember for it starts empty.
QString copyOf(const QTemporaryDir& dir)
{
    const QString path = dir.filePath(QStringLiteral("page-or-log.json"));
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(readAll(kWorkflow)) > 0 ? path : QString();
}

int edgeLabelled(const WorkflowScene* scene, const QString& label)
{
    const auto& labels = scene->edgeLabels();
    for (size_t i = 0; i < labels.size(); ++i)
        if (labels[i] == label)
            return int(i);
    return -1;
}

QStringList sourceRows(const WorkflowPane* pane)
{
    auto* tree = pane->findChild<QTreeWidget*>(QStringLiteral("workflowContextSources"));
    QStringList rows;
    for (int i = 0; tree && i < tree->topLevelItemCount(); ++i)
        rows << tree->topLevelItem(i)->text(0) + QStringLiteral(": ") +
                    tree->topLevelItem(i)->text(1);
    return rows;
}

} // namespace

class TestWorkflowBranch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void forcedBranchRendersTheOtherWayAndIsRemembered()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir);
        Sandbox sandbox; // not started: nothing here needs Kafka
        MainWindow w(&sandbox);
        w.resize(1280, 800);
        QVERIFY(w.openFile(path));
        auto* pane = w.findChild<WorkflowPane*>(QStringLiteral("workflowPane"));
        auto* messages = w.findChild<QPlainTextEdit*>(QStringLiteral("renderedMessages"));
        auto* contextStatus = w.findChild<QLabel*>(QStringLiteral("contextStatus"));
        auto* outlet = pane->findChild<QComboBox*>(QStringLiteral("workflowForkOutlet"));
        auto* forkNode = pane->findChild<QComboBox*>(QStringLiteral("workflowForkNode"));
        QVERIFY(pane && messages && contextStatus && outlet && forkNode);
        QCOMPARE(pane->chosenNode(), QStringLiteral("notify"));
        // The generated input is "dev" (the first enum value): the condition falls back.
        QTRY_VERIFY2(messages->toPlainText().contains(QLatin1String("\"logged\"")),
                     qPrintable(messages->toPlainText()));
        QCOMPARE(forkNode->count(), 1);
        QCOMPARE(forkNode->currentData().toString(), QStringLiteral("is-prod"));
        QCOMPARE(outlet->count(), 3); // automatic, prod, fallback
        QCOMPARE(outlet->currentIndex(), 0);
        const int prod = edgeLabelled(pane->scene(), QStringLiteral("prod"));
        const int fallback = edgeLabelled(pane->scene(), QStringLiteral("fallback"));
        QVERIFY(prod >= 0 && fallback >= 0);
        QVERIFY(!pane->scene()->forcedEdges()[size_t(prod)]);

        // Forced to production: the page-oncall branch's output is what the message reads.
        QVERIFY(pane->setFork(QStringLiteral("is-prod"), QStringLiteral("prod")));
        QTRY_VERIFY2(messages->toPlainText().contains(QLatin1String("paged without a ticket")),
                     qPrintable(messages->toPlainText()));
        QVERIFY(!messages->toPlainText().contains(QLatin1String("\"logged\"")));
        QVERIFY2(contextStatus->text().contains(QLatin1String("\"prod\" (forced by you")),
                 qPrintable(contextStatus->text()));
        QVERIFY(pane->scene()->forcedEdges()[size_t(prod)]);
        QVERIFY(!pane->scene()->forcedEdges()[size_t(fallback)]);
        QCOMPARE(pane->scene()->nodes()[1]->forced(), QStringLiteral("prod"));
        QCOMPARE(outlet->currentData().toString(), QStringLiteral("prod"));
        QCOMPARE(WorkflowMocks::loadForks(path).at("is-prod"), std::string("prod"));
        QCOMPARE(readAll(path), readAll(kWorkflow)); // remembered with the file, not in it
        // Only a flow node's own ways can be forced.
        QVERIFY(!pane->setFork(QStringLiteral("is-prod"), QStringLiteral("staging")));
        QVERIFY(!pane->setFork(QStringLiteral("notify"), QStringLiteral("prod")));

        // Back to automatic with the keyboard, in the side area's combo.
        outlet->setFocus();
        QTest::keyClick(outlet, Qt::Key_Up);
        QCOMPARE(outlet->currentIndex(), 0);
        QTRY_COMPARE(pane->fork(QStringLiteral("is-prod")), QString());
        QTRY_VERIFY(messages->toPlainText().contains(QLatin1String("\"logged\"")));
        QVERIFY(!pane->scene()->forcedEdges()[size_t(prod)]);
        QVERIFY(WorkflowMocks::loadForks(path).empty());

        // The node's menu in the graph, from the keyboard (Shift+F10 on the keyboard's node).
        pane->setCurrentIndex(1); // is-prod
        pane->view()->setFocus();
        QStringList offered;
        QTimer::singleShot(0, this, [&offered] {
            auto* menu = qobject_cast<QMenu*>(QApplication::activePopupWidget());
            if (!menu)
                return;
            for (QAction* a : menu->actions()) {
                offered << a->text();
                if (a->text() == QLatin1String("Force fallback"))
                    a->trigger();
            }
            menu->close();
        });
        QTest::keyClick(pane->view(), Qt::Key_F10, Qt::ShiftModifier);
        QVERIFY2(offered.contains(QStringLiteral("&Automatic (evaluated with jq)")),
                 qPrintable(offered.join(QLatin1Char('|'))));
        QCOMPARE(pane->fork(QStringLiteral("is-prod")), QStringLiteral("fallback"));
        QVERIFY(pane->scene()->forcedEdges()[size_t(fallback)]);
        QTRY_VERIFY(messages->toPlainText().contains(QLatin1String("\"logged\"")));
        QVERIFY(contextStatus->text().contains(QLatin1String("took fallback (forced by you")));

        // A fresh pane on the same file takes the remembered branch.
        QVERIFY(pane->setFork(QStringLiteral("is-prod"), QStringLiteral("prod")));
        WorkflowPane again;
        QVERIFY(again.openWorkflow(path, readAll(path)));
        QCOMPARE(again.fork(QStringLiteral("is-prod")), QStringLiteral("prod"));
        QVERIFY(again.chain().ok);
        QVERIFY(again.chain().sources.count("page-oncall"));
        QVERIFY(!again.chain().sources.count("log-it"));
    }

    void contextFromASandboxRun()
    {
        QTemporaryDir dir;
        const QString path = copyOf(dir);
        Sandbox sandbox;
        MainWindow w(&sandbox);
        QString error;
        QVERIFY2(w.startSandbox(&error), qPrintable(error));
        // The sandbox's runner, with a ticket the app's defaults never make up: only the run
        // can put it in the preview.
        WorkflowRunner runner(&sandbox);
        WorkflowRunnerOptions options;
        JsonValue data = JsonValue::object();
        data.set("ticket", "OPS-4242");
        JsonValue response = JsonValue::object();
        response.set("status", 200);
        response.set("data", data);
        JsonValue webhook = JsonValue::object();
        webhook.set("response", response);
        options.mocks["page-oncall"] = webhook;
        runner.setOptions(options);
        ApiPeer api(sandbox.apiUrl());
        QVERIFY(api.login(QStringLiteral("sandbox"), QStringLiteral("sandbox")));
        QCOMPARE(api.call("POST", QStringLiteral("/v1/workflows"), readAll(kWorkflow)).status, 201);
        const Answer started = api.call("POST", QStringLiteral("/v1/workflows/page-or-log/runs"),
                                        R"({"inputs":{"env":"prod"}})");
        QCOMPARE(started.status, 201);
        const QString wfr = started.body.value(QStringLiteral("workflowRun"))
                                .toObject()
                                .value(QStringLiteral("identifier"))
                                .toString();
        QVERIFY(wfr.startsWith(QLatin1String("wfr_")));
        // The run waits at notify for a consumer; page-oncall's output is recorded by then.
        QTRY_VERIFY_WITH_TIMEOUT(
            api.call("GET", QStringLiteral("/v1/workflows/runs/") + wfr).raw.contains("OPS-4242"),
            15000);

        w.resize(1280, 800);
        QVERIFY(w.openFile(path));
        auto* pane = w.findChild<WorkflowPane*>(QStringLiteral("workflowPane"));
        auto* messages = w.findChild<QPlainTextEdit*>(QStringLiteral("renderedMessages"));
        auto* contextStatus = w.findChild<QLabel*>(QStringLiteral("contextStatus"));
        QVERIFY(pane && messages && contextStatus);
        QCOMPARE(pane->chosenNode(), QStringLiteral("notify"));
        QTRY_VERIFY(messages->toPlainText().contains(QLatin1String("\"logged\"")));

        // Asked without blocking: the answer comes later, through the event loop.
        QSignalSpy changed(pane, &WorkflowPane::runContextChanged);
        QVERIFY(pane->fetchRun(wfr));
        QVERIFY2(pane->runStatus().contains(QLatin1String("Reading workflow run")),
                 qPrintable(pane->runStatus()));
        QVERIFY(pane->runId().isEmpty());
        QTRY_COMPARE(changed.count(), 1);
        QCOMPARE(pane->runId(), wfr);
        QTRY_VERIFY2(messages->toPlainText().contains(QLatin1String("paged OPS-4242")),
                     qPrintable(messages->toPlainText()));
        QVERIFY(messages->toPlainText().contains(wfr)); // .workflowRun.identifier is the run's
        QVERIFY2(pane->runStatus().contains(wfr + QStringLiteral(" (IN_PROGRESS)")),
                 qPrintable(pane->runStatus()));
        // The side editor shows what the run recorded for the part selected (the trigger's).
        auto* mockEditor = pane->findChild<QPlainTextEdit*>(QStringLiteral("workflowMockEditor"));
        QVERIFY2(mockEditor->toPlainText().contains(QLatin1String("\"prod\"")),
                 qPrintable(mockEditor->toPlainText()));
        QVERIFY(messages->toPlainText().contains(QLatin1String("\"prod\"")));
        QVERIFY2(contextStatus->text().contains(QLatin1String("from workflow run ") + wfr),
                 qPrintable(contextStatus->text()));
        const QStringList rows = sourceRows(pane);
        QVERIFY2(rows.contains(QStringLiteral(".outputs[\"page-oncall\"]: run %1 (as it "
                                              "recorded it)")
                                   .arg(wfr)),
                 qPrintable(rows.join(QLatin1Char('\n'))));
        QVERIFY2(rows.contains(QStringLiteral(".outputs.trigger (ask): run %1's inputs").arg(wfr)),
                 qPrintable(rows.join(QLatin1Char('\n'))));

        // Back to the mocks and defaults.
        pane->useMocks();
        QCOMPARE(pane->runId(), QString());
        QTRY_VERIFY(messages->toPlainText().contains(QLatin1String("\"logged\"")));
        QVERIFY(!messages->toPlainText().contains(QLatin1String("OPS-4242")));
        QVERIFY(!contextStatus->text().contains(wfr));

        // What goes wrong, in words; the context stays the mocks'.
        QSignalSpy failed(pane, &WorkflowPane::runFailed);
        QVERIFY(!pane->fetchRun(QStringLiteral("run-42")));
        QVERIFY2(pane->runStatus().contains(QLatin1String("wfr_")), qPrintable(pane->runStatus()));
        const QString unknown =
            QString::fromStdString(RunId::generate(RunId::Kind::WorkflowRun).text());
        QVERIFY(pane->fetchRun(unknown));
        QTRY_COMPARE(failed.count(), 1);
        QVERIFY2(pane->runStatus().contains(QLatin1String("(404)")), qPrintable(pane->runStatus()));
        PortAccount* account = w.session()->account();
        account->set(sandbox.apiUrl(), QStringLiteral("sandbox"), QStringLiteral("not-it"));
        QVERIFY(pane->fetchRun(wfr));
        QTRY_COMPARE(failed.count(), 2);
        QVERIFY2(pane->runStatus().contains(QLatin1String("refused the credentials")),
                 qPrintable(pane->runStatus()));
        account->set(QStringLiteral("http://127.0.0.1:1"), QStringLiteral("sandbox"),
                     QStringLiteral("sandbox"));
        QVERIFY(pane->fetchRun(wfr));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 3, 15000);
        QVERIFY2(pane->runStatus().contains(QLatin1String("Could not reach")),
                 qPrintable(pane->runStatus()));
        QCOMPARE(pane->runId(), QString());
        QVERIFY(messages->toPlainText().contains(QLatin1String("\"logged\"")));
    }
};

QTEST_MAIN(TestWorkflowBranch)
#include "tst_workflowbranch.moc"
