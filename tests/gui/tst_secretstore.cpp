// SPDX-License-Identifier: GPL-3.0-or-later
// The keyring against a real Secret Service (gnome-keyring-daemon, started by with-keyring.sh in
// a private D-Bus session): SecretStore round trips, and the Report tab remembering a secret
// Port accepted so that a fresh tab gets it back. Secrets are compared with QVERIFY, never
// QCOMPARE, so that a failure does not print them.
#include "gui/report/keyringrow.h"
#include "gui/report/reportpane.h"
#include "gui/secretstore.h"
#include "gui/session/portaccount.h"
#include "gui/session/session.h"
#include "portapi/localportapi.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QUrl>

using namespace porthole;

namespace {
QString testSecret()
{
    return qEnvironmentVariable("PORTHOLE_TEST_SECRET");
}
} // namespace

class TestSecretStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(!testSecret().isEmpty(), "run me through tests/gui/with-keyring.sh");
    }

    void keyNamesClientAndHost()
    {
        QCOMPARE(SecretStore::portSecretKey(QStringLiteral("id1"),
                                            QUrl(QStringLiteral("https://API.getport.io/"))),
                 QStringLiteral("port-client-secret/id1@api.getport.io"));
        QCOMPARE(SecretStore::portSecretKey(QStringLiteral("id1"),
                                            QUrl(QStringLiteral("http://10.0.0.1:8080"))),
                 QStringLiteral("port-client-secret/id1@10.0.0.1:8080"));
        QVERIFY(SecretStore::portSecretKey(QStringLiteral("id1"), QUrl()).isEmpty());
    }

    void loopbackHosts()
    {
        for (const char* host :
             {"127.0.0.1", "127.3.2.1", "::1", "localhost", "LocalHost", "api.localhost"})
            QVERIFY2(KeyringRow::isLoopbackHost(QString::fromLatin1(host)), host);
        for (const char* host : {"api.getport.io", "10.0.0.1", "localhost.example.com"})
            QVERIFY2(!KeyringRow::isLoopbackHost(QString::fromLatin1(host)), host);
    }

    void writeReadDelete()
    {
        SecretStore store;
        const QString key = QStringLiteral("port-client-secret/roundtrip@api.example.test");
        QSignalSpy written(&store, &SecretStore::secretWritten);
        QSignalSpy read(&store, &SecretStore::secretRead);
        QSignalSpy removed(&store, &SecretStore::secretRemoved);

        store.write(key, testSecret());
        QTRY_COMPARE_WITH_TIMEOUT(written.count(), 1, 10000);
        QVERIFY2(written.at(0).at(1).value<SecretStore::Status>() == SecretStore::Ok,
                 qPrintable(written.at(0).at(2).toString()));

        store.read(key);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 10000);
        QCOMPARE(read.at(0).at(0).toString(), key);
        QVERIFY2(read.at(0).at(1).value<SecretStore::Status>() == SecretStore::Ok,
                 qPrintable(read.at(0).at(3).toString()));
        QVERIFY(read.at(0).at(2).toString() == testSecret());

        store.remove(key);
        QTRY_COMPARE_WITH_TIMEOUT(removed.count(), 1, 10000);
        QVERIFY2(removed.at(0).at(1).value<SecretStore::Status>() == SecretStore::Ok,
                 qPrintable(removed.at(0).at(2).toString()));

        store.read(key);
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 2, 10000);
        QVERIFY(read.at(1).at(1).value<SecretStore::Status>() == SecretStore::NotFound);
        QVERIFY(read.at(1).at(2).toString().isEmpty());
        QCOMPARE(read.at(1).at(3).toString(),
                 QStringLiteral("no secret stored for this client id and host"));
    }

    // Send a report with the box checked: the secret is stored; a fresh tab with the same API
    // and client id gets it back in its (empty) secret field.
    void paneRemembersAcceptedSecret()
    {
        const QString clientId = QStringLiteral("keyring-test-client");
        LocalPortApi api;
        api.setCredentials(clientId, testSecret());
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        api.registerNodeRun(QStringLiteral("wfnr_keyring1"));
        {
            ReportPane pane;
            pane.keyringRow()->setLoopbackAllowed(true); // the test server is on loopback
            // A local test API: no "is this someone\'s real run?" question.
            pane.session()->account()->setSandboxApiUrl(api.baseUrl());
            pane.session()->account()->set(api.baseUrl(), clientId, testSecret());
            pane.setRunIds({}, QStringLiteral("wfnr_keyring1"));
            auto* remember = pane.findChild<QCheckBox*>(QStringLiteral("reportRememberSecret"));
            QVERIFY(remember && remember->isEnabled());
            remember->setChecked(true);
            QSignalSpy reported(&pane, &ReportPane::reportFinished);
            QSignalSpy answered(pane.keyringRow(), &KeyringRow::keyringAnswered);
            pane.findChild<QPushButton*>(QStringLiteral("reportSend"))->click();
            QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 15000);
            QCOMPARE(reported.at(0).at(0).toInt(), 200);
            QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
            QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("reportKeyringStatus"))->text(),
                     QStringLiteral("secret saved in the system keyring"));
        }
        ReportPane fresh;
        fresh.keyringRow()->setLoopbackAllowed(true);
        // A local test API: no "is this someone\'s real run?" question.
        fresh.session()->account()->setSandboxApiUrl(api.baseUrl());
        fresh.session()->account()->set(api.baseUrl(), clientId, QString());
        auto* secret = fresh.findChild<QLineEdit*>(QStringLiteral("reportClientSecret"));
        QTRY_VERIFY_WITH_TIMEOUT(!secret->text().isEmpty(), 10000);
        QVERIFY(secret->text() == testSecret());
        QCOMPARE(fresh.findChild<QLabel*>(QStringLiteral("reportKeyringStatus"))->text(),
                 QStringLiteral("secret loaded from the keyring"));
        auto* remember = fresh.findChild<QCheckBox*>(QStringLiteral("reportRememberSecret"));
        QVERIFY(remember->isChecked());

        // Unchecking the box (the user's click) forgets it: the next tab finds nothing.
        QSignalSpy answered(fresh.keyringRow(), &KeyringRow::keyringAnswered);
        remember->click();
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 10000);
        QCOMPARE(fresh.findChild<QLabel*>(QStringLiteral("reportKeyringStatus"))->text(),
                 QStringLiteral("secret removed from the keyring"));
        SecretStore store;
        QSignalSpy read(&store, &SecretStore::secretRead);
        store.read(SecretStore::portSecretKey(clientId, QUrl(api.baseUrl())));
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 10000);
        QVERIFY(read.at(0).at(1).value<SecretStore::Status>() == SecretStore::NotFound);
    }

    // A secret the API refuses is not remembered: a typo must not come back next session.
    void rejectedSecretNotStored()
    {
        const QString clientId = QStringLiteral("keyring-rejected-client");
        LocalPortApi api;
        api.setCredentials(clientId, testSecret());
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        api.registerNodeRun(QStringLiteral("wfnr_keyring3"));
        ReportPane pane;
        pane.keyringRow()->setLoopbackAllowed(true);
        // A local test API: no "is this someone\'s real run?" question.
        pane.session()->account()->setSandboxApiUrl(api.baseUrl());
        pane.session()->account()->set(api.baseUrl(), clientId, QStringLiteral("not-the-secret"));
        pane.setRunIds({}, QStringLiteral("wfnr_keyring3"));
        pane.findChild<QCheckBox*>(QStringLiteral("reportRememberSecret"))->setChecked(true);
        QSignalSpy reported(&pane, &ReportPane::reportFinished);
        pane.send();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 15000);
        QCOMPARE(reported.at(0).at(0).toInt(), 401);
        QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("reportKeyringStatus"))->text(),
                 QStringLiteral("not saved: the API did not accept the secret"));

        SecretStore store;
        QSignalSpy read(&store, &SecretStore::secretRead);
        store.read(SecretStore::portSecretKey(clientId, QUrl(api.baseUrl())));
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 10000);
        QVERIFY(read.at(0).at(1).value<SecretStore::Status>() == SecretStore::NotFound);
    }

    // The sandbox's local API is on loopback: its secret never reaches the keyring.
    void sandboxSecretNotStored()
    {
        LocalPortApi api;
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        api.registerNodeRun(QStringLiteral("wfnr_keyring2"));
        ReportPane pane;
        // A local test API: no "is this someone\'s real run?" question.
        pane.session()->account()->setSandboxApiUrl(api.baseUrl());
        pane.session()->account()->set(api.baseUrl(), QStringLiteral("sandbox"),
                                       QStringLiteral("sandbox"));
        pane.setRunIds({}, QStringLiteral("wfnr_keyring2"));
        auto* remember = pane.findChild<QCheckBox*>(QStringLiteral("reportRememberSecret"));
        QVERIFY(!remember->isEnabled());
        QVERIFY(!remember->isChecked());
        QSignalSpy reported(&pane, &ReportPane::reportFinished);
        pane.send();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 15000);
        QCOMPARE(reported.at(0).at(0).toInt(), 200);

        SecretStore store;
        QSignalSpy read(&store, &SecretStore::secretRead);
        store.read(SecretStore::portSecretKey(QStringLiteral("sandbox"), QUrl(api.baseUrl())));
        QTRY_COMPARE_WITH_TIMEOUT(read.count(), 1, 10000);
        QVERIFY(read.at(0).at(1).value<SecretStore::Status>() == SecretStore::NotFound);
    }
};

QTEST_MAIN(TestSecretStore)
#include "tst_secretstore.moc"
