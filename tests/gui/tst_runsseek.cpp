// SPDX-License-Identifier: GPL-3.0-or-later
// Where the Runs tab reads, against the real embedded broker: an offset in chosen partitions,
// a time, the last N per partition, pause and resume, and the notice when the broker has
// already dropped the oldest messages asked for.
#include "gui/elidedlabel.h"
#include "gui/runs/readpositionbar.h"
#include "gui/runs/runspane.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "kafka/kafkaproducer.h"
#include "models/runstablemodel.h"
#include "sandbox/sandbox.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QThread>

#include <map>

using namespace porthole;

class TestRunsSeek : public QObject
{
    Q_OBJECT
    Sandbox m_sandbox;

    std::vector<DeliveryReport> produce(const std::string& topic, int count, size_t bytes = 40)
    {
        KafkaConfig config;
        config.set("bootstrap.servers", m_sandbox.bootstrap().toStdString());
        std::vector<DeliveryReport> reports;
        std::string err;
        auto producer = KafkaProducer::create(
            config, [&](const DeliveryReport& r) { reports.push_back(r); },
            [](const std::string&) {}, &err);
        if (!producer)
            qFatal("producer: %s", err.c_str());
        for (int i = 0; i < count; ++i) {
            std::string v = "{\"n\":" + std::to_string(i) + ",\"pad\":\"";
            v += std::string(bytes > v.size() ? bytes - v.size() : 0, 'p') + "\"}";
            // A key per message: null keys stick to one partition per batch (sticky
            // partitioner), and the seek tests need messages in every partition.
            producer->send({topic, "k" + std::to_string(i), {}, v});
        }
        producer->finish(20000);
        for (const auto& r : reports)
            if (!r.delivered())
                qFatal("not delivered: %s", r.error.c_str());
        return reports;
    }

    void watch(RunsPane& pane, const QString& topic, const StartPosition& from,
               const QString& partitions = {})
    {
        pane.session()->connection()->setTarget(KafkaTarget::plain(m_sandbox.bootstrap(), topic));
        pane.positionBar()->setPosition(from);
        pane.findChild<QLineEdit*>(QStringLiteral("runsPartitions"))->setText(partitions);
        pane.startWatching();
    }

    static bool connected(RunsPane& pane)
    {
        return pane.findChild<ElidedLabel*>(QStringLiteral("runsStatus"))
            ->fullText()
            .contains(QLatin1String("without a consumer group"));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral("seektest"), 0, 0, &error), qPrintable(error));
    }

    void offsetInChosenPartitions()
    {
        const auto reports = produce("seektest.offsets", 60);
        std::map<int32_t, int> fromTwo; // per partition: messages at offset >= 2
        for (const auto& r : reports)
            fromTwo[r.partition] += r.offset >= 2;
        QVERIFY2(fromTwo.size() >= 2, "the producer used one partition only");
        const int32_t chosen = fromTwo.begin()->first;
        RunsPane pane;
        watch(pane, QStringLiteral("seektest.offsets"), {StartPosition::Kind::Offset, 2},
              QString::number(chosen));
        QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), fromTwo[chosen], 20000);
        QTest::qWait(300); // nothing else arrives
        QCOMPARE(pane.model()->rowCount(), fromTwo[chosen]);
        for (int row = 0; row < pane.model()->rowCount(); ++row) {
            QCOMPARE(pane.model()->record(row).partition, chosen);
            QVERIFY(pane.model()->record(row).offset >= 2);
        }
        // A wrong partition list is refused before connecting.
        pane.findChild<QLineEdit*>(QStringLiteral("runsPartitions"))
            ->setText(QStringLiteral("3-1"));
        pane.startWatching();
        QVERIFY(!pane.isWatching());
        QVERIFY(pane.findChild<ElidedLabel*>(QStringLiteral("runsStatus"))
                    ->fullText()
                    .contains(QLatin1String("'3-1'")));
    }

    void fromATime()
    {
        produce("seektest.time", 5);
        // Past a whole second (the picker shows seconds), then the messages to find.
        QThread::msleep(1100);
        const qint64 at = (QDateTime::currentMSecsSinceEpoch() / 1000 + 1) * 1000;
        QThread::msleep(quint64(at - QDateTime::currentMSecsSinceEpoch() + 50));
        const auto later = produce("seektest.time", 4);
        RunsPane pane;
        watch(pane, QStringLiteral("seektest.time"), {StartPosition::Kind::Timestamp, at});
        QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 4, 20000);
        QTest::qWait(300);
        QCOMPARE(pane.model()->rowCount(), 4);
        for (int row = 0; row < 4; ++row)
            QVERIFY(pane.model()->record(row).timestamp >= at);
    }

    void lastNPerPartition()
    {
        const auto reports = produce("seektest.tail", 60);
        std::map<int32_t, int> perPartition;
        for (const auto& r : reports)
            ++perPartition[r.partition];
        int expected = 0;
        for (const auto& [p, n] : perPartition)
            expected += std::min(n, 3);
        RunsPane pane;
        watch(pane, QStringLiteral("seektest.tail"), {StartPosition::Kind::Tail, 3});
        QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), expected, 20000);
        QTest::qWait(300);
        QCOMPARE(pane.model()->rowCount(), expected);
    }

    void pauseHoldsBackUntilResume()
    {
        produce("seektest.pause", 1);
        RunsPane pane;
        watch(pane, QStringLiteral("seektest.pause"), {StartPosition::Kind::End, 0});
        QTRY_VERIFY_WITH_TIMEOUT(connected(pane), 20000);
        auto* pause = pane.findChild<QPushButton*>(QStringLiteral("runsPause"));
        QVERIFY(pause->isEnabled());
        pause->click();
        QVERIFY(pane.isPaused());
        QCOMPARE(pause->text(), QStringLiteral("Resume"));
        QTest::qWait(200); // the worker has taken the pause
        produce("seektest.pause", 5);
        QTest::qWait(1500);
        QCOMPARE(pane.model()->rowCount(), 0);
        pause->click();
        QVERIFY(!pane.isPaused());
        QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 5, 20000);
        // The live strip samples once a second.
        auto* strip = pane.findChild<ElidedLabel*>(QStringLiteral("runsLiveStrip"));
        QTRY_VERIFY_WITH_TIMEOUT(strip->fullText().contains(QLatin1String("5 rows held")), 3000);
    }

    void saysWhenTheOldestAreGone()
    {
        // The sandbox keeps ~4 MB per partition: 24 MB spread over its partitions is too much.
        produce("seektest.retention", 240, 100 * 1024);
        RunsPane pane;
        watch(pane, QStringLiteral("seektest.retention"), {StartPosition::Kind::Beginning, 0});
        auto* notice = pane.findChild<QLabel*>(QStringLiteral("runsNotice"));
        QTRY_VERIFY_WITH_TIMEOUT(!notice->isHidden(), 20000);
        qInfo("%s", qPrintable(notice->text()));
        QVERIFY(notice->text().contains(QLatin1String("already dropped")));
        QVERIFY(notice->text().contains(QLatin1String("starts at offset")));
    }
};

QTEST_MAIN(TestRunsSeek)
#include "tst_runsseek.moc"
