// SPDX-License-Identifier: GPL-3.0-or-later
// The Kafka library (porthole_kafka) against a real broker set up like Port's: the "test
// connection" verdict for every fault, the producer and the read-only watcher over SASL_SSL,
// and the watcher through a broker outage.
#include "brokerenv.h"
#include "kafka/connectiontester.h"
#include "kafka/kafkaconfig.h"
#include "kafka/kafkaproducer.h"
#include "kafka/kafkawatcher.h"

#include <QElapsedTimer>
#include <QSet>
#include <QTest>
#include <QUuid>

#include <future>
#include <thread>

using namespace porthole;
using porthole::test::BrokerEnv;
using porthole::test::ProcessResult;
using R = porthole::ConnectionVerdict::Result;

Q_DECLARE_METATYPE(porthole::ConnectionVerdict::Result)

class TestRealBrokerLib : public QObject
{
    Q_OBJECT

    BrokerEnv m_env;
    std::string m_org;

    std::string v(const char* key) const
    {
        return m_env.value(QString::fromLatin1(key)).toStdString();
    }

    KafkaConfig saslConfig(const std::string& password = {}, const std::string& ca = {}) const
    {
        KafkaConfig c;
        c.set("bootstrap.servers", v("KAFKA_SASL_SSL_BOOTSTRAP"));
        c.set("security.protocol", "SASL_SSL");
        c.set("sasl.mechanisms", "SCRAM-SHA-512");
        c.set("ssl.ca.location", ca.empty() ? v("KAFKA_CA_FILE") : ca);
        c.set("sasl.username", v("KAFKA_USERNAME"));
        c.set("sasl.password", password.empty() ? v("KAFKA_PASSWORD") : password);
        return c;
    }

    ConnectionVerdict check(const KafkaConfig& c, const std::string& topic)
    {
        QElapsedTimer t;
        t.start();
        ConnectionVerdict verdict = ConnectionTester::test(c, topic, 10000);
        qInfo("verdict %s in %lld ms: \"%s\" (%s)", ConnectionTester::resultName(verdict.result),
              t.elapsed(), verdict.message.c_str(), verdict.detail.c_str());
        [&] { QVERIFY2(t.elapsed() < 15000, "the verdict took longer than 10 s (+ margin)"); }();
        return verdict;
    }

