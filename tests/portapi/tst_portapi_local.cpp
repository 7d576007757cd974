// SPDX-License-Identifier: GPL-3.0-or-later
// The local Port API over real HTTP with real clients: the seed page's own curl command, the
// porthole-cli report command, and every error a user can meet there; finally a grep of every
// history file and captured output for the token and the client secret.
#include "portapi/localportapi.h"
#include "portapitesthelpers.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QtTest>

using namespace porthole;
using namespace porthole::test;

namespace {

QString randomId(const char* prefix)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    QString id = QLatin1String(prefix);
    for (int i = 0; i < 16; ++i)
        id += QLatin1Char(alphabet[QRandomGenerator::global()->bounded(62)]);
    return id;
}

// The ```bash block under "Reporting back to Port" in the seed page, verbatim.
QString seedCurl(QString* error)
{
    QFile f(QStringLiteral(PORTHOLE_SEED_PAGE));
    if (!f.open(QIODevice::ReadOnly)) {
        *error = f.fileName() + QStringLiteral(": ") + f.errorString();
        return {};
    }
    const QString page = QString::fromUtf8(f.readAll());
    const qsizetype section = page.indexOf(QLatin1String("## Reporting back to Port"));
    const qsizetype start = page.indexOf(QLatin1String("```bash\n"), section);
    const qsizetype end = page.indexOf(QLatin1String("```"), start + 8);
    if (section < 0 || start < 0 || end < 0) {
        *error = QStringLiteral("no curl block in the seed page");
        return {};
    }
    return page.mid(start + 8, end - start - 8).trimmed();
}

} // namespace

class TestLocalPortApi : public QObject
{
    Q_OBJECT

    LocalPortApi m_api;
    QTemporaryDir m_tmp;
    QString m_secret;
    QProcessEnvironment m_env;
    QByteArray m_captured; // everything porthole-cli, curl reports and the server log printed
    QString m_history;

    QString url(const QString& path) const { return m_api.baseUrl() + path; }

