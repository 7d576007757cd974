// SPDX-License-Identifier: GPL-3.0-or-later
// "Sign like Port" in the Publish tab, on the app's own sandbox: the runs are known to the
// local Port API before the message is produced, and the Runs table verifies the signature.
#include "gui/mainwindow.h"
#include "gui/node/nodepane.h"
#include "gui/publish/publishpane.h"
#include "gui/runs/runspane.h"
#include "models/runstablemodel.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "support/panes.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

class TestPublishSign : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void signedPublishIsVerifiedAndItsRunKnownFirst()
    {
        Sandbox sandbox;
        MainWindow w(&sandbox);
        QString error;
        QVERIFY2(w.startSandbox(&error), qPrintable(error));
        w.openExample(QStringLiteral("with-run-ids.json"));
        QTRY_VERIFY_WITH_TIMEOUT(test::pane<NodePane>(&w)->lastRender() &&
                                     test::pane<NodePane>(&w)->lastRender()->ok,
                                 20000);
        auto* sign = w.findChild<QCheckBox*>(QStringLiteral("publishSign"));
        QVERIFY(sign);
        // The example is not addressed to Port's agent: signing is a choice, off by default.
        QVERIFY(!sign->isChecked());
        sign->setChecked(true);

        const QString nodeRun = w.findChild<QLineEdit*>(QStringLiteral("reportRunId"))->text();
        QVERIFY(!w.session()->sandbox()->api()->handler().store().hasNodeRun(nodeRun));
        auto* publish = w.findChild<QPushButton*>(QStringLiteral("publishButton"));
        QTRY_VERIFY(publish->isEnabled());
        QSignalSpy published(test::pane<PublishPane>(&w), &PublishPane::publishFinished);
        publish->click();
        // Registered at the click, before any delivery: a consumer reporting at once finds it.
        QVERIFY(w.session()->sandbox()->api()->handler().store().hasNodeRun(nodeRun));
        QTRY_COMPARE_WITH_TIMEOUT(published.count(), 1, 30000);
        QCOMPARE(published.at(0).at(0).toLongLong(), 1);

        RunsTableModel* model = test::pane<RunsPane>(&w)->model();
        QTRY_VERIFY_WITH_TIMEOUT(model->rowCount() >= 1, 20000);
        const int last = model->rowCount() - 1;
        QCOMPARE(model->index(last, RunsTableModel::Signature).data().toString(),
                 QStringLiteral("valid"));
    }
};

QTEST_MAIN(TestPublishSign)
#include "tst_publishsign.moc"
