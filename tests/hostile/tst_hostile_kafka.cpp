// SPDX-License-Identifier: GPL-3.0-or-later
// A "broker" that answers random bytes: the connection test, the producer and the watcher each
// end quickly with one sentence that says what is wrong, instead of retrying forever.
#include "garbagebroker.h"
#include "kafka/connectiontester.h"
#include "kafka/kafkaproducer.h"
#include "kafka/kafkawatcher.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QtTest>

using namespace porthole;
using namespace porthole::test;

namespace {

const char* kNotKafka = "does not speak the Kafka protocol";

KafkaConfig configFor(const GarbageBroker& broker)
{
    KafkaConfig c;
    c.set("bootstrap.servers", broker.bootstrap());
    return c;
}

} // namespace

class TestHostileKafka : public QObject
{
    Q_OBJECT
    GarbageBroker m_broker;

private Q_SLOTS:
    void connectionTestSaysItIsNotKafka()
    {
        QElapsedTimer clock;
        clock.start();
        const ConnectionVerdict v = ConnectionTester::test(configFor(m_broker), "acme.runs", 10000);
        qInfo("%lld ms: %s | %s", clock.elapsed(), v.message.c_str(), v.detail.c_str());
        QVERIFY(!v.ok());
        QVERIFY2(v.message.find(kNotKafka) != std::string::npos, v.message.c_str());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void producerFailsEveryMessageAtOnce()
    {
        std::vector<DeliveryReport> reports;
        std::string error;
        auto producer = KafkaProducer::create(
            configFor(m_broker), [&](const DeliveryReport& r) { reports.push_back(r); },
            [](const std::string&) {}, &error);
        QVERIFY2(producer, error.c_str());
        QElapsedTimer clock;
        clock.start();
        for (int i = 0; i < 100; ++i)
            producer->send({"acme.runs", std::nullopt, {}, "{\"n\":" + std::to_string(i) + "}"});
        producer->finish(30000);
        qInfo("%lld ms: %s", clock.elapsed(), producer->fatalError().c_str());
        QCOMPARE(reports.size(), size_t(100)); // every message gets its one report
        for (const DeliveryReport& r : reports)
            QVERIFY(!r.delivered());
        QVERIFY2(producer->fatalError().find(kNotKafka) != std::string::npos,
                 producer->fatalError().c_str());
        QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
    }

    void watcherRefusesToStart()
    {
        WatchOptions o;
        o.config = configFor(m_broker);
        o.topic = "acme.runs";
        std::string error;
        auto watcher = KafkaWatcher::create(
            o, [](WatchStatus, const std::string&) {}, &error);
        QVERIFY2(watcher, error.c_str());
        QElapsedTimer clock;
        clock.start();
        QVERIFY(!watcher->start(&error));
        qInfo("%lld ms: %s", clock.elapsed(), error.c_str());
        QVERIFY2(error.find(kNotKafka) != std::string::npos, error.c_str());
        QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));
    }

    void cliWatchAndPublishExitWithTheReason()
    {
        QTemporaryDir tmp;
        const QString value = tmp.filePath(QStringLiteral("v.json"));
        QFile f(value);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"a\":1}");
        f.close();
        const QString bootstrap = QString::fromStdString(m_broker.bootstrap());
        const QList<QStringList> commands = {
            {QStringLiteral("watch"), QStringLiteral("--bootstrap"), bootstrap,
             QStringLiteral("--topic"), QStringLiteral("acme.runs")},
            {QStringLiteral("publish"), QStringLiteral("--raw"), value,
             QStringLiteral("--bootstrap"), bootstrap, QStringLiteral("--topic"),
             QStringLiteral("acme.runs")}};
        for (const QStringList& args : commands) {
            QProcess p;
            QElapsedTimer clock;
            clock.start();
            p.start(QStringLiteral(PORTHOLE_CLI), args);
            QVERIFY(p.waitForFinished(60000));
            const QByteArray err = p.readAllStandardError();
            qInfo("%s: exit %d after %lld ms", qPrintable(args.first()), p.exitCode(),
                  clock.elapsed());
            QCOMPARE(p.exitCode(), 3);
            QVERIFY2(err.contains(kNotKafka), err.constData());
            QVERIFY2(clock.elapsed() < 10000, qPrintable(QString::number(clock.elapsed())));
        }
    }
};

QTEST_GUILESS_MAIN(TestHostileKafka)
#include "tst_hostile_kafka.moc"