    RunResult cli(const QStringList& args, const QProcessEnvironment* env = nullptr)
    {
        RunResult r = runProcess(QStringLiteral(PORTHOLE_CLI),
                                 QStringList{QStringLiteral("report")} + args, env ? *env : m_env);
        m_captured += r.out + r.err;
        return r;
    }
    QStringList login() const
    {
        return {QStringLiteral("--api"),           m_api.baseUrl(),
                QStringLiteral("--client-id"),     QStringLiteral("sandbox"),
                QStringLiteral("--client-secret"), m_secret};
    }
    QString token()
    {
        const RunResult r = runProcess(
            QStringLiteral("curl"),
            {QStringLiteral("-sS"), QStringLiteral("-X"), QStringLiteral("POST"),
             url(QStringLiteral("/v1/auth/access_token")), QStringLiteral("-H"),
             QStringLiteral("Content-Type: application/json"), QStringLiteral("-d"),
             QStringLiteral("{\"clientId\":\"sandbox\",\"clientSecret\":\"%1\"}").arg(m_secret)});
        return QJsonDocument::fromJson(r.out)
            .object()
            .value(QStringLiteral("accessToken"))
            .toString();
    }
    QJsonObject getJson(const QString& path)
    {
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("PORT_TOKEN"), token());
        const RunResult r =
            runProcess(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"),
                        QStringLiteral("curl -sS -H \"Authorization: Bearer $PORT_TOKEN\" '%1'")
                            .arg(url(path))},
                       env);
        return QJsonDocument::fromJson(r.out).object();
    }
    QJsonObject nodeRun(const QString& wfr, int index = 0)
    {
        return getJson(QStringLiteral("/v1/workflows/runs/") + wfr)
            .value(QStringLiteral("workflowRun"))
            .toObject()
            .value(QStringLiteral("nodeRuns"))
            .toArray()
            .at(index)
            .toObject();
    }
    // What the sandbox's topic watcher hands over: a message in the default envelope guess.
    void publishNodeRun(const QString& wfr, const QString& wfnr)
    {
        const QByteArray value =
            QStringLiteral("{\"headers\":{\"X-Port-Timestamp\":1713277889},\"payload\":{"
                           "\"eventType\":\"deployment.started\",\"workflowRunId\":\"%1\"},"
                           "\"context\":{\"runId\":\"%2\"}}")
                .arg(wfr, wfnr)
                .toUtf8();
        const auto seen = m_api.observeMessage(value);
        QCOMPARE(seen.nodeRuns, QStringList{wfnr});
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        // A distinctive secret, so the final grep cannot miss it or match by accident.
        m_secret = QStringLiteral("sbx-secret-") + randomId("s_");
        m_api.setCredentials(QStringLiteral("sandbox"), m_secret);
        m_api.setKafkaBootstrap(QStringLiteral("127.0.0.1:19092"));
        m_api.setOrgId(QStringLiteral("acme"));
        connect(&m_api, &LocalPortApi::requestHandled, this,
                [this](const QByteArray& method, const QString& path, int status,
                       const QString& message) {
                    m_captured += method + ' ' + path.toUtf8() + ' ' + QByteArray::number(status) +
                                  ' ' + message.toUtf8() + '\n';
                });
        QString error;
        QVERIFY2(m_api.listen(0, &error), qPrintable(error));
        QVERIFY(m_api.port() != 0);
        m_env = QProcessEnvironment::systemEnvironment();
        for (const char* var : {"PORT_TOKEN", "PORT_CLIENT_ID", "PORT_CLIENT_SECRET"})
            m_env.remove(QLatin1String(var));
        // Throw-away locations: the CLI's default history lands under XDG_DATA_HOME.
        m_env.insert(QStringLiteral("HOME"), m_tmp.filePath(QStringLiteral("home")));
        m_env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("data")));
        m_env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_tmp.filePath(QStringLiteral("config")));
        m_history =
            m_tmp.filePath(QStringLiteral("data/Porthole/porthole-cli/port-requests.jsonl"));
    }

    void listensOnLoopbackOnly()
    {
        QString error;
        LocalPortApi second;
        QVERIFY(!second.listen(m_api.port(), &error));
        QVERIFY2(error.contains(QStringLiteral("127.0.0.1:%1").arg(m_api.port())),
                 qPrintable(error));
    }

    void seedCurlCompletesTheNodeRun()
    {
        const QString wfr = randomId("wfr_"), wfnr = randomId("wfnr_");
        publishNodeRun(wfr, wfnr);
        QCOMPARE(nodeRun(wfr).value(QStringLiteral("status")).toString(),
                 QStringLiteral("IN_PROGRESS"));

        QString error;
        QString command = seedCurl(&error);
        QVERIFY2(!command.isEmpty(), qPrintable(error));
        QVERIFY(command.contains(QLatin1String("https://api.getport.io")));
        command.replace(QLatin1String("https://api.getport.io"), m_api.baseUrl());
        command.replace(QLatin1String("{run_id}"), wfr);
        command.replace(QLatin1String("{node_run_id}"), wfnr);
        command.replace(QLatin1String("{token}"), QLatin1String("$PORT_TOKEN"));
        command.replace(QLatin1String("curl -X"),
                        QLatin1String("curl -sS -w '\\n%{http_code}' -X"));
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("PORT_TOKEN"), token());
        const RunResult r =
            runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), command}, env);
        m_captured += r.out + r.err;
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QList<QByteArray> lines = r.out.split('\n');
        QCOMPARE(lines.last(), QByteArray("200"));
        QCOMPARE(lines.first(), QByteArray("{\"ok\":true}"));

        const QJsonObject run = getJson(QStringLiteral("/v1/workflows/runs/") + wfr)
                                    .value(QStringLiteral("workflowRun"))
                                    .toObject();
        QCOMPARE(run.value(QStringLiteral("identifier")).toString(), wfr);
        QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(run.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        const QJsonObject node = run.value(QStringLiteral("nodeRuns")).toArray().at(0).toObject();
        QCOMPARE(node.value(QStringLiteral("identifier")).toString(), wfnr);
        QCOMPARE(node.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(node.value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("processedAt"))
                     .toString(),
                 QStringLiteral("2024-01-15T10:30:00Z"));
    }

    void cliReportsOnBothRoutes()
    {
        const QString wfr = randomId("wfr_"), wfnr = randomId("wfnr_");
        publishNodeRun(wfr, wfnr);
        RunResult r =
            cli(login() + QStringList{QStringLiteral("--node-run"), wfnr,
                                      QStringLiteral("--status"), QStringLiteral("IN_PROGRESS"),
                                      QStringLiteral("--log"), QStringLiteral("INFO:started")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("HTTP 200\n{\"ok\":true}\n"));
        QCOMPARE(nodeRun(wfr)
                     .value(QStringLiteral("logs"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("log"))
                     .toString(),
                 QStringLiteral("started"));

        // Logs alone use the logs endpoint; secrets from the environment.
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("PORT_CLIENT_ID"), QStringLiteral("sandbox"));
        env.insert(QStringLiteral("PORT_CLIENT_SECRET"), m_secret);
        r = cli({QStringLiteral("--api"), m_api.baseUrl(), QStringLiteral("--node-run"), wfnr,
                 QStringLiteral("--log"), QStringLiteral("warn:slow disk")},
                &env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject second =
            nodeRun(wfr).value(QStringLiteral("logs")).toArray().at(1).toObject();
        QCOMPARE(second.value(QStringLiteral("logLevel")).toString(), QStringLiteral("WARN"));
        QCOMPARE(second.value(QStringLiteral("log")).toString(), QStringLiteral("slow disk"));

        // The docs' route, --result alone implying COMPLETED.
        r = cli({QStringLiteral("--api"), m_api.baseUrl(), QStringLiteral("--node-run"), wfnr,
                 QStringLiteral("--workflow-run"), wfr, QStringLiteral("--result"),
                 QStringLiteral("FAILED"), QStringLiteral("--output"),
                 QStringLiteral("{\"error\":\"disk full\"}")},
                &env);
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        const QJsonObject node = nodeRun(wfr);
        QCOMPARE(node.value(QStringLiteral("status")).toString(), QStringLiteral("COMPLETED"));
        QCOMPARE(node.value(QStringLiteral("result")).toString(), QStringLiteral("FAILED"));
        QCOMPARE(node.value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("error"))
                     .toString(),
                 QStringLiteral("disk full"));
        QVERIFY2(QFile::exists(m_history), qPrintable(m_history));
    }

    void cliPrintsCurlThatWorks()
    {
        const QString wfr = randomId("wfr_"), wfnr = randomId("wfnr_");
        publishNodeRun(wfr, wfnr);
        QSignalSpy handled(&m_api, &LocalPortApi::requestHandled);
        RunResult r = cli(
            login() + QStringList{QStringLiteral("--node-run"), wfnr, QStringLiteral("--result"),
                                  QStringLiteral("SUCCESS"), QStringLiteral("--output"),
                                  QStringLiteral("{\"note\":\"it's done\"}"),
                                  QStringLiteral("--print-curl")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(handled.count(), 0); // nothing was sent
        const QString curl = QString::fromUtf8(r.out).trimmed();
        QVERIFY2(curl.contains(QLatin1String("$PORT_TOKEN")), qPrintable(curl));
        QVERIFY(!curl.contains(m_secret));
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("PORT_TOKEN"), token());
        r = runProcess(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), curl}, env);
        QVERIFY2(r.exitCode == 0 && r.out == "{\"ok\":true}", qPrintable(r.describe()));
        const QJsonObject node = nodeRun(wfr);
        QCOMPARE(node.value(QStringLiteral("result")).toString(), QStringLiteral("SUCCESS"));
        QCOMPARE(node.value(QStringLiteral("output"))
                     .toObject()
                     .value(QStringLiteral("note"))
                     .toString(),
                 QStringLiteral("it's done"));
    }

    void cliReportsClassicActionRuns()
    {
        const QString run = randomId("r_");
        m_api.observeMessage(QStringLiteral("{\"action\":\"deploy\",\"resourceType\":\"run\","
                                            "\"status\":\"TRIGGERED\",\"context\":{\"runId\":"
                                            "\"%1\"}}")
                                 .arg(run)
                                 .toUtf8());
        const RunResult r =
            cli(login() + QStringList{QStringLiteral("--action-run"), run,
                                      QStringLiteral("--result"), QStringLiteral("FAILURE"),
                                      QStringLiteral("--summary"), QStringLiteral("boom"),
                                      QStringLiteral("--log"), QStringLiteral("ERROR:it broke")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.describe()));
        QCOMPARE(r.out, QByteArray("HTTP 200\n{\"ok\":true}\nHTTP 200\n{\"ok\":true}\n"));
        const QJsonObject state = getJson(QStringLiteral("/v1/actions/runs/") + run)
                                      .value(QStringLiteral("run"))
                                      .toObject();
        QCOMPARE(state.value(QStringLiteral("status")).toString(), QStringLiteral("FAILURE"));
        QCOMPARE(state.value(QStringLiteral("summary")).toString(), QStringLiteral("boom"));
        QCOMPARE(state.value(QStringLiteral("logs"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("it broke"));
    }

    void cliErrorsAreClear()
    {
        const QString wfr = randomId("wfr_"), wfnr = randomId("wfnr_");
        publishNodeRun(wfr, wfnr);
        const QStringList complete{QStringLiteral("--node-run"), wfnr, QStringLiteral("--result"),
                                   QStringLiteral("SUCCESS")};

        // 401: wrong secret.
        RunResult r =
            cli(QStringList{QStringLiteral("--api"), m_api.baseUrl(), QStringLiteral("--client-id"),
                            QStringLiteral("sandbox"), QStringLiteral("--client-secret"),
                            QStringLiteral("not-the-secret")} +
                complete);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("HTTP 401\n"), qPrintable(r.describe()));
        QVERIFY2(r.err.contains("login failed") && r.err.contains("check the client id and secret"),
                 qPrintable(r.describe()));
        QCOMPARE(r.err.count('\n'), 1);

        // 401: a bad token, no retry possible.
        r = cli(QStringList{QStringLiteral("--api"), m_api.baseUrl(), QStringLiteral("--token"),
                            QStringLiteral("bogus-token")} +
                complete);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("HTTP 401") && r.err.contains("invalid or expired"),
                 qPrintable(r.describe()));

        // 404: a node run the sandbox never saw.
        r = cli(login() + QStringList{QStringLiteral("--node-run"), randomId("wfnr_"),
                                      QStringLiteral("--status"), QStringLiteral("IN_PROGRESS")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("HTTP 404\n") && r.err.contains("was not found"),
                 qPrintable(r.describe()));

        // FAILURE on a workflow node: refused before sending (exit 1) ...
        QSignalSpy handled(&m_api, &LocalPortApi::requestHandled);
        r = cli(login() + QStringList{QStringLiteral("--node-run"), wfnr,
                                      QStringLiteral("--result"), QStringLiteral("FAILURE")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("workflow nodes use FAILED"), qPrintable(r.describe()));
        QCOMPARE(handled.count(), 0);
        // ... and answered 422 by the server when sent anyway.
        r = cli(login() + QStringList{QStringLiteral("--node-run"), wfnr,
                                      QStringLiteral("--result"), QStringLiteral("FAILURE"),
                                      QStringLiteral("--no-validate")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("HTTP 422\n") &&
                     r.out.contains("\"error\":\"invalid_request\"") &&
                     r.err.contains("workflow nodes use FAILED"),
                 qPrintable(r.describe()));

        // Usage errors: exit 2 with one line.
        r = cli({QStringLiteral("--api"), m_api.baseUrl(), QStringLiteral("--node-run"), wfnr,
                 QStringLiteral("--status"), QStringLiteral("IN_PROGRESS")});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("--client-id"), qPrintable(r.describe()));
        r = cli(login() + QStringList{QStringLiteral("--node-run"), wfnr, QStringLiteral("--log"),
                                      QStringLiteral("LOUD:x")});
        QCOMPARE(r.exitCode, 2);

        // Nothing listens: exit 3, one line.
        r = cli(QStringList{QStringLiteral("--api"), QStringLiteral("http://127.0.0.1:1"),
                            QStringLiteral("--token"), QStringLiteral("t")} +
                complete);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("cannot reach 127.0.0.1:1"), qPrintable(r.describe()));
    }

    void bodyOverOneMebibyteIs413()
    {
        QFile big(m_tmp.filePath(QStringLiteral("big.json")));
        QVERIFY(big.open(QIODevice::WriteOnly));
        big.write("{\"status\":\"IN_PROGRESS\",\"output\":{\"x\":\"" +
                  QByteArray(1100 * 1024, 'x') + "\"}}");
        big.close();
        QProcessEnvironment env = m_env;
        env.insert(QStringLiteral("PORT_TOKEN"), token());
        const RunResult r =
            runProcess(QStringLiteral("/bin/sh"),
                       {QStringLiteral("-c"),
                        QStringLiteral("curl -sS -w '\\n%{http_code}' -X PATCH -H 'Expect:' -H "
                                       "\"Authorization: Bearer $PORT_TOKEN\" -H 'Content-Type: "
                                       "application/json' --data-binary @'%1' '%2'")
                            .arg(big.fileName(), url(QStringLiteral("/v1/workflows/nodes/runs/") +
                                                     randomId("wfnr_")))},
                       env);
        QVERIFY2(r.out.endsWith("\n413"), qPrintable(r.describe()));
        QVERIFY(r.out.contains("\"error\":\"payload_too_large\""));
    }

    void connectionHelpers()
    {
        QCOMPARE(getJson(QStringLiteral("/v1/kafka-credentials"))
                     .value(QStringLiteral("credentials"))
                     .toObject()
                     .value(QStringLiteral("brokers"))
                     .toArray()
                     .at(0)
                     .toString(),
                 QStringLiteral("127.0.0.1:19092"));
        QCOMPARE(getJson(QStringLiteral("/v1/organization"))
                     .value(QStringLiteral("organization"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 QStringLiteral("acme"));
    }

    // Last: nothing above may have leaked the secret or a token anywhere we keep or print.
    void noSecretOrTokenAnywhere()
    {
        const QStringList tokens = m_api.handler().issuedTokens();
        QVERIFY(!tokens.isEmpty());
        QByteArray files;
        for (QDirIterator it(m_tmp.path(), QDir::Files | QDir::Hidden,
                             QDirIterator::Subdirectories);
             it.hasNext();) {
            QFile f(it.next());
            if (f.fileName().endsWith(QLatin1String("big.json")))
                continue;
            QVERIFY(f.open(QIODevice::ReadOnly));
            files += f.readAll();
        }
        // The grep is meaningful: the history holds logins and reports, with bodies.
        QVERIFY2(files.contains("/v1/auth/access_token") &&
                     files.contains("\\\"clientSecret\\\":\\\"<redacted>") &&
                     files.contains("\\\"accessToken\\\":\\\"<redacted>") &&
                     files.contains("disk full"),
                 files.left(2000).constData());
        QVERIFY(m_captured.contains("PATCH") && m_captured.contains("HTTP 401"));
        for (const QByteArray& where : {files, m_captured}) {
            QVERIFY(!where.contains(m_secret.toUtf8()));
            for (const QString& t : tokens)
                QVERIFY2(!where.contains(t.toUtf8()), "a token leaked");
        }
    }
};

QTEST_GUILESS_MAIN(TestLocalPortApi)
#include "tst_portapi_local.moc"
