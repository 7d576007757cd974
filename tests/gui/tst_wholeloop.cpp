// SPDX-License-Identifier: GPL-3.0-or-later
// The demo a stakeholder sees, driven through the window's own widgets: the app starts its
// sandbox, renders a node, publishes it, sees it on the runs topic, and reports the node run
// COMPLETED to the local Port API.
#include "gui/mainwindow.h"
#include "gui/node/nodepane.h"
#include "gui/publish/publishpane.h"
#include "gui/report/reportpane.h"
#include "gui/runs/runspane.h"
#include "models/runstablemodel.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

class TestWholeLoop : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void publishWatchReport()
    {
        Sandbox sandbox;
        MainWindow w(&sandbox);
        QString error;
        QVERIFY2(w.startSandbox(&error), qPrintable(error));
        QSignalSpy rendered(test::pane<NodePane>(&w), &NodePane::nodeRendered);
        w.openExample(QStringLiteral("with-run-ids.json"));
        QTRY_VERIFY_WITH_TIMEOUT(!rendered.isEmpty(), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(test::pane<NodePane>(&w)->lastRender() &&
                                     test::pane<NodePane>(&w)->lastRender()->ok,
                                 20000);

        // Publish the rendered message with the Publish button.
        auto* publish = w.findChild<QPushButton*>(QStringLiteral("publishButton"));
        QVERIFY(publish);
        QTRY_VERIFY(publish->isEnabled());
        QSignalSpy published(test::pane<PublishPane>(&w), &PublishPane::publishFinished);
        publish->click();
        QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 30000);
        QCOMPARE(published.at(0).at(0).toLongLong(), 1); // delivered
        QCOMPARE(published.at(0).at(1).toLongLong(), 0); // failed

        // It shows up on the runs topic, as a workflow node run with the context's node run id.
        const QString nodeRun = w.findChild<QLineEdit*>(QStringLiteral("reportRunId"))->text();
        QVERIFY(nodeRun.startsWith(QStringLiteral("wfnr_")));
        QTRY_VERIFY_WITH_TIMEOUT(test::pane<RunsPane>(&w)->model()->rowCount() >= 1, 20000);
        const int last = test::pane<RunsPane>(&w)->model()->rowCount() - 1;
        QCOMPARE(
            test::pane<RunsPane>(&w)->model()->index(last, RunsTableModel::RunId).data().toString(),
            nodeRun);

        // Report it COMPLETED through the Report pane; the local Port API agrees.
        QTRY_VERIFY_WITH_TIMEOUT(
            w.session()->sandbox()->api()->handler().store().hasNodeRun(nodeRun), 20000);
        QSignalSpy reported(test::pane<ReportPane>(&w), &ReportPane::reportFinished);
        w.findChild<QPushButton*>(QStringLiteral("reportSend"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 30000);
        QCOMPARE(reported.at(0).at(0).toInt(), 200);
        const QJsonObject run =
            w.session()->sandbox()->api()->handler().store().nodeRunJson(nodeRun);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
    }
};

QTEST_MAIN(TestWholeLoop)
#include "tst_wholeloop.moc"
