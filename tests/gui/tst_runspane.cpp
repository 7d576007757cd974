// SPDX-License-Identifier: GPL-3.0-or-later
// The runs pane against the real embedded sandbox: messages produced by a real producer show
// up as rows, filtering narrows them, and the detail view shows the chosen message whole.
#include "gui/runs/messagedetailview.h"
#include "gui/runs/messagevalueview.h"
#include "gui/runs/runspane.h"
#include "gui/runs/runsrecorder.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "kafka/kafkaproducer.h"
#include "models/runstablemodel.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <QToolButton>

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

    // Issue 21: one table, fed by one source at a time. A recording still loading when a watch
    // starts used to go on adding its rows to the watch's (and a watch's last batch to a
    // recording's): the source that lost the table delivers nothing more.
    void aWatchTakesTheTableFromALoadingRecording()
    {
        Sandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start(QStringLiteral("quiet"), 0, 0, &error), qPrintable(error));
        QTemporaryDir tmp;
        const QString path = tmp.filePath(QStringLiteral("three.jsonl"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        for (int i = 0; i < 3; ++i)
            f.write("{\"topic\":\"t\",\"partition\":0,\"offset\":" + QByteArray::number(i) +
                    ",\"key\":null,\"headers\":{},\"value\":{\"n\":1}}\n");
        f.close();

        RunsPane pane;
        pane.session()->connection()->setTarget(
            KafkaTarget::plain(sandbox.bootstrap(), QStringLiteral("quiet.runs")));
        QSignalSpy opened(pane.recorder(), &RunsRecorder::done);
        QVERIFY2(pane.recorder()->openFrom(path, &error), qPrintable(error));
        QThread::msleep(200); // the reading's batches wait in the event queue meanwhile
        pane.startWatching(); // on an empty topic
        QTest::qWait(1000);
        QCOMPARE(pane.model()->rowCount(), 0);
        QCOMPARE(opened.size(), 0);
        QVERIFY(pane.isWatching());
        QTRY_VERIFY(!pane.recorder()->isBusy());
        // And the other way round: the recording takes the table from the watch.
        QVERIFY2(pane.recorder()->openFrom(path, &error), qPrintable(error));
        QVERIFY(!pane.isWatching());
        QTRY_COMPARE(opened.size(), 1);
        QCOMPARE(pane.model()->rowCount(), 3);
    }

    // The button records nothing: it holds export, open and replay, and says so; every entry
    // has its own mnemonic.
    void recordingsMenuSaysWhatItHolds()
    {
        RunsPane pane;
        auto* button = pane.findChild<QToolButton*>(QStringLiteral("runsRecord"));
        QVERIFY(button && button->menu());
        QCOMPARE(button->text(), QStringLiteral("Recordings"));
        QStringList texts;
        QSet<QChar> mnemonics;
        for (QAction* a : button->menu()->actions()) {
            if (a->isSeparator())
                continue;
            texts << a->text();
            const qsizetype amp = a->text().indexOf(QLatin1Char('&'));
            QVERIFY2(amp >= 0, qPrintable(a->text()));
            mnemonics.insert(a->text().at(amp + 1).toLower());
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("&Export shown rows as JSON Lines…"),
                                     QStringLiteral("Export shown rows as &CSV…"),
                                     QStringLiteral("&Open recording…"),
                                     QStringLiteral("&Replay shown rows…")}));
        QCOMPARE(mnemonics.size(), texts.size());
    }
};

QTEST_MAIN(TestRunsPane)
#include "tst_runspane.moc"
