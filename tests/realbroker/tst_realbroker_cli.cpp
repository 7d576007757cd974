// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli publish/watch against a real broker set up like Port's (SASL_SSL,
// SCRAM-SHA-512, ACLs), including the faults users meet: wrong password, wrong CA, a group id
// without the org prefix, a topic outside the ACLs, and the broker going away mid-stream.
#include "brokerenv.h"
#include "clijob.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using porthole::test::BrokerEnv;
using porthole::test::CliJob;
using porthole::test::ProcessResult;

namespace {

const int kFailFastMs = 30000; // the bound for a refused connection

bool containsI(const QByteArray& text, const QString& pattern)
{
    return QString::fromUtf8(text).contains(
        QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption));
}

// What Porthole itself tells the user about a failure: its own stderr lines ("porthole-cli:
// what: why"), leaving out librdkafka's log lines ("%3|...") and the watcher's pass-through
// status lines (": warning: ", ": broker down: "), plus the "error" of each delivery report.
QByteArray portholeLines(const QByteArray& err, const QByteArray& out = {})
{
    QByteArray said;
    for (const QByteArray& line : err.split('\n'))
        if (line.startsWith("porthole-cli: ") && !line.contains(": warning: ") &&
            !line.contains(": broker down: "))
            said += line + '\n';
    for (const QByteArray& line : out.split('\n')) {
        const QJsonObject o = QJsonDocument::fromJson(line).object();
        if (o.contains(QStringLiteral("error")))
            said += o.value(QStringLiteral("topic")).toString().toUtf8() + ": " +
                    o.value(QStringLiteral("error")).toString().toUtf8() + '\n';
    }
    return said;
}

} // namespace

class TestRealBrokerCli : public QObject
{
    Q_OBJECT

    BrokerEnv m_env;
    QString m_org;
    QTemporaryDir m_tmp;

    QString sasl() const { return m_env.value(QStringLiteral("KAFKA_SASL_SSL_BOOTSTRAP")); }

    // A node whose payload carries `marker`, so each test finds its own messages.
    QString writeNode(const QString& marker)
    {
        const QString path = m_tmp.filePath(marker + QStringLiteral(".json"));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return {};
        f.write(QStringLiteral("{\"identifier\":\"real-broker\",\"title\":\"Real broker\","
                               "\"config\":{\"type\":\"KAFKA\",\"payload\":{\"marker\":\"%1\"}}}")
                    .arg(marker)
                    .toUtf8());
        return path;
    }

    ProcessResult cli(const QStringList& args, const QString& password = {}, int timeoutMs = 120000)
    {
        return BrokerEnv::run(QStringLiteral(PORTHOLE_CLI), args, m_env.envWithPassword(password),
                              timeoutMs);
    }

    // "partition offset" of every message of `topic` whose value contains `marker` (kcat).
    QStringList positionsOnBroker(const QString& topic, const QString& marker)
    {
        const ProcessResult r = m_env.kcatReadAll(topic);
        QStringList out;
        for (const QByteArray& line : r.out.split('\n')) {
            if (line.contains(marker.toUtf8()))
                out << QString::fromUtf8(line.split(' ').mid(0, 2).join(' '));
        }
        return out;
    }

    // Every common check on a refused connection: exit 3, quick, readable, no secret leaked.
    void expectRefused(const ProcessResult& r, const QString& why, const QString& password = {})
    {
        const QByteArray said = portholeLines(r.err, r.out);
        qInfo("users see (exit %d after %lld ms): %s", r.exitCode, r.elapsedMs,
              said.trimmed().constData());
        QVERIFY2(r.finished, "porthole-cli did not end by itself");
        QVERIFY2(containsI(said, why), r.err.constData());
        QVERIFY2(r.exitCode == 3, qPrintable(QStringLiteral("exit %1").arg(r.exitCode)));
        QVERIFY2(r.elapsedMs < kFailFastMs,
                 qPrintable(QStringLiteral("took %1 ms").arg(r.elapsedMs)));
        const QString secret =
            password.isEmpty() ? m_env.value(QStringLiteral("KAFKA_PASSWORD")) : password;
        QVERIFY2(!r.err.contains(secret.toUtf8()) && !r.out.contains(secret.toUtf8()),
                 "the password was printed");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(m_env.load(), qPrintable(m_env.error()));
        QVERIFY(m_tmp.isValid());
        m_org = m_env.value(QStringLiteral("KAFKA_ORG"));
    }

