// SPDX-License-Identifier: GPL-3.0-or-later
// The real broker is set up like Port's cluster: checked with kcat (a real librdkafka client),
// so that a failing Porthole test points at Porthole, not at the test broker.
#include "brokerenv.h"

#include <QTest>
#include <QUuid>

using porthole::test::BrokerEnv;
using porthole::test::ProcessResult;

class TestBrokerSetup : public QObject
{
    Q_OBJECT

    BrokerEnv m_env;
    QString m_org;

    // kcat over SASL_SSL/SCRAM-SHA-512 (its -X spelling is librdkafka's, like porthole-cli's).
    ProcessResult kcatSasl(QStringList args, const QString& password = {}, const QString& ca = {},
                           const QByteArray& input = {})
    {
        QStringList all{QStringLiteral("-b"),
                        m_env.value(QStringLiteral("KAFKA_SASL_SSL_BOOTSTRAP"))};
        all += m_env.saslOptions(ca);
        all +=
            {QStringLiteral("-X"),
             QStringLiteral("sasl.password=") +
                 (password.isEmpty() ? m_env.value(QStringLiteral("KAFKA_PASSWORD")) : password)};
        all += args;
        return BrokerEnv::run(QStringLiteral("kcat"), all, QProcessEnvironment::systemEnvironment(),
                              60000, input);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_env.load(), qPrintable(m_env.error()));
        m_org = m_env.value(QStringLiteral("KAFKA_ORG"));
    }

    void saslSslRoundTripWithCaVerification()
    {
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString topic = m_org + QStringLiteral(".runs");
        ProcessResult p = kcatSasl({QStringLiteral("-P"), QStringLiteral("-t"), topic}, {}, {},
                                   QByteArray("{\"marker\":\"") + marker.toUtf8() + "\"}\n");
        QVERIFY2(p.finished && p.exitCode == 0, p.err.constData());
        ProcessResult c =
            kcatSasl({QStringLiteral("-C"), QStringLiteral("-t"), topic, QStringLiteral("-o"),
                      QStringLiteral("beginning"), QStringLiteral("-e"), QStringLiteral("-q")});
        QVERIFY2(c.finished && c.exitCode == 0, c.err.constData());
        QVERIFY2(c.out.contains(marker.toUtf8()), c.out.constData());
    }

    void wrongPasswordIsRejected()
    {
        ProcessResult r =
            kcatSasl({QStringLiteral("-L"), QStringLiteral("-m"), QStringLiteral("10")},
                     QStringLiteral("not-the-password"));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("Authentication failed"), r.err.constData());
    }

    void unknownCaFailsVerification()
    {
        ProcessResult r =
            kcatSasl({QStringLiteral("-L"), QStringLiteral("-m"), QStringLiteral("5")}, {},
                     m_env.value(QStringLiteral("KAFKA_OTHER_CA_FILE")));
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("certificate verify failed"), r.err.constData());
    }

    void groupsNeedTheOrgPrefix()
    {
        const QString topic = m_org + QStringLiteral(".runs");
        ProcessResult bad = kcatSasl(
            {QStringLiteral("-G"), QStringLiteral("someone-else"), topic, QStringLiteral("-e")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2(bad.err.contains("Group authorization failed"), bad.err.constData());
        ProcessResult good =
            kcatSasl({QStringLiteral("-G"), m_org + QStringLiteral(".porthole-test"), topic,
                      QStringLiteral("-e"), QStringLiteral("-q")});
        QVERIFY2(good.exitCode == 0, good.err.constData());
    }

    void otherTopicsAreNotAuthorized()
    {
        const QString forbidden = m_env.value(QStringLiteral("KAFKA_FORBIDDEN_TOPIC"));
        QVERIFY(!forbidden.isEmpty());
        ProcessResult r =
            kcatSasl({QStringLiteral("-C"), QStringLiteral("-t"), forbidden, QStringLiteral("-e")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains("Topic authorization failed"), r.err.constData());
        // The super user (PLAINTEXT) sees it: it exists, the user just may not use it.
        ProcessResult admin = m_env.kcatProduce(forbidden, {QStringLiteral("x")});
        QVERIFY2(admin.exitCode == 0, admin.err.constData());
    }
};

QTEST_GUILESS_MAIN(TestBrokerSetup)
#include "tst_brokersetup.moc"
