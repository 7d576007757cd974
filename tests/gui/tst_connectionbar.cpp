// SPDX-License-Identifier: GPL-3.0-or-later
// The Kafka connection picker and its editor, against the real embedded sandbox broker, with no
// keyring on the session bus (test_connectionkeyring covers a real one): saved profiles never
// hold the password, a SASL password lives in memory, and a connection test answers without
// freezing the window, whether the broker is there or not.
#include "gui/connection/connectionbar.h"
#include "gui/connection/connectiondialog.h"
#include "gui/connection/errordetails.h"
#include "gui/elidedlabel.h"
#include "gui/publish/publishpane.h"
#include "gui/runs/runspane.h"
#include "gui/session/connectionstate.h"
#include "gui/session/session.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "support/loopwatch.h"

#include <QComboBox>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace porthole;
using porthole::test::LoopWatch;

namespace {

ConnectionProfile plain(const QString& name, const QString& bootstrap, const QString& org)
{
    ConnectionProfile p;
    p.name = name.toStdString();
    p.bootstrapServers = bootstrap.toStdString();
    p.orgId = org.toStdString();
    return p;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

} // namespace

class TestConnectionBar : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sandbox.start(QStringLiteral("conntest"), 0, 0, &error), qPrintable(error));
    }

    void dialogKeepsWhatTheProtocolNeeds()
    {
        ConnectionDialog d;
        ConnectionProfile p;
        p.name = "prod";
        p.bootstrapServers = "b-1.example:9196,b-2.example:9196";
        p.securityProtocol = "SASL_SSL";
        p.saslMechanism = "SCRAM-SHA-512";
        p.username = "porthole";
        p.caFile = "/etc/ssl/ca.pem";
        p.orgId = "org_Abc";
        p.extra = {{"client.id", "kept"}};
        d.setProfile(p);
        d.setPassword(QStringLiteral("pw"));
        const ConnectionProfile back = d.profile();
        QCOMPARE(back.bootstrapServers, p.bootstrapServers);
        QCOMPARE(back.saslMechanism, p.saslMechanism);
        QCOMPARE(back.username, p.username);
        QCOMPARE(back.caFile, p.caFile);
        QCOMPARE(back.extra.size(), size_t(1));
        QCOMPARE(d.password(), QStringLiteral("pw"));
        QVERIFY2(d.problem().isEmpty(), qPrintable(d.problem()));

        // PLAINTEXT has no user, password or CA: none of them leaks into the profile.
        d.findChild<QComboBox*>(QStringLiteral("connectionProtocol"))
            ->setCurrentText(QStringLiteral("PLAINTEXT"));
        QVERIFY(d.profile().username.empty());
        QVERIFY(d.profile().saslMechanism.empty());
        QVERIFY(d.profile().caFile.empty());
        QVERIFY(d.password().isEmpty());
        QVERIFY(!d.rememberPassword());
    }

    void dialogRefusesIncompleteProfiles()
    {
        ConnectionDialog d;
        ConnectionProfile p = plain(QStringLiteral("x"), m_sandbox.bootstrap(), QString());
        d.setProfile(p);
        QVERIFY(d.problem().contains(QLatin1String("organisation id")));
        d.accept();
        QCOMPARE(d.result(), int(QDialog::Rejected)); // still open, saying why
        QVERIFY(d.verdictText().contains(QLatin1String("organisation id")));

        p.orgId = "conntest";
        p.securityProtocol = "SASL_SSL";
        d.setProfile(p);
        QVERIFY(d.problem().contains(QLatin1String("user name")));

        // The embedded broker's entry keeps its name.
        d.setProfile(
            plain(QStringLiteral("sandbox"), m_sandbox.bootstrap(), QStringLiteral("conntest")));
        QVERIFY2(d.problem().contains(QLatin1String("embedded broker")), qPrintable(d.problem()));
    }

    void testNeedsNoOrganisationId()
    {
        // The organisation id only names the runs topic: brokers and credentials are testable
        // before the user has found it.
        ConnectionDialog d;
        d.setProfile(plain(QStringLiteral("x"), m_sandbox.bootstrap(), QString()));
        QSignalSpy done(&d, &ConnectionDialog::testFinished);
        d.findChild<QPushButton*>(QStringLiteral("connectionTest"))->click();
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, 20000);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(d.verdictText()));
        QVERIFY2(d.verdictText().contains(QLatin1String("not checked")),
                 qPrintable(d.verdictText()));
    }

    void dialogTestsTheSandboxWithoutFreezing()
    {
        ConnectionDialog d;
        d.setProfile(
            plain(QStringLiteral("local"), m_sandbox.bootstrap(), QStringLiteral("conntest")));
        QSignalSpy done(&d, &ConnectionDialog::testFinished);
        LoopWatch loop;
        QElapsedTimer clock;
        clock.start();
        d.testConnection();
        QVERIFY(done.wait(20000));
        qInfo("answered in %lld ms, loop gap %lld ms: %s", clock.elapsed(), loop.longestGapMs(),
              qPrintable(d.verdictText()));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(d.verdictText()));
        QVERIFY2(d.verdictText().startsWith(QStringLiteral("✔")), qPrintable(d.verdictText()));
        QVERIFY2(loop.longestGapMs() < 1500, qPrintable(QString::number(loop.longestGapMs())));
    }

    void dialogSaysWhenNoBrokerAnswers()
    {
        ConnectionDialog d;
        d.setTestTimeoutMs(3000);
        d.setProfile(plain(QStringLiteral("gone"), QStringLiteral("127.0.0.1:1"),
                           QStringLiteral("conntest")));
        QSignalSpy done(&d, &ConnectionDialog::testFinished);
        LoopWatch loop;
        QElapsedTimer clock;
        clock.start();
        d.testConnection();
        QVERIFY(done.wait(20000));
        qInfo("answered in %lld ms, loop gap %lld ms: %s", clock.elapsed(), loop.longestGapMs(),
              qPrintable(d.verdictText()));
        QVERIFY(!done.at(0).at(0).toBool());
        QVERIFY2(d.verdictText().startsWith(QStringLiteral("✖ connection refused by 127.0.0.1:1")),
                 qPrintable(d.verdictText()));
        // librdkafka's own words are folded under Details, not under the verdict.
        QVERIFY2(!d.verdictText().contains(QLatin1String("ipv4#")) &&
                     !d.verdictText().contains(QLatin1Char('\n')),
                 qPrintable(d.verdictText()));
        auto* details = d.findChild<ErrorDetails*>(QStringLiteral("connectionDetails"));
        QVERIFY(details && !details->isHidden() && !details->isExpanded());
        QVERIFY2(details->details().contains(QLatin1String("Connect to ipv4#127.0.0.1:1 failed")),
                 qPrintable(details->details()));
        details->toggle()->click();
        QVERIFY(details->isExpanded());
        QVERIFY2(loop.longestGapMs() < 1500, qPrintable(QString::number(loop.longestGapMs())));
    }

    // "Get from Port" against the sandbox's local API, which answers GET /v1/kafka-credentials
    // and GET /v1/organization like Port: the fields fill in, and the filled connection works.
    void getFromPortFillsTheFields()
    {
        ConnectionDialog d;
        d.setPortAccount({m_sandbox.apiUrl(), QStringLiteral("sandbox"), m_sandbox.clientSecret()});
        QSignalSpy fetched(&d, &ConnectionDialog::portFetchFinished);
        QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("connectionFromPort")),
                          Qt::LeftButton);
        QVERIFY(fetched.wait(20000));
        QVERIFY2(fetched.at(0).at(0).toBool(), qPrintable(d.verdictText()));
        const ConnectionProfile p = d.profile();
        QCOMPARE(QString::fromStdString(p.bootstrapServers), m_sandbox.bootstrap());
        QCOMPARE(p.orgId, std::string("conntest"));
        QCOMPARE(p.securityProtocol, std::string("PLAINTEXT"));
        QCOMPARE(p.name, std::string("Port conntest"));
        QVERIFY2(d.verdictText().startsWith(QStringLiteral("✔ Filled in from Port: 1 broker")) &&
                     d.verdictText().contains(QLatin1String("no SASL user")),
                 qPrintable(d.verdictText()));
        QVERIFY2(d.problem().isEmpty(), qPrintable(d.problem()));
        QSignalSpy tested(&d, &ConnectionDialog::testFinished);
        d.testConnection();
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(d.verdictText()));
    }

    // Issue 21, bug 5: the app's own sandbox, whose organisation id and client secret are both
    // "sandbox". Scrubbing the secret out of Port's answer used to fill the field with
    // "<redacted>", and the connection test then asked for the topic "<redacted>.runs".
    void getFromPortOnTheAppsSandboxKeepsItsOrganisation()
    {
        Sandbox sandbox;
        QString error;
        QVERIFY2(sandbox.start(QStringLiteral("sandbox"), 0, 0, &error), qPrintable(error));
        QCOMPARE(sandbox.clientSecret(), QStringLiteral("sandbox")); // the case: id == secret
        ConnectionDialog d;
        d.setPortAccount({sandbox.apiUrl(), QStringLiteral("sandbox"), sandbox.clientSecret()});
        QSignalSpy fetched(&d, &ConnectionDialog::portFetchFinished);
        QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("connectionFromPort")),
                          Qt::LeftButton);
        QVERIFY(fetched.wait(20000));
        QVERIFY2(fetched.at(0).at(0).toBool(), qPrintable(d.verdictText()));
        QCOMPARE(d.findChild<QLineEdit*>(QStringLiteral("connectionOrg"))->text(),
                 QStringLiteral("sandbox"));
        QCOMPARE(d.profile().orgId, std::string("sandbox"));
        QCOMPARE(QString::fromStdString(d.profile().bootstrapServers), sandbox.bootstrap());
        QSignalSpy tested(&d, &ConnectionDialog::testFinished);
        QTest::mouseClick(d.findChild<QPushButton*>(QStringLiteral("connectionTest")),
                          Qt::LeftButton);
        QVERIFY(tested.wait(20000));
        QVERIFY2(tested.at(0).at(0).toBool(), qPrintable(d.verdictText()));
        QVERIFY2(!d.verdictText().contains(QLatin1String("<redacted>")),
                 qPrintable(d.verdictText()));
    }

    // Port's brokers have a SASL user: SASL_SSL with SCRAM-SHA-512, the password in the field
    // (memory) and nowhere in what the dialog says.
    void getFromPortTakesTheSaslUser()
    {
        const QString password =
            QStringLiteral("kafka-pw-%1").arg(QDateTime::currentMSecsSinceEpoch());
        m_sandbox.api()->handler().setKafkaUser(QStringLiteral("conntest-user"), password);
        ConnectionDialog d;
        d.setPortAccount({m_sandbox.apiUrl(), QStringLiteral("sandbox"), m_sandbox.clientSecret()});
        QSignalSpy fetched(&d, &ConnectionDialog::portFetchFinished);
        d.getFromPort();
        QVERIFY(fetched.wait(20000));
        m_sandbox.api()->handler().setKafkaUser({}, {});
        QVERIFY2(fetched.at(0).at(0).toBool(), qPrintable(d.verdictText()));
        const ConnectionProfile p = d.profile();
        QCOMPARE(p.securityProtocol, std::string("SASL_SSL"));
        QCOMPARE(p.saslMechanism, std::string("SCRAM-SHA-512"));
        QCOMPARE(p.username, std::string("conntest-user"));
        QCOMPARE(d.password(), password);
        QVERIFY(!d.verdictText().contains(password));
        QVERIFY(d.verdictText().contains(QLatin1String("SASL user conntest-user")));
    }

    void getFromPortSaysWhyNot_data()
    {
        QTest::addColumn<QString>("api");
        QTest::addColumn<QString>("secret");
        QTest::addColumn<QString>("expected");
        QTest::newRow("wrong secret") << QString() << "not-the-secret"
                                      << "Could not get the Kafka settings from Port: GET "
                                         "/v1/kafka-credentials: login failed: HTTP 401";
        QTest::newRow("unreachable") << "http://127.0.0.1:1"
                                     << "sandbox"
                                     << "GET /v1/kafka-credentials: login failed: cannot reach "
                                        "127.0.0.1:1";
        // No keyring on this test's session bus: the secret must be typed in.
        QTest::newRow("no secret")
            << QString() << QString() << "No client secret: type it in the Report tab (Ctrl+4)";
        QTest::newRow("no account")
            << "-" << QString() << "Port's API needs a client id and secret";
    }
    void getFromPortSaysWhyNot()
    {
        QFETCH(QString, api);
        QFETCH(QString, secret);
        QFETCH(QString, expected);
        ConnectionDialog d;
        d.setPortTimeoutMs(5000);
        if (api == QLatin1String("-"))
            d.setPortAccount({});
        else
            d.setPortAccount(
                {api.isEmpty() ? m_sandbox.apiUrl() : api, QStringLiteral("sandbox"), secret});
        QSignalSpy fetched(&d, &ConnectionDialog::portFetchFinished);
        d.getFromPort();
        QVERIFY(fetched.count() == 1 || fetched.wait(20000));
        QVERIFY(!fetched.at(0).at(0).toBool());
        QVERIFY2(d.verdictText().startsWith(QStringLiteral("✖ ")), qPrintable(d.verdictText()));
        QVERIFY2(d.verdictText().contains(expected), qPrintable(d.verdictText()));
        QVERIFY(d.profile().bootstrapServers.empty()); // nothing half-filled
    }

    void barStartsOnTheSandboxAndFeedsThePanes()
    {
        QTemporaryDir dir;
        ConnectionBar bar;
        Session session; // one connection for both panes, as the window has
        RunsPane runs(&session);
        PublishPane publish(&session);
        QObject::connect(&bar, &ConnectionBar::targetChanged, session.connection(),
                         &ConnectionState::setTarget);
        bar.loadProfiles(dir.filePath(QStringLiteral("profiles.json")));
        bar.setSandbox(m_sandbox.bootstrap(), QStringLiteral("conntest"));
        QCOMPARE(bar.current().bootstrap(), m_sandbox.bootstrap());
        QCOMPARE(bar.current().topic, QStringLiteral("conntest.runs"));
        QCOMPARE(bar.connectionNames(),
                 QStringList({QStringLiteral("sandbox"), QStringLiteral("port-eu"),
                              QStringLiteral("port-us")}));
        QCOMPARE(runs.findChild<QLineEdit*>(QStringLiteral("runsTopic"))->text(),
                 QStringLiteral("conntest.runs"));
        QCOMPARE(publish.findChild<QLineEdit*>(QStringLiteral("publishBootstrap"))->text(),
                 m_sandbox.bootstrap());

        // Port's presets need the user's own name and organisation first: the editor opens and
        // the sandbox stays in use until it is filled in.
        bar.selectConnection(QStringLiteral("port-eu"));
        ConnectionDialog* d = bar.openDialog();
        QVERIFY(d);
        QVERIFY(d->isVisible());
        QCOMPARE(bar.current().bootstrap(), m_sandbox.bootstrap());
        d->reject();
        QTRY_VERIFY(!bar.openDialog());
    }

    void savedSaslProfileNeverHoldsThePassword()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("profiles.json"));
        const QString secret = QStringLiteral("pw-Zq81-never-on-disk");
        ConnectionBar bar;
        bar.loadProfiles(file);
        bar.setSandbox(m_sandbox.bootstrap(), QStringLiteral("conntest"));
        QSignalSpy changed(&bar, &ConnectionBar::targetChanged);
        QSignalSpy keyring(&bar, &ConnectionBar::keyringAnswered);

        bar.editConnection(true);
        ConnectionDialog* d = bar.openDialog();
        QVERIFY(d);
        ConnectionProfile p;
        p.name = "staging";
        p.bootstrapServers = "127.0.0.1:1";
        p.securityProtocol = "SASL_SSL";
        p.saslMechanism = "SCRAM-SHA-512";
        p.username = "svc-porthole";
        p.orgId = "org_Staging";
        d->setProfile(p);
        d->setPassword(secret);
        d->accept();

        QCOMPARE(changed.count(), 1);
        const KafkaTarget t = bar.current();
        QCOMPARE(t.name, QStringLiteral("staging"));
        QCOMPARE(t.topic, QStringLiteral("org_Staging.runs"));
        QCOMPARE(t.config.get("sasl.password").value_or(""), secret.toStdString());
        QCOMPARE(t.config.get("security.protocol").value_or(""), std::string("SASL_SSL"));
        QVERIFY(bar.connectionNames().contains(QStringLiteral("staging")));

        const QByteArray saved = readAll(file);
        QVERIFY2(saved.contains("svc-porthole"), saved.constData());
        QVERIFY2(!saved.contains(secret.toUtf8()), saved.constData());

        // No keyring on this bus: the bar says the password stays in memory only.
        QVERIFY(keyring.wait(20000));
        auto* status = bar.findChild<ElidedLabel*>(QStringLiteral("connectionStatus"));
        QVERIFY2(status->fullText().contains(QLatin1String("in memory only")),
                 qPrintable(status->fullText()));
        QVERIFY(!status->fullText().contains(secret));

        // Back and forth in this session: the password is still known, no editor opens.
        bar.selectConnection(QStringLiteral("sandbox"));
        bar.selectConnection(QStringLiteral("staging"));
        QVERIFY(!bar.openDialog());
        QCOMPARE(bar.current().config.get("sasl.password").value_or(""), secret.toStdString());

        // A new session (a new bar) finds the profile but not the password: the editor asks.
        ConnectionBar next;
        next.loadProfiles(file);
        next.selectConnection(QStringLiteral("staging"));
        QTRY_VERIFY_WITH_TIMEOUT(next.openDialog() != nullptr, 20000);
        QVERIFY(next.openDialog()->password().isEmpty());
    }

    void brokenProfileFileIsReportedAndKept()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("profiles.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"name\": 1");
        f.close();
        ConnectionBar bar;
        bar.loadProfiles(file);
        auto* status = bar.findChild<ElidedLabel*>(QStringLiteral("connectionStatus"));
        QVERIFY2(status->fullText().startsWith(QLatin1String("Saved connections not loaded")),
                 qPrintable(status->fullText()));
        // A line longer than the bar is cut with "…", never widening the window; the whole
        // line is in the tooltip.
        bar.resize(300, bar.height());
        QTRY_VERIFY(status->text().endsWith(QStringLiteral("…")));
        QCOMPARE(status->toolTip(), status->fullText());
        QVERIFY(status->width() <= bar.width());

        bar.editConnection(true);
        ConnectionDialog* d = bar.openDialog();
        QVERIFY(d);
        d->setProfile(
            plain(QStringLiteral("local"), m_sandbox.bootstrap(), QStringLiteral("conntest")));
        d->accept();
        QCOMPARE(bar.current().name, QStringLiteral("local")); // usable now...
        QCOMPARE(readAll(file), QByteArray("[{\"name\": 1"));  // ...but the file is untouched
        QVERIFY2(status->fullText().contains(QLatin1String("not saved")),
                 qPrintable(status->fullText()));
    }

private:
    Sandbox m_sandbox;
};

QTEST_MAIN(TestConnectionBar)
#include "tst_connectionbar.moc"
