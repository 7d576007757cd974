// SPDX-License-Identifier: GPL-3.0-or-later
// KafkaErrors::readable: librdkafka's broker names and state-machine notes out of the main line,
// the cause kept. The inputs are texts librdkafka 2.0 gave this project's tests and users.
#include "kafka/kafkaerrors.h"

#include <QTest>

using namespace porthole;

class TestKafkaErrors : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readable_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("disconnected")
            << "sasl_ssl://127.0.0.1:58317/1: Disconnected (after 193ms in state UP)"
            << "127.0.0.1:58317: disconnected";
        QTest::newRow("refused, suppressed")
            << "127.0.0.1:9/bootstrap: Connect to ipv4#127.0.0.1:9 failed: Connection refused "
               "(after 0ms in state CONNECT, 1 identical error(s) suppressed)"
            << "127.0.0.1:9: connection refused";
        QTest::newRow("only suppressed")
            << "127.0.0.1:9/bootstrap: Connect to ipv4#127.0.0.1:9 failed: Connection refused "
               "(4 identical error(s) suppressed)"
            << "127.0.0.1:9: connection refused";
        QTest::newRow("ipv6") << "[::1]:9092/bootstrap: Connect to ipv6#[::1]:9092 failed: "
                                 "Connection refused (after 1ms in state CONNECT)"
                              << "[::1]:9092: connection refused";
        QTest::newRow("one broker down") << "1/1 brokers are down"
                                         << "the broker is down";
        QTest::newRow("all down") << "3/3 brokers are down"
                                  << "all brokers are down";
        QTest::newRow("some down") << "2/3 brokers are down"
                                   << "2/3 brokers are down";
        QTest::newRow("prefixed") << "broker unreachable: ssl://b-1.example.com:9196/2: "
                                     "Disconnected (after 5012ms in state UP)"
                                  << "broker unreachable: b-1.example.com:9196: disconnected";
        QTest::newRow("coordinator")
            << "GroupCoordinator/1: 10.0.0.5:9092/1: Receive failed: Connection reset by peer "
               "(after 40ms in state UP)"
            << "10.0.0.5:9092: receive failed: connection reset by peer";
        QTest::newRow("acronyms stay")
            << "sasl_ssl://h:9196/bootstrap: SASL authentication error: Authentication failed "
               "(after 312ms in state AUTH_REQ)"
            << "h:9196: SASL authentication error: authentication failed";
        QTest::newRow("plain text stays") << "Local: Message timed out"
                                          << "Local: message timed out";
        QTest::newRow("empty") << ""
                               << "";
    }
    void readable()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(KafkaErrors::readable(raw.toStdString())), expected);
    }
};

QTEST_GUILESS_MAIN(TestKafkaErrors)
#include "tst_kafkaerrors.moc"