    void publishOverSaslSsl()
    {
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const ProcessResult r =
            cli(QStringList{QStringLiteral("publish"), writeNode(marker),
                            QStringLiteral("--bootstrap"), sasl(), QStringLiteral("--org"), m_org} +
                m_env.saslOptions());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 2); // one delivery report, one summary
        const QJsonObject report = QJsonDocument::fromJson(lines[0]).object();
        QCOMPARE(report.value(QStringLiteral("topic")).toString(), m_org + QStringLiteral(".runs"));
        QVERIFY(!report.contains(QStringLiteral("error")));
        const QJsonObject summary = QJsonDocument::fromJson(lines[1]).object();
        QCOMPARE(summary.value(QStringLiteral("delivered")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("failed")).toInt(), 0);
        // kcat (PLAINTEXT, super user) finds the message where the report says it is.
        const QString where = QStringLiteral("%1 %2")
                                  .arg(report.value(QStringLiteral("partition")).toInt())
                                  .arg(report.value(QStringLiteral("offset")).toInteger());
        QCOMPARE(positionsOnBroker(m_org + QStringLiteral(".runs"), marker), QStringList{where});
    }

    void watchOverSaslSsl()
    {
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        const QString topic = m_org + QStringLiteral(".runs");
        QStringList lines;
        for (int i = 0; i < 5; ++i)
            lines << QStringLiteral("{\"marker\":\"%1\",\"i\":%2,\"context\":{\"runId\":"
                                    "\"wfnr_abcdefgh0123456%2\"}}")
                         .arg(marker)
                         .arg(i);
        QVERIFY(m_env.kcatProduce(topic, lines).exitCode == 0);
        const QStringList expected = positionsOnBroker(topic, marker);
        QCOMPARE(expected.size(), 5);

        const ProcessResult r =
            cli(QStringList{QStringLiteral("watch"), QStringLiteral("--bootstrap"), sasl(),
                            QStringLiteral("--org"), m_org, QStringLiteral("--from"),
                            QStringLiteral("beginning"), QStringLiteral("--exit-at-end")} +
                m_env.saslOptions());
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QStringList seen;
        for (const QByteArray& line : r.out.split('\n')) {
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            if (o.value(QStringLiteral("value"))
                    .toObject()
                    .value(QStringLiteral("marker"))
                    .toString() != marker)
                continue;
            QCOMPARE(o.value(QStringLiteral("topic")).toString(), topic);
            QCOMPARE(o.value(QStringLiteral("kind")).toString(), QStringLiteral("workflow-node"));
            QVERIFY(o.value(QStringLiteral("ids"))
                        .toObject()
                        .value(QStringLiteral("nodeRun"))
                        .toString()
                        .startsWith(QStringLiteral("wfnr_")));
            seen << QStringLiteral("%1 %2")
                        .arg(o.value(QStringLiteral("partition")).toInt())
                        .arg(o.value(QStringLiteral("offset")).toInteger());
        }
        seen.sort();
        QStringList want = expected;
        want.sort();
        QCOMPARE(seen, want);
    }

    void wrongPassword_data()
    {
        QTest::addColumn<QString>("command");
        QTest::newRow("publish") << QStringLiteral("publish");
        QTest::newRow("watch") << QStringLiteral("watch");
    }
    void wrongPassword()
    {
        QFETCH(QString, command);
        QStringList args{command};
        if (command == QLatin1String("publish"))
            args << writeNode(QStringLiteral("wrong-password"));
        args << QStringLiteral("--bootstrap") << sasl() << QStringLiteral("--org") << m_org
             << m_env.saslOptions();
        const QString bad = QStringLiteral("definitely-not-the-password");
        expectRefused(cli(args, bad), QStringLiteral("authentication failed"), bad);
    }

    void wrongCa_data() { wrongPassword_data(); }
    void wrongCa()
    {
        QFETCH(QString, command);
        QStringList args{command};
        if (command == QLatin1String("publish"))
            args << writeNode(QStringLiteral("wrong-ca"));
        args << QStringLiteral("--bootstrap") << sasl() << QStringLiteral("--org") << m_org
             << m_env.saslOptions(m_env.value(QStringLiteral("KAFKA_OTHER_CA_FILE")));
        expectRefused(cli(args), QStringLiteral("TLS.*verification failed"));
    }

    void groupWithoutOrgPrefix()
    {
        const QStringList common = QStringList{QStringLiteral("watch"),
                                               QStringLiteral("--bootstrap"),
                                               sasl(),
                                               QStringLiteral("--org"),
                                               m_org,
                                               QStringLiteral("--from"),
                                               QStringLiteral("end"),
                                               QStringLiteral("--exit-at-end")} +
                                   m_env.saslOptions();
        const ProcessResult bad = cli(
            common + QStringList{QStringLiteral("--group"), QStringLiteral("porthole-inspector")});
        QVERIFY2(bad.exitCode != 0, bad.out.constData());
        QVERIFY2(bad.elapsedMs < kFailFastMs, qPrintable(QString::number(bad.elapsedMs)));
        // Says the group is refused by authorisation and that Port requires the "{org}." prefix.
        const QByteArray said = portholeLines(bad.err);
        QVERIFY2(containsI(said, QStringLiteral("group.*authori[sz]")), bad.err.constData());
        QVERIFY2(said.contains((m_org + QStringLiteral(".")).toUtf8()), bad.err.constData());
        qInfo("users see: %s", said.trimmed().constData());
        const ProcessResult good =
            cli(common +
                QStringList{QStringLiteral("--group"), QStringLiteral("%1.porthole").arg(m_org)});
        QVERIFY2(good.exitCode == 0, good.err.constData());
    }

    void topicOutsideAcls_data() { wrongPassword_data(); }
    void topicOutsideAcls()
    {
        QFETCH(QString, command);
        const QString topic = m_env.value(QStringLiteral("KAFKA_FORBIDDEN_TOPIC"));
        QVERIFY(!topic.isEmpty());
        QStringList args{command};
        if (command == QLatin1String("publish"))
            args << writeNode(QStringLiteral("forbidden"));
        else
            args << QStringLiteral("--exit-at-end");
        args << QStringLiteral("--bootstrap") << sasl() << QStringLiteral("--topic") << topic
             << m_env.saslOptions();
        const ProcessResult r = cli(args);
        expectRefused(r, QStringLiteral("not authori[sz]ed|authori[sz]ation failed"));
        QVERIFY2(portholeLines(r.err, r.out).contains(topic.toUtf8()), r.err.constData());
    }

    // The broker goes away and comes back while a watch runs: the watcher carries on where it
    // was, every offset exactly once.
    void watchSurvivesBrokerRestart()
    {
        const QString topic = m_org + QStringLiteral(".change.log");
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        auto batch = [&](const QString& phase) {
            QStringList lines;
            for (int i = 0; i < 50; ++i)
                lines << QStringLiteral("{\"marker\":\"%1\",\"phase\":\"%2\",\"i\":%3}")
                             .arg(marker, phase)
                             .arg(i);
            return m_env.kcatProduce(topic, lines).exitCode == 0;
        };
        QVERIFY(batch(QStringLiteral("before")));
        const qsizetype total = m_env.kcatReadAll(topic).out.count('\n') + 50;

        CliJob watch;
        watch.start(QStringList{QStringLiteral("watch"), QStringLiteral("--bootstrap"), sasl(),
                                QStringLiteral("--topic"), topic, QStringLiteral("--from"),
                                QStringLiteral("beginning"), QStringLiteral("--count"),
                                QString::number(total)} +
                        m_env.saslOptions(),
                    m_env.envWithPassword());
        QTRY_VERIFY_WITH_TIMEOUT(watch.linesContaining(marker) == 50, 60000);

        const ProcessResult halt = m_env.brokerScript(QStringLiteral("halt"));
        QVERIFY2(halt.exitCode == 0, halt.err.constData());
        QTest::qWait(3000); // let the watcher notice
        QVERIFY2(watch.isRunning(),
                 qPrintable(QStringLiteral("the watcher quit when the broker went away: ") +
                            QString::fromUtf8(watch.stderrText())));
        const ProcessResult resume = m_env.brokerScript(QStringLiteral("resume"));
        QVERIFY2(resume.exitCode == 0, resume.err.constData());
        QVERIFY(batch(QStringLiteral("after")));

        QTRY_VERIFY_WITH_TIMEOUT(!watch.isRunning(), 180000);
        QVERIFY2(watch.exitCode() == 0, watch.stderrText().constData());
        qInfo("watcher said while the broker was away: %s",
              watch.stderrText().trimmed().constData());
        QStringList seen;
        for (const QJsonObject& o : watch.jsonLines())
            seen << QStringLiteral("%1 %2")
                        .arg(o.value(QStringLiteral("partition")).toInt())
                        .arg(o.value(QStringLiteral("offset")).toInteger());
        QCOMPARE(seen.size(), total);
        QCOMPARE(QSet<QString>(seen.begin(), seen.end()).size(), total); // no duplicate
        QCOMPARE(watch.linesContaining(marker), 100);                    // none missing
    }

    // 10,000 messages, the broker stops halfway: each one ends up delivered or reported
    // failed, and the broker holds at least every delivered one.
    void publishSurvivesBrokerStop()
    {
        const int n = 10000;
        const QString marker = QUuid::createUuid().toString(QUuid::WithoutBraces);
        CliJob publish;
        publish.start(QStringList{QStringLiteral("publish"), writeNode(marker),
                                  QStringLiteral("--bootstrap"), sasl(), QStringLiteral("--org"),
                                  m_org, QStringLiteral("--repeat"), QString::number(n),
                                  QStringLiteral("--rate"), QStringLiteral("1000")} +
                          m_env.saslOptions(),
                      m_env.envWithPassword());
        QTRY_VERIFY_WITH_TIMEOUT(publish.lineCount() >= 1000, 60000);
        const ProcessResult halt = m_env.brokerScript(QStringLiteral("halt"));
        QVERIFY2(halt.exitCode == 0, halt.err.constData());
        QTest::qWait(5000);
        const ProcessResult resume = m_env.brokerScript(QStringLiteral("resume"));
        QVERIFY2(resume.exitCode == 0, resume.err.constData());
        QTRY_VERIFY_WITH_TIMEOUT(!publish.isRunning(), 400000);

        const QList<QJsonObject> lines = publish.jsonLines();
        QVERIFY(!lines.isEmpty());
        const QJsonObject summary = lines.last();
        const int delivered = summary.value(QStringLiteral("delivered")).toInt(-1);
        const int failed = summary.value(QStringLiteral("failed")).toInt(-1);
        qInfo("delivered %d, failed %d, exit %d", delivered, failed, publish.exitCode());
        QCOMPARE(delivered + failed, n);
        QCOMPARE(lines.size() - 1, n); // one report per message
        QSet<QString> positions;
        int reportedFailed = 0;
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            if (lines[i].contains(QStringLiteral("error"))) {
                ++reportedFailed;
                continue;
            }
            positions.insert(QStringLiteral("%1 %2")
                                 .arg(lines[i].value(QStringLiteral("partition")).toInt())
                                 .arg(lines[i].value(QStringLiteral("offset")).toInteger()));
        }
        QCOMPARE(reportedFailed, failed);
        QCOMPARE(positions.size(), delivered); // no two reports for one offset
        QCOMPARE(publish.exitCode(), failed == 0 ? 0 : 3);
        const QStringList onBroker = positionsOnBroker(m_org + QStringLiteral(".runs"), marker);
        for (const QString& p : std::as_const(positions))
            QVERIFY2(onBroker.contains(p), qPrintable(p + QStringLiteral(" reported but absent")));
        QVERIFY(onBroker.size() <= n);
    }
};

QTEST_GUILESS_MAIN(TestRealBrokerCli)
#include "tst_realbroker_cli.moc"
