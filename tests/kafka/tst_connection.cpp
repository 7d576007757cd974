// SPDX-License-Identifier: GPL-3.0-or-later
// Connection profiles, librdkafka-validated properties, and the connection test's verdicts
// against the in-process sandbox broker (a real Kafka protocol peer).
#include "kafka/connectionprofile.h"
#include "kafka/connectiontester.h"
#include "kafka/kafkaerrors.h"
#include "kafka/profilestore.h"
#include "kafka/sandboxbroker.h"

#include "core/jswriter.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>

using namespace porthole;
using R = ConnectionVerdict::Result;

class TestConnection : public QObject
{
    Q_OBJECT
    SandboxBroker m_broker;

private Q_SLOTS:
    void initTestCase()
    {
        std::string error;
        QVERIFY2(m_broker.start("acme", 0, &error), error.c_str());
    }

    void presetsMatchPortsClusters()
    {
        for (const auto& p : {ConnectionProfile::portEu(), ConnectionProfile::portUs()}) {
            QCOMPARE(p.securityProtocol, std::string("SASL_SSL"));
            QCOMPARE(p.saslMechanism, std::string("SCRAM-SHA-512"));
            QVERIFY(p.bootstrapServers.find(":9196") != std::string::npos);
            QCOMPARE(std::count(p.bootstrapServers.begin(), p.bootstrapServers.end(), ','), 2L);
        }
        QVERIFY(ConnectionProfile::portEu().bootstrapServers.find("eu-west-1") !=
                std::string::npos);
        QVERIFY(ConnectionProfile::portUs().bootstrapServers.find("us-east-1") !=
                std::string::npos);
        QCOMPARE(ConnectionProfile::sandbox().securityProtocol, std::string("PLAINTEXT"));
    }

    void profileJsonNeverHoldsPasswords()
    {
        ConnectionProfile p = ConnectionProfile::portEu();
        p.username = "user";
        p.orgId = "org_1";
        p.extra = {{"sasl.password", "hunter2"}, {"ssl.key.password", "x"}, {"linger.ms", "5"}};
        const std::string text = JsWriter::stringify(p.toJson());
        QVERIFY(text.find("hunter2") == std::string::npos);
        QVERIFY(text.find("password") == std::string::npos);
        std::string error;
        const auto back = ConnectionProfile::fromJson(p.toJson(), &error);
        QVERIFY2(back, error.c_str());
        QCOMPARE(back->bootstrapServers, p.bootstrapServers);
        QCOMPARE(back->orgId, std::string("org_1"));
        QCOMPARE(back->extra.size(), size_t(1));
        const KafkaConfig c = back->toKafkaConfig("secret");
        QCOMPARE(c.get("sasl.password").value_or(""), std::string("secret"));
        QCOMPARE(c.get("sasl.mechanisms").value_or(""), std::string("SCRAM-SHA-512"));
        QCOMPARE(c.get("linger.ms").value_or(""), std::string("5"));
        QVERIFY(!ConnectionProfile::fromJson(JsonValue("x"), &error));
    }

    void storeRoundTripsAndOverridesPresets()
    {
        QTemporaryDir dir;
        const std::string path = dir.filePath(QStringLiteral("p/profiles.json")).toStdString();
        ProfileStore store;
        std::string error;
        QVERIFY(store.load(path, &error)); // missing file: empty store
        ConnectionProfile mine = ConnectionProfile::sandbox("127.0.0.1:1234", "acme");
        mine.extra = {{"sasl.password", "hunter2"}};
        store.put(mine);
        QVERIFY2(store.save(path, &error), error.c_str());
        ProfileStore again;
        QVERIFY2(again.load(path, &error), error.c_str());
        QCOMPARE(again.find("sandbox")->bootstrapServers, std::string("127.0.0.1:1234"));
        QVERIFY(again.find("port-eu"));
        QVERIFY(!again.find("nope"));
        QFile f(QString::fromStdString(path));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(!f.readAll().contains("hunter2"));
    }

    void librdkafkaJudgesProperties()
    {
        KafkaConfig c;
        c.set("linger.ms", "5");
        QCOMPARE(c.validate(), std::string());
        c.set("no.such.property", "1");
        const std::string unknown = c.validate();
        QVERIFY2(unknown.find("no.such.property") != std::string::npos, unknown.c_str());
        KafkaConfig bad;
        bad.set("linger.ms", "soon");
        const std::string invalid = bad.validate();
        QVERIFY2(invalid.rfind("linger.ms: ", 0) == 0 && invalid.size() > 12, invalid.c_str());
        std::string error;
        QVERIFY(!KafkaConfig::parseAssignment("novalue", &error));
        QCOMPARE(KafkaConfig::parseAssignment("a=b=c", &error)->second, std::string("b=c"));
    }

