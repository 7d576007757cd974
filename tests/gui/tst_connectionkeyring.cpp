// SPDX-License-Identifier: GPL-3.0-or-later
// The Kafka connection picker with a real Secret Service (with-keyring.sh): a SASL password the
// user asked to remember comes back from the keyring in a new session without the editor, and
// unchecking "Remember" removes it. Profiles go to the default file under the throw-away HOME,
// which with-keyring.sh then scans for the password. Passwords are compared with QVERIFY only,
// so that a failure does not print them.
#include "gui/connection/connectionbar.h"
#include "gui/connection/connectiondialog.h"
#include "gui/secretstore.h"

#include <QSignalSpy>
#include <QTest>

using namespace porthole;

namespace {

QString testSecret()
{
    return qEnvironmentVariable("PORTHOLE_TEST_SECRET");
}

ConnectionProfile saslProfile()
{
    ConnectionProfile p;
    p.name = "keyring-test";
    p.bootstrapServers = "127.0.0.1:1";
    p.securityProtocol = "SASL_SSL";
    p.saslMechanism = "SCRAM-SHA-512";
    p.username = "svc-keyring";
    p.orgId = "org_Keyring";
    return p;
}

bool hasPassword(const KafkaTarget& t, const QString& password)
{
    return t.config.get("sasl.password").value_or(std::string()) == password.toStdString();
}

} // namespace

class TestConnectionKeyring : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!testSecret().isEmpty(), "run me through tests/gui/with-keyring.sh");
    }

    void keyNamesUserAndBrokers()
    {
        QCOMPARE(SecretStore::kafkaPasswordKey(QStringLiteral("u1"),
                                               QStringLiteral(" B-1.Example:9196,b-2:9196 ")),
                 QStringLiteral("kafka-password/u1@b-1.example:9196,b-2:9196"));
        QVERIFY(SecretStore::kafkaPasswordKey(QString(), QStringLiteral("h:1")).isEmpty());
    }

    void rememberedPasswordComesBackInANewSession()
    {
        {
            ConnectionBar bar;
            bar.loadProfiles();
            QSignalSpy keyring(&bar, &ConnectionBar::keyringAnswered);
            bar.editConnection(true);
            ConnectionDialog* d = bar.openDialog();
            QVERIFY(d);
            d->setProfile(saslProfile());
            d->setPassword(testSecret());
            QVERIFY(d->rememberPassword()); // on by default
            d->accept();
            QVERIFY(keyring.wait(20000));
            QVERIFY2(bar.statusText().contains(QLatin1String("saved in the system keyring")),
                     qPrintable(bar.statusText()));
        }
        ConnectionBar next;
        next.loadProfiles();
        QSignalSpy changed(&next, &ConnectionBar::targetChanged);
        next.selectConnection(QStringLiteral("keyring-test"));
        QVERIFY(changed.wait(20000));
        QVERIFY(!next.openDialog());
        QVERIFY(hasPassword(next.current(), testSecret()));
    }

    void uncheckingRememberForgetsIt()
    {
        {
            ConnectionBar bar;
            bar.loadProfiles();
            QSignalSpy changed(&bar, &ConnectionBar::targetChanged);
            bar.selectConnection(QStringLiteral("keyring-test"));
            QVERIFY(changed.wait(20000));
            QSignalSpy keyring(&bar, &ConnectionBar::keyringAnswered);
            bar.editConnection(false);
            ConnectionDialog* d = bar.openDialog();
            QVERIFY(d);
            QVERIFY(d->password() == testSecret()); // the editor shows what is in use
            d->setRememberPassword(false);
            d->accept();
            QVERIFY(keyring.wait(20000));
            QVERIFY(hasPassword(bar.current(), testSecret())); // still in use this session
        }
        ConnectionBar next;
        next.loadProfiles();
        next.selectConnection(QStringLiteral("keyring-test"));
        QTRY_VERIFY_WITH_TIMEOUT(next.openDialog() != nullptr, 20000);
        QVERIFY(next.openDialog()->password().isEmpty());
        QVERIFY2(next.statusText().isEmpty() || !next.statusText().contains(testSecret()),
                 "the status line shows no password");
    }
};

QTEST_MAIN(TestConnectionKeyring)
#include "tst_connectionkeyring.moc"
