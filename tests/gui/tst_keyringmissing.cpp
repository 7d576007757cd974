// SPDX-License-Identifier: GPL-3.0-or-later
// No keyring at all (ctest points DBUS_SESSION_BUS_ADDRESS at a socket that does not exist):
// the Report tab says so in a readable line, keeps the secret in memory and still reports.
#include "gui/report/keyringrow.h"
#include "gui/report/reportpane.h"
#include "gui/session/portaccount.h"
#include "gui/session/session.h"
#include "portapi/localportapi.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>

using namespace porthole;

class TestKeyringMissing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reportWorksWithoutKeyring()
    {
        const QString clientId = QStringLiteral("no-keyring-client");
        const QString secret = QStringLiteral("no-keyring-secret-5f1c");
        LocalPortApi api;
        api.setCredentials(clientId, secret);
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        api.registerNodeRun(QStringLiteral("wfnr_nokeyring"));

        ReportPane pane;
        pane.keyringRow()->setLoopbackAllowed(true); // the test server is on loopback
        auto* status = pane.findChild<QLabel*>(QStringLiteral("reportKeyringStatus"));
        QSignalSpy answered(pane.keyringRow(), &KeyringRow::keyringAnswered);
        // The lookup for a stored secret fails: one readable line, no crash, no wait.
        // A local test API: no "is this someone\'s real run?" question.
        pane.session()->account()->setSandboxApiUrl(api.baseUrl());
        pane.session()->account()->set(api.baseUrl(), clientId, QString());
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30000);
        qInfo("keyring status: %s", qPrintable(status->text()));
        QVERIFY2(status->text().startsWith(QStringLiteral("the system keyring is not available: ")),
                 qPrintable(status->text()));
        QVERIFY2(status->text().endsWith(QStringLiteral("(the secret stays in memory only)")),
                 qPrintable(status->text()));

        // Typed by hand and remembered: the store fails, the report goes through.
        pane.findChild<QLineEdit*>(QStringLiteral("reportClientSecret"))->setText(secret);
        pane.findChild<QCheckBox*>(QStringLiteral("reportRememberSecret"))->setChecked(true);
        pane.setRunIds({}, QStringLiteral("wfnr_nokeyring"));
        answered.clear();
        QSignalSpy reported(&pane, &ReportPane::reportFinished);
        pane.send();
        QTRY_COMPARE_WITH_TIMEOUT(reported.count(), 1, 15000);
        QCOMPARE(reported.at(0).at(0).toInt(), 200);
        QVERIFY(reported.at(0).at(1).toBool());
        QTRY_VERIFY_WITH_TIMEOUT(!answered.isEmpty(), 30000);
        QVERIFY2(status->text().startsWith(
                     QStringLiteral("not saved: the system keyring is not available: ")),
                 qPrintable(status->text()));
        QVERIFY(!status->text().contains(secret));
    }
};

QTEST_MAIN(TestKeyringMissing)
#include "tst_keyringmissing.moc"
