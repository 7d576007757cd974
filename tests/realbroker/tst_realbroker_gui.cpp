// SPDX-License-Identifier: GPL-3.0-or-later
// The desktop app's Kafka tabs against a real Apache Kafka broker set up like Port's cluster
// (SASL_SSL, SCRAM-SHA-512, ACLs): the connection editor's test tells a right password from a
// wrong one, and a profile chosen in the connection bar lets the Publish tab publish what the
// Runs tab then shows. No keyring on the bus: the password stays in memory.
#include "brokerenv.h"
#include "gui/connection/connectionbar.h"
#include "gui/connection/connectiondialog.h"
#include "gui/publish/publishpane.h"
#include "gui/runs/runspane.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "models/runstablemodel.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace porthole;
using porthole::test::BrokerEnv;

class TestRealBrokerGui : public QObject
{
    Q_OBJECT

    BrokerEnv m_env;

    ConnectionProfile profile() const
    {
        ConnectionProfile p;
        p.name = "real-broker";
        p.bootstrapServers = m_env.value(QStringLiteral("KAFKA_SASL_SSL_BOOTSTRAP")).toStdString();
        p.securityProtocol = "SASL_SSL";
        p.saslMechanism = "SCRAM-SHA-512";
        p.username = m_env.value(QStringLiteral("KAFKA_USERNAME")).toStdString();
        p.caFile = m_env.value(QStringLiteral("KAFKA_CA_FILE")).toStdString();
        p.orgId = m_env.value(QStringLiteral("KAFKA_ORG")).toStdString();
        return p;
    }

    // Runs the editor's connection test; returns {ok, the verdict as shown}.
    std::pair<bool, QString> testWith(const QString& password)
    {
        ConnectionDialog d;
        d.setProfile(profile());
        d.setPassword(password);
        QSignalSpy done(&d, &ConnectionDialog::testFinished);
        d.testConnection();
        if (!done.wait(30000))
            return {false, QStringLiteral("no answer within 30 s")};
        qInfo("verdict: %s", qPrintable(d.verdictText()));
        return {done.at(0).at(0).toBool(), d.verdictText()};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_env.load(), qPrintable(m_env.error())); }

    void editorTellsTheRightPasswordFromAWrongOne()
    {
        const auto [ok, verdict] = testWith(m_env.value(QStringLiteral("KAFKA_PASSWORD")));
        QVERIFY2(ok && verdict.contains(m_env.value(QStringLiteral("KAFKA_ORG"))),
                 qPrintable(verdict));
        const auto [wrongOk, wrongVerdict] = testWith(QStringLiteral("not-the-password"));
        QVERIFY(!wrongOk);
        QVERIFY2(wrongVerdict.contains(QLatin1String("authentication failed")),
                 qPrintable(wrongVerdict));
        QVERIFY(!wrongVerdict.contains(QLatin1String("not-the-password")));
    }

    void chosenProfileCarriesPublishAndWatch()
    {
        QTemporaryDir dir;
        ConnectionBar bar;
        Session session; // one connection for both panes, as the window has
        RunsPane runs(&session);
        PublishPane publish(&session);
        connect(&bar, &ConnectionBar::targetChanged, session.connection(),
                &ConnectionState::setTarget);
        bar.loadProfiles(dir.filePath(QStringLiteral("profiles.json")));
        bar.editConnection(true);
        ConnectionDialog* d = bar.openDialog();
        QVERIFY(d);
        d->setProfile(profile());
        d->setPassword(m_env.value(QStringLiteral("KAFKA_PASSWORD")));
        d->accept();
        QCOMPARE(bar.current().name, QStringLiteral("real-broker"));

        runs.startWatching(); // from the end: only what this test publishes
        QTest::qWait(3000);   // the watcher's partitions are assigned before anything is sent
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const std::string message =
            QStringLiteral("{\"context\":{\"runId\":\"wfnr_RealBrokerGui01\"},"
                           "\"payload\":{\"marker\":\"%1\"}}")
                .arg(marker)
                .toStdString();
        QSignalSpy finished(&publish, &PublishPane::publishFinished);
        publish.setMessages({message, message});
        publish.publish();
        QVERIFY(finished.wait(60000));
        QCOMPARE(finished.at(0).at(0).toLongLong(), 2);
        QCOMPARE(finished.at(0).at(1).toLongLong(), 0);

        const auto seen = [&] {
            int n = 0;
            for (int r = 0; r < runs.model()->rowCount(); ++r)
                for (int c = 0; c < runs.model()->columnCount(); ++c)
                    n += runs.model()->index(r, c).data().toString().contains(marker);
            return n;
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen() >= 2, 60000);
        runs.stopWatching();
    }
};

QTEST_MAIN(TestRealBrokerGui)
#include "tst_realbroker_gui.moc"