    // Polls `w` until `want` records carrying `marker` arrived (or 120 s passed).
    static void pollFor(KafkaWatcher& w, std::vector<KafkaRecord>& got, const std::string& marker,
                        size_t want)
    {
        QElapsedTimer t;
        t.start();
        auto count = [&] {
            size_t n = 0;
            for (const KafkaRecord& r : got)
                n += r.value && r.value->find(marker) != std::string::npos;
            return n;
        };
        while (count() < want && t.elapsed() < 120000)
            w.poll(got, 200);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_env.load(), qPrintable(m_env.error()));
        m_org = v("KAFKA_ORG");
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("password");
        QTest::addColumn<QString>("ca");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<R>("expected");
        const QString org = m_env.value(QStringLiteral("KAFKA_ORG"));
        const QString otherCa = m_env.value(QStringLiteral("KAFKA_OTHER_CA_FILE"));
        QTest::newRow("ok") << QString() << QString() << org + QStringLiteral(".runs") << R::Ok;
        QTest::newRow("change.log ok")
            << QString() << QString() << org + QStringLiteral(".change.log") << R::Ok;
        QTest::newRow("wrong password") << QStringLiteral("wrong-password") << QString()
                                        << org + QStringLiteral(".runs") << R::AuthFailed;
        QTest::newRow("wrong CA") << QString() << otherCa << org + QStringLiteral(".runs")
                                  << R::TlsFailure;
        QTest::newRow("topic outside the ACLs")
            << QString() << QString() << m_env.value(QStringLiteral("KAFKA_FORBIDDEN_TOPIC"))
            << R::NotAuthorized;
        // Kafka hides topics a user may not describe: a missing one looks "not authorized".
        QTest::newRow("missing topic, no rights")
            << QString() << QString() << org + QStringLiteral(".no-such-topic") << R::NotAuthorized;
    }
    void verdicts()
    {
        QFETCH(QString, password);
        QFETCH(QString, ca);
        QFETCH(QString, topic);
        QFETCH(R, expected);
        const ConnectionVerdict verdict =
            check(saslConfig(password.toStdString(), ca.toStdString()), topic.toStdString());
        QCOMPARE(ConnectionTester::resultName(verdict.result),
                 ConnectionTester::resultName(expected));
        QVERIFY(!verdict.message.empty());
        QVERIFY2(verdict.message.find(v("KAFKA_PASSWORD")) == std::string::npos &&
                     verdict.detail.find(v("KAFKA_PASSWORD")) == std::string::npos,
                 "the password leaked into the verdict");
    }

    void verdictMissingTopicWithRights()
    {
        KafkaConfig c;
        c.set("bootstrap.servers", v("KAFKA_BOOTSTRAP")); // super user: may describe anything
        QCOMPARE(check(c, m_org + ".no-such-topic").result, R::TopicMissing);
    }

    void groupWithoutOrgPrefixIsRefused()
    {
        WatchOptions o;
        o.config = saslConfig();
        o.topic = m_org + ".runs";
        o.org = m_org;
        o.groupId = "porthole-inspector";
        std::string error;
        QVERIFY(!KafkaWatcher::create(o, {}, &error));
        qInfo("users see: \"%s\"", error.c_str());
        QVERIFY2(error.find(m_org + ".") != std::string::npos, error.c_str());
        o.groupId = m_org + ".porthole-inspector";
        QVERIFY2(KafkaWatcher::create(o, {}, &error), error.c_str());
    }

    void produceAndWatchOverSaslSsl()
    {
        const std::string marker = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        std::vector<DeliveryReport> reports;
        std::string error;
        auto producer = KafkaProducer::create(
            saslConfig(), [&](const DeliveryReport& r) { reports.push_back(r); },
            [](const std::string& e) { qInfo("producer: %s", e.c_str()); }, &error);
        QVERIFY2(producer, error.c_str());
        for (int i = 0; i < 100; ++i)
            producer->send({m_org + ".runs",
                            std::to_string(i),
                            {{"x-test", marker}},
                            "{\"marker\":\"" + marker + "\",\"i\":" + std::to_string(i) + "}"});
        producer->finish(60000);
        QCOMPARE(reports.size(), size_t(100));
        QSet<QString> positions;
        for (const DeliveryReport& r : reports) {
            QVERIFY2(r.delivered(), r.error.c_str());
            positions.insert(QStringLiteral("%1 %2").arg(r.partition).arg(r.offset));
        }
        QCOMPARE(positions.size(), 100);

        WatchOptions o;
        o.config = saslConfig();
        o.topic = m_org + ".runs";
        o.org = m_org;
        o.from.kind = StartPosition::Kind::Beginning;
        auto watcher = KafkaWatcher::create(o, {}, &error);
        QVERIFY2(watcher, error.c_str());
        QVERIFY2(watcher->start(&error), error.c_str());
        std::vector<KafkaRecord> got;
        pollFor(*watcher, got, marker, 100);
        QSet<QString> seen;
        for (const KafkaRecord& r : got)
            if (r.value && r.value->find(marker) != std::string::npos)
                seen.insert(QStringLiteral("%1 %2").arg(r.partition).arg(r.offset));
        QCOMPARE(seen, positions);
    }

    // The broker goes away under a running watcher: the verdict says unreachable, the watcher
    // reports the outage, then carries on with every offset exactly once.
    void watcherThroughBrokerOutage()
    {
        const std::string marker = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
        const QString topic = QString::fromStdString(m_org + ".change.log");
        auto batch = [&](const char* phase) {
            QStringList lines;
            for (int i = 0; i < 30; ++i)
                lines << QStringLiteral("{\"marker\":\"%1\",\"phase\":\"%2\",\"i\":%3}")
                             .arg(QString::fromStdString(marker), QLatin1String(phase))
                             .arg(i);
            return m_env.kcatProduce(topic, lines).exitCode == 0;
        };
        QVERIFY(batch("before"));
        WatchOptions o;
        o.config = saslConfig();
        o.topic = topic.toStdString();
        o.org = m_org;
        o.from.kind = StartPosition::Kind::Beginning;
        QStringList statuses;
        QList<WatchStatus> kinds;
        std::string error;
        auto watcher = KafkaWatcher::create(
            o,
            [&](WatchStatus s, const std::string& text) {
                kinds << s;
                statuses << QStringLiteral("%1 %2").arg(int(s)).arg(QString::fromStdString(text));
            },
            &error);
        QVERIFY2(watcher && watcher->start(&error), error.c_str());
        std::vector<KafkaRecord> got;
        pollFor(*watcher, got, marker, 30);

        const ProcessResult halt = m_env.brokerScript(QStringLiteral("halt"));
        QVERIFY2(halt.exitCode == 0, halt.err.constData());
        // The watcher keeps polling while the broker is away, and poll() keeps its timeout. It
        // polls on a helper thread so that a hang shows up as a failure with a reason.
        std::promise<qint64> slowestPromise;
        std::future<qint64> slowestFuture = slowestPromise.get_future();
        std::thread poller([&] {
            qint64 slowest = 0;
            for (int i = 0; i < 10; ++i) {
                QElapsedTimer t;
                t.start();
                watcher->poll(got, 200);
                slowest = std::max(slowest, t.elapsed());
            }
            slowestPromise.set_value(slowest);
        });
        const bool returned =
            slowestFuture.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
        KafkaConfig c = saslConfig();
        const R down = check(c, m_org + ".runs").result;
        const ProcessResult resume = m_env.brokerScript(QStringLiteral("resume"));
        if (slowestFuture.wait_for(std::chrono::seconds(120)) != std::future_status::ready)
            qFatal("KafkaWatcher::poll(200) never returned, even after the broker came back");
        poller.join();
        QVERIFY2(returned, "KafkaWatcher::poll(200) hung while the broker was down (it returned "
                           "only after the broker came back)");
        const qint64 slowest = slowestFuture.get();
        QVERIFY2(slowest < 5000, qPrintable(QStringLiteral("KafkaWatcher::poll(200) blocked "
                                                           "%1 ms while the broker was down")
                                                .arg(slowest)));
        QCOMPARE(ConnectionTester::resultName(down), ConnectionTester::resultName(R::Unreachable));
        QVERIFY2(resume.exitCode == 0, resume.err.constData());
        QVERIFY(batch("after"));
        pollFor(*watcher, got, marker, 60);
        for (int i = 0; i < 10; ++i) // late duplicates would show up here
            watcher->poll(got, 200);

        qInfo("statuses: %s", qPrintable(statuses.join(QStringLiteral(" | "))));
        QSet<QString> seen;
        int mine = 0;
        for (const KafkaRecord& r : got) {
            seen.insert(QStringLiteral("%1 %2").arg(r.partition).arg(r.offset));
            mine += r.value && r.value->find(marker) != std::string::npos;
        }
        QCOMPARE(qsizetype(seen.size()), qsizetype(got.size())); // no duplicate
        QCOMPARE(mine, 60);                                      // none missing
        // The outage is reported once, and so is the recovery after it.
        QVERIFY2(kinds.count(WatchStatus::BrokerDown) == 1,
                 qPrintable(statuses.join(QLatin1Char('\n'))));
        QVERIFY2(kinds.lastIndexOf(WatchStatus::Recovered) > kinds.indexOf(WatchStatus::BrokerDown),
                 qPrintable(statuses.join(QLatin1Char('\n'))));
    }
};

QTEST_GUILESS_MAIN(TestRealBrokerLib)
#include "tst_realbroker_lib.moc"
