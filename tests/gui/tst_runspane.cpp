// SPDX-License-Identifier: GPL-3.0-or-later
// The runs pane against the real embedded sandbox: messages produced by a real producer show
// up as rows, filtering narrows them, and the detail view shows the chosen message whole.
#include "gui/runs/messagedetailview.h"
#include "gui/runs/messagevalueview.h"
#include "gui/runs/runspane.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "kafka/kafkaproducer.h"
#include "models/runstablemodel.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QComboBox>
#include <QLineEdit>
#include <QTableView>
#include <QTableWidget>
#include <QTest>

using namespace porthole;

class TestRunsPane : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void producedMessagesBecomeRows()
    {
        Sandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start(QStringLiteral("guitest"), 0, 0, &error), qPrintable(error));

        RunsPane pane;
        pane.session()->connection()->setTarget(
            KafkaTarget::plain(sandbox.bootstrap(), QStringLiteral("guitest.runs")));
        pane.startWatching();

        KafkaConfig config;
        config.set("bootstrap.servers", sandbox.bootstrap().toStdString());
        int delivered = 0;
        std::string err;
        auto producer = KafkaProducer::create(
            config, [&](const DeliveryReport& r) { delivered += r.delivered(); },
            [](const std::string&) {}, &err);
        QVERIFY2(producer, err.c_str());
        const std::string node =
            R"({"context":{"runId":"wfnr_8Jk2Lm4Np6Qr8St0"},"payload":{"n":1}})";
        producer->send({"guitest.runs", std::string("k1"), {{"h", "v"}}, node});
        producer->send({"guitest.runs", std::nullopt, {}, "plain text"});
        producer->send({"guitest.runs", std::nullopt, {}, std::string("\x00\xff", 2)});
        producer->finish(10000);
        QCOMPARE(delivered, 3);

        QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 3, 20000);
        auto* table = pane.findChild<QTableView*>(QStringLiteral("runsTable"));
        auto* filter = pane.findChild<QLineEdit*>(QStringLiteral("runsFilter"));
        auto* detail = pane.findChild<MessageDetailView*>(QStringLiteral("runsDetail"));
        QVERIFY(table && filter && detail);
        filter->setText(QStringLiteral("wfnr_8jk2"));
        QCOMPARE(table->model()->rowCount(), 3); // applied once typing pauses (debounced)
        QTRY_COMPARE(table->model()->rowCount(), 1);
        table->setCurrentIndex(table->model()->index(0, 0));
        QVERIFY(detail->valueView()->shownText().contains(
            QStringLiteral("\"runId\": \"wfnr_8Jk2Lm4Np6Qr8St0\"")));
        QCOMPARE(detail->headersTable()->item(0, 0)->text(), QStringLiteral("h"));
        QCOMPARE(detail->headersTable()->item(0, 1)->text(), QStringLiteral("v"));

        // The sandbox's own watcher told the local Port API about the run.
        QTRY_VERIFY_WITH_TIMEOUT(
            sandbox.api()->handler().store().hasNodeRun(QStringLiteral("wfnr_8Jk2Lm4Np6Qr8St0")),
            20000);
        pane.stopWatching();
        QVERIFY(!pane.isWatching());
    }
};

QTEST_MAIN(TestRunsPane)
#include "tst_runspane.moc"