    void verdicts_data()
    {
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<QString>("topic");
        QTest::addColumn<bool>("deadPort");
        QTest::addColumn<int>("expected");
        QTest::newRow("ok") << "PLAINTEXT"
                            << "acme.runs" << false << int(R::Ok);
        QTest::newRow("topic missing") << "PLAINTEXT"
                                       << "acme.nope" << false << int(R::TopicMissing);
        QTest::newRow("unreachable") << "PLAINTEXT"
                                     << "acme.runs" << true << int(R::Unreachable);
        QTest::newRow("tls") << "SSL"
                             << "acme.runs" << false << int(R::TlsFailure);
        QTest::newRow("sasl") << "SASL_PLAINTEXT"
                              << "acme.runs" << false << int(R::AuthFailed);
    }
    void verdicts()
    {
        QFETCH(QString, protocol);
        QFETCH(QString, topic);
        QFETCH(bool, deadPort);
        QFETCH(int, expected);
        ConnectionProfile p = ConnectionProfile::sandbox(m_broker.bootstrap(), "acme");
        if (deadPort) {
            SandboxBroker gone; // a port that just closed: nobody listens there
            std::string error;
            QVERIFY(gone.start("x", 0, &error));
            p.bootstrapServers = gone.bootstrap();
        }
        p.securityProtocol = protocol.toStdString();
        if (protocol.startsWith(QStringLiteral("SASL"))) {
            p.saslMechanism = "SCRAM-SHA-512";
            p.username = "u";
        }
        QElapsedTimer timer;
        timer.start();
        const ConnectionVerdict v =
            ConnectionTester::test(p.toKafkaConfig("pw"), topic.toStdString(), 10000);
        const QByteArray said = QByteArray(ConnectionTester::resultName(v.result)) + ": " +
                                v.message.c_str() + " / " + v.detail.c_str();
        QVERIFY2(int(v.result) == expected, said.constData());
        QVERIFY2(timer.elapsed() < 11000, said.constData());
        QVERIFY(!v.message.empty());
    }

    // Real librdkafka failures, named by their cause in words a user acts on (librdkafka's
    // own text stays in the detail): a name that does not resolve is not "connection refused"
    // nor "the broker is down".
    void causesAreNamed_data()
    {
        QTest::addColumn<QString>("bootstrap");
        QTest::addColumn<QString>("protocol");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("message");
        QTest::addColumn<QString>("detail");
        QTest::newRow("unresolvable")
            << "nonexistent.invalid:9092"
            << "PLAINTEXT" << int(R::Unreachable) << "cannot resolve host nonexistent.invalid"
            << "Failed to resolve 'nonexistent.invalid:9092'";
        QTest::newRow("closed port")
            << "closed"
            << "PLAINTEXT" << int(R::Unreachable) << "connection refused by 127.0.0.1:%1"
            << "Connection refused";
        QTest::newRow("TLS to a plaintext port") << "sandbox"
                                                 << "SSL" << int(R::TlsFailure)
                                                 << "TLS handshake failed: 127.0.0.1:%1 closed "
                                                    "the connection"
                                                 << "SSL_HANDSHAKE";
        QTest::newRow("SASL where none is offered")
            << "sandbox"
            << "SASL_PLAINTEXT" << int(R::AuthFailed) << "authentication failed (SASL"
            << "SASL";
    }
    void causesAreNamed()
    {
        QFETCH(QString, bootstrap);
        QFETCH(QString, protocol);
        QFETCH(int, expected);
        QFETCH(QString, message);
        QFETCH(QString, detail);
        std::string servers = bootstrap.toStdString();
        if (bootstrap == QStringLiteral("sandbox")) {
            servers = m_broker.bootstrap();
        } else if (bootstrap == QStringLiteral("closed")) {
            SandboxBroker gone; // a port that just closed: nobody listens there
            std::string error;
            QVERIFY(gone.start("x", 0, &error));
            servers = gone.bootstrap();
        }
        const QString port = QString::fromStdString(servers).section(QLatin1Char(':'), -1);
        ConnectionProfile p = ConnectionProfile::sandbox(servers, "acme");
        p.securityProtocol = protocol.toStdString();
        if (protocol.startsWith(QStringLiteral("SASL"))) {
            p.saslMechanism = "SCRAM-SHA-512";
            p.username = "u";
        }
        const ConnectionVerdict v =
            ConnectionTester::test(p.toKafkaConfig("pw"), "acme.runs", 10000);
        const QString said = QString::fromStdString(v.message);
        const QByteArray all = QByteArray(ConnectionTester::resultName(v.result)) + ": " +
                               v.message.c_str() + " / " + v.detail.c_str();
        QCOMPARE(int(v.result), expected);
        QVERIFY2(
            said.startsWith(message.contains(QStringLiteral("%1")) ? message.arg(port) : message),
            all.constData());
        QVERIFY2(!said.contains(QStringLiteral("brokers are down")) &&
                     !said.contains(QStringLiteral("the broker is down")),
                 all.constData());
        QVERIFY2(QString::fromStdString(v.detail).contains(detail), all.constData());
        // The line a window shows for librdkafka's own text is the same cause.
        QVERIFY2(QString::fromStdString(KafkaErrors::summary(v.detail)) == said,
                 KafkaErrors::summary(v.detail).c_str());
    }

    void invalidPropertyIsAConfigError()
    {
        KafkaConfig c = ConnectionProfile::sandbox(m_broker.bootstrap()).toKafkaConfig();
        c.set("security.protocol", "CARRIER_PIGEON");
        const ConnectionVerdict v = ConnectionTester::test(c, "acme.runs", 10000);
        QCOMPARE(int(v.result), int(R::ConfigError));
        QVERIFY(v.detail.find("security.protocol") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
