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
                                         << "the broker cannot be reached";
        QTest::newRow("all down") << "3/3 brokers are down"
                                  << "no broker can be reached";
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

    // The cause in words a user acts on, from texts librdkafka 2.0.2 gave (captured from real
    // failures: tst_connection causes the live ones); a text that names no cause has none.
    void cause_data()
    {
        QTest::addColumn<QString>("raw");
        QTest::addColumn<QString>("expected");
        QTest::newRow("dns") << "nonexistent.invalid:9092/bootstrap: Failed to resolve "
                                "'nonexistent.invalid:9092': Name or service not known (after "
                                "0ms in state CONNECT)"
                             << "cannot resolve host nonexistent.invalid (is the address right?)";
        QTest::newRow("dns, ours first")
            << "broker unreachable: [::1]:9092/bootstrap: Failed to resolve '[::1]:9092': x"
            << "cannot resolve host ::1 (is the address right?)";
        QTest::newRow("refused")
            << "127.0.0.1:9/bootstrap: Connect to ipv4#127.0.0.1:9 failed: Connection refused "
               "(after 0ms in state CONNECT)"
            << "connection refused by 127.0.0.1:9 (is the broker running, is the port right?)";
        QTest::newRow("timed out") << "b:9092/bootstrap: Connection setup timed out in state "
                                      "CONNECT (after 30029ms in state CONNECT)"
                                   << "no answer from b:9092 (connection timed out: check the "
                                      "address and any firewall)";
        QTest::newRow("tls to plaintext")
            << "ssl://127.0.0.1:43185/bootstrap: Disconnected (after 0ms in state SSL_HANDSHAKE)"
            << "TLS handshake failed: 127.0.0.1:43185 closed the connection (is it a TLS "
               "listener? check the security protocol)";
        QTest::newRow("untrusted")
            << "ssl://h:9196/bootstrap: SSL handshake failed: error:0A000086:SSL "
               "routines::certificate verify failed: broker certificate could not be verified, "
               "verify that ssl.ca.location is correctly configured or root CA certificates are "
               "installed (add broker's CA certificate to the trusted store) (after 9ms in "
               "state SSL_HANDSHAKE)"
            << "TLS handshake failed: the certificate of h:9196 is not trusted (check the CA "
               "file)";
        QTest::newRow("wrong password")
            << "sasl_ssl://h:9196/bootstrap: SASL authentication error: Authentication failed "
               "during authentication due to invalid credentials with SASL mechanism "
               "SCRAM-SHA-512 (after 312ms in state AUTH_REQ)"
            << "authentication failed (SASL SCRAM-SHA-512: wrong user name or password)";
        QTest::newRow("no SASL offered")
            << "sasl_plaintext://127.0.0.1:40149/bootstrap: Failed to initialize SASL "
               "authentication: SASL Handshake not supported by broker (required by mechanism "
               "SCRAM-SHA-512) (after 0ms in state AUTH_LEGACY)"
            << "authentication failed (SASL is not offered by 127.0.0.1:40149: check the "
               "security protocol)";
        QTest::newRow("not kafka")
            << "127.0.0.1:8080/bootstrap: Invalid response size 1213486160 (0..1000000000): "
               "increase receive.message.max.bytes (after 2ms in state APIVERSION_QUERY)"
            << "127.0.0.1:8080 does not speak the Kafka protocol (check the host and port; a TLS "
               "listener needs security.protocol=SSL or SASL_SSL)";
        QTest::newRow("down names none") << "1/1 brokers are down"
                                         << "";
        QTest::newRow("timed-out message names none") << "Local: Message timed out"
                                                      << "";
    }
    void cause()
    {
        QFETCH(QString, raw);
        QFETCH(QString, expected);
        QCOMPARE(QString::fromStdString(KafkaErrors::cause(raw.toStdString())), expected);
        // summary() is the cause, or the readable text when there is none.
        QCOMPARE(QString::fromStdString(KafkaErrors::summary(raw.toStdString())),
                 expected.isEmpty()
                     ? QString::fromStdString(KafkaErrors::readable(raw.toStdString()))
                     : expected);
    }
};

QTEST_GUILESS_MAIN(TestKafkaErrors)
#include "tst_kafkaerrors.moc"
