// SPDX-License-Identifier: GPL-3.0-or-later
// PortClient against real servers: the local Port API (token cache, re-login on 401, reads)
// and servers of our own that answer 429 with Retry-After, 500, nothing at all, or TLS with a
// self-signed certificate. porthole-cli report is checked on the same error paths.
#include "portapi/kafkaaccessfetch.h"
#include "portapi/localportapi.h"
#include "portapi/portclient.h"
#include "portapi/requesthistory.h"
#include "portapitesthelpers.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <memory>

using namespace porthole;
using namespace porthole::test;

namespace {

const QString kNode = QStringLiteral("wfnr_Client0000000001");
const QString kSecret = QStringLiteral("client-test-secret-7f3a9");

NodeRunUpdate inProgress(const QString& node = kNode)
{
    NodeRunUpdate u;
    u.nodeRunId = node;
    u.status = QStringLiteral("IN_PROGRESS");
    return u;
}

PortRequest patchRequest(const QString& node = kNode)
{
    QString error;
    return *PortRequest::nodeRunUpdate(inProgress(node), NodeRunRoute::NodeRuns, &error);
}

// Finishes the call while this thread's servers keep answering.
bool finished(PortCall* call, int timeoutMs = 60000)
{
    if (call->isFinished())
        return true;
    QSignalSpy spy(call, &PortCall::finished);
    return spy.wait(timeoutMs);
}

} // namespace

class TestPortClient : public QObject
{
    Q_OBJECT

    QTemporaryDir m_tmp;
    QByteArray m_logged; // every exchange the clients recorded, as the history writes them
    std::unique_ptr<RequestHistory> m_history;

    std::unique_ptr<PortClient> client(PortClientConfig config)
    {
        auto c = std::make_unique<PortClient>(std::move(config));
        connect(c.get(), &PortClient::exchangeRecorded, this, [this](const PortExchange& e) {
            m_logged += QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n' +
                        e.curlCommand().toUtf8() + '\n';
            m_history->append(e);
        });
        return c;
    }
    RunResult cli(const QStringList& args)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("XDG_DATA_HOME"), m_tmp.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("HOME"), m_tmp.filePath(QStringLiteral("home")));
        RunResult r = runProcess(QStringLiteral(PORTHOLE_CLI),
                                 QStringList{QStringLiteral("report")} + args, env);
        m_logged += r.out + r.err;
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_tmp.isValid());
        m_history = std::make_unique<RequestHistory>(m_tmp.filePath(QStringLiteral("h.jsonl")));
    }

    void cachesTheTokenAndLogsInAgainOn401()
    {
        LocalPortApi api;
        api.setCredentials(QStringLiteral("cid"), kSecret);
        api.registerNodeRun(kNode);
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        int logins = 0;
        connect(&api, &LocalPortApi::requestHandled, this,
                [&logins](const QByteArray&, const QString& path, int, const QString&) {
                    logins += path.endsWith(QLatin1String("access_token"));
                });
        PortClientConfig config;
        config.baseUrl = QUrl(api.baseUrl());
        config.clientId = QStringLiteral("cid");
        config.clientSecret = kSecret;
        auto c = client(config);

        // Two calls at once share one login.
        std::unique_ptr<PortCall> a(c->send(patchRequest()));
        std::unique_ptr<PortCall> b(c->send(PortRequest::organization()));
        QVERIFY(finished(a.get()) && finished(b.get()));
        QVERIFY2(a->isSuccess(), qPrintable(a->errorString()));
        QVERIFY2(b->isSuccess(), qPrintable(b->errorString()));
        QCOMPARE(logins, 1);
        QCOMPARE(a->exchanges().size(), 2); // login + PATCH
        QCOMPARE(a->exchanges().at(0).url, api.baseUrl() + QStringLiteral("/v1/auth/access_token"));
        QVERIFY(c->hasFreshToken());

        // Cached: no second login.
        std::unique_ptr<PortCall> again(c->send(patchRequest()));
        QVERIFY(finished(again.get()) && again->isSuccess());
        QCOMPARE(logins, 1);
        QCOMPARE(again->exchanges().size(), 1);
        QVERIFY(!again->exchanges().first().traceId.isEmpty());

        // Revoked server-side: 401, one new login, then success.
        api.handler().revokeTokens();
        std::unique_ptr<PortCall> revoked(c->send(patchRequest()));
        QVERIFY(finished(revoked.get()));
        QVERIFY2(revoked->isSuccess(), qPrintable(revoked->errorString()));
        QCOMPARE(logins, 2);
        QCOMPARE(revoked->exchanges().size(), 3);
        QCOMPARE(revoked->exchanges().at(0).status, 401);

        // Reads: workflow run, Kafka credentials.
        api.setKafkaBootstrap(QStringLiteral("127.0.0.1:1234"));
        std::unique_ptr<PortCall> creds(c->send(PortRequest::kafkaCredentials()));
        QVERIFY(finished(creds.get()) && creds->isSuccess());
        QVERIFY(creds->body().contains("127.0.0.1:1234"));

        // A wrong secret: a clear login failure for every waiting call.
        PortClientConfig wrong = config;
        wrong.clientSecret = QStringLiteral("wrong-secret-value");
        auto bad = client(wrong);
        std::unique_ptr<PortCall> denied(bad->send(patchRequest()));
        QVERIFY(finished(denied.get()));
        QCOMPARE(denied->status(), 401);
        QVERIFY2(denied->errorString().startsWith(QLatin1String("login failed: HTTP 401")),
                 qPrintable(denied->errorString()));

        for (const QString& token : api.handler().issuedTokens())
            QVERIFY(!m_logged.contains(token.toUtf8()));
    }

    void renewsTheTokenShortlyBeforeItExpires()
    {
        LocalPortApi api;
        api.setCredentials(QStringLiteral("cid"), kSecret);
        api.handler().setTokenLifetime(6); // fresh for 6 - min(300, 6/2) = 3 s
        api.registerNodeRun(kNode, QStringLiteral("wfr_Client0000000001"));
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        QStringList paths;
        connect(&api, &LocalPortApi::requestHandled, this,
                [&paths](const QByteArray&, const QString& path, int status, const QString&) {
                    paths.append(QStringLiteral("%1 %2").arg(status).arg(path));
                });
        PortClientConfig config;
        config.baseUrl = QUrl(api.baseUrl());
        config.clientId = QStringLiteral("cid");
        config.clientSecret = kSecret;
        auto c = client(config);
        std::unique_ptr<PortCall> first(c->send(patchRequest()));
        QVERIFY(finished(first.get()) && first->isSuccess());
        QVERIFY(c->hasFreshToken());
        QTRY_VERIFY_WITH_TIMEOUT(!c->hasFreshToken(), 10000);
        const auto read = PortRequest::workflowRun(QStringLiteral("wfr_Client0000000001"), &error);
        QVERIFY(read);
        std::unique_ptr<PortCall> second(c->send(*read));
        QVERIFY(finished(second.get()));
        QVERIFY2(second->isSuccess(), qPrintable(second->errorString()));
        // Renewed before use, never refused: login, PATCH, login, GET.
        QCOMPARE(paths.size(), 4);
        QVERIFY2(paths.at(2).endsWith(QLatin1String("access_token")) &&
                     !paths.join(QLatin1Char(' ')).contains(QLatin1String("401")),
                 qPrintable(paths.join(QLatin1String(", "))));
        const QJsonObject run = QJsonDocument::fromJson(second->body())
                                    .object()
                                    .value(QStringLiteral("workflowRun"))
                                    .toObject();
        QCOMPARE(run.value(QStringLiteral("nodeRuns"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QStringLiteral("status"))
                     .toString(),
                 QStringLiteral("IN_PROGRESS"));
    }

    void retriesAfterRetryAfter()
    {
        ScriptedServer server([](int index, const QHttpServerRequest&) {
            ScriptedServer::Reply r;
            if (index == 0) {
                r.status = 429;
                r.body = R"({"ok":false,"error":"too_many_requests","message":"slow down"})";
                r.headers = {{"Retry-After", "1"},
                             {"x-ratelimit-limit", "100"},
                             {"x-ratelimit-remaining", "0"},
                             {"x-ratelimit-reset", "1"}};
            }
            return r;
        });
        QVERIFY(server.listen() != 0);
        PortClientConfig config;
        config.baseUrl = QUrl(server.url());
        config.token = QStringLiteral("static-token-abcdef");
        auto c = client(config);
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<PortCall> call(c->send(patchRequest()));
        QVERIFY(finished(call.get()));
        QVERIFY2(call->isSuccess(), qPrintable(call->errorString()));
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(server.count(), 2);
        const PortExchange first = call->exchanges().at(0);
        QCOMPARE(first.status, 429);
        QCOMPARE(first.retryAfter, QStringLiteral("1"));
        QCOMPARE(first.rateLimitRemaining, QStringLiteral("0"));
        QCOMPARE(first.rateLimitLimit, QStringLiteral("100"));
        QCOMPARE(call->exchanges().at(1).attempt, 2);
    }

    void givesUpOnALongRetryAfter()
    {
        ScriptedServer server([](int, const QHttpServerRequest&) {
            return ScriptedServer::Reply{
                429, R"({"ok":false,"message":"later"})", {{"Retry-After", "120"}}};
        });
        QVERIFY(server.listen() != 0);
        PortClientConfig config;
        config.baseUrl = QUrl(server.url());
        config.token = QStringLiteral("static-token-abcdef");
        config.maxRetryWaitMs = 5000;
        auto c = client(config);
        std::unique_ptr<PortCall> call(c->send(patchRequest()));
        QVERIFY(finished(call.get(), 30000));
        QVERIFY(!call->isSuccess());
        QCOMPARE(server.count(), 1);
        QVERIFY2(call->errorString().contains(QLatin1String("retry after 120 s")),
                 qPrintable(call->errorString()));

        const RunResult r =
            cli({QStringLiteral("--api"), server.url(), QStringLiteral("--token"),
                 QStringLiteral("static-token-abcdef"), QStringLiteral("--node-run"), kNode,
                 QStringLiteral("--status"), QStringLiteral("IN_PROGRESS"),
                 QStringLiteral("--max-retry-wait"), QStringLiteral("2")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("HTTP 429\n") && r.err.contains("retry after 120 s"),
                 qPrintable(r.describe()));
    }

    void serverErrorsAreRetriedThenReported()
    {
        ScriptedServer server([](int, const QHttpServerRequest&) {
            return ScriptedServer::Reply{
                500, R"({"ok":false,"error":"internal_error","message":"database is down"})", {}};
        });
        QVERIFY(server.listen() != 0);
        PortClientConfig config;
        config.baseUrl = QUrl(server.url());
        config.token = QStringLiteral("static-token-abcdef");
        config.maxAttempts = 3;
        config.retryBaseMs = 50;
        auto c = client(config);
        std::unique_ptr<PortCall> call(c->send(patchRequest()));
        QVERIFY(finished(call.get()));
        QCOMPARE(call->status(), 500);
        QCOMPARE(server.count(), 3);
        QCOMPARE(call->exchanges().size(), 3);
        QVERIFY2(call->errorString().contains(QLatin1String("HTTP 500")) &&
                     call->errorString().contains(QLatin1String("database is down")) &&
                     call->errorString().contains(QLatin1String("after 3 attempts")),
                 qPrintable(call->errorString()));

        const RunResult r =
            cli({QStringLiteral("--api"), server.url(), QStringLiteral("--token"),
                 QStringLiteral("static-token-abcdef"), QStringLiteral("--node-run"), kNode,
                 QStringLiteral("--status"), QStringLiteral("IN_PROGRESS"),
                 QStringLiteral("--retries"), QStringLiteral("1")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.out.startsWith("HTTP 500\n") && r.err.contains("database is down") &&
                     r.err.contains("after 2 attempts"),
                 qPrintable(r.describe()));
    }

    void timesOut()
    {
        SilentServer server;
        PortClientConfig config;
        config.baseUrl = QUrl(server.url());
        config.token = QStringLiteral("static-token-abcdef");
        config.timeoutMs = 1000;
        auto c = client(config);
        std::unique_ptr<PortCall> call(c->send(patchRequest()));
        QVERIFY(finished(call.get(), 30000));
        QCOMPARE(call->status(), 0);
        QVERIFY2(call->errorString().contains(QLatin1String("within 1 s (timeout)")),
                 qPrintable(call->errorString()));
        QCOMPARE(server.accepted(), 1);

        const RunResult r =
            cli({QStringLiteral("--api"), server.url(), QStringLiteral("--token"),
                 QStringLiteral("static-token-abcdef"), QStringLiteral("--node-run"), kNode,
                 QStringLiteral("--status"), QStringLiteral("IN_PROGRESS"),
                 QStringLiteral("--timeout"), QStringLiteral("1.5")});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("within 1.5 s (timeout)") && r.out.isEmpty(),
                 qPrintable(r.describe()));
    }

    void selfSignedTlsNeedsTheCaFile()
    {
        QString certPath, keyPath, error;
        QVERIFY2(makeSelfSignedCert(m_tmp, &certPath, &keyPath, &error), qPrintable(error));
        QFile certFile(certPath), keyFile(keyPath);
        QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
        const QSslCertificate cert(&certFile, QSsl::Pem);
        const QSslKey key(&keyFile, QSsl::Rsa, QSsl::Pem);
        QVERIFY(!cert.isNull() && !key.isNull());
        ScriptedServer server(
            [](int, const QHttpServerRequest&) { return ScriptedServer::Reply{}; });
        server.useTls(cert, key);
        QVERIFY(server.listen() != 0);

        PortClientConfig config;
        config.baseUrl = QUrl(server.url("https"));
        config.token = QStringLiteral("static-token-abcdef");
        auto c = client(config);
        std::unique_ptr<PortCall> call(c->send(patchRequest()));
        QVERIFY(finished(call.get()));
        QVERIFY(!call->isSuccess());
        QVERIFY2(
            call->errorString().startsWith(QLatin1String("TLS: the certificate of 127.0.0.1:")) &&
                call->errorString().contains(QLatin1String("self-signed")) &&
                call->errorString().contains(QLatin1String("--ca-file")),
            qPrintable(call->errorString()));

        config.caFile = certPath;
        auto trusting = client(config);
        std::unique_ptr<PortCall> ok(trusting->send(patchRequest()));
        QVERIFY(finished(ok.get()));
        QVERIFY2(ok->isSuccess(), qPrintable(ok->errorString()));

        const QStringList args{QStringLiteral("--api"),      server.url("https"),
                               QStringLiteral("--token"),    QStringLiteral("static-token-abcdef"),
                               QStringLiteral("--node-run"), kNode,
                               QStringLiteral("--status"),   QStringLiteral("IN_PROGRESS")};
        RunResult r = cli(args);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("not trusted") && r.err.contains("--ca-file"),
                 qPrintable(r.describe()));
        r = cli(args + QStringList{QStringLiteral("--ca-file"), certPath});
        QVERIFY2(r.exitCode == 0 && r.out == "HTTP 200\n{\"ok\":true}\n", qPrintable(r.describe()));
        r = cli(args + QStringList{QStringLiteral("--ca-file"),
                                   m_tmp.filePath(QStringLiteral("missing.pem"))});
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.contains("cannot read a PEM certificate"), qPrintable(r.describe()));
    }

    // Issue 21, bug 5: on the sandbox the organisation id and the client secret are both
    // "sandbox". Redaction hides the secret in the text logged, recorded and shown; the values
    // read from Port's answers are Port's, whatever they equal ("Get from Port" used to fill
    // the organisation id with "<redacted>").
    void valuesAreNeverScrubbedWhileTheirTextIs()
    {
        const QString secret = QStringLiteral("sandbox");
        LocalPortApi api;
        api.setOrgId(secret);
        api.setCredentials(QStringLiteral("cid"), secret);
        api.setKafkaBootstrap(QStringLiteral("127.0.0.1:1234"));
        QString error;
        QVERIFY2(api.listen(0, &error), qPrintable(error));
        PortClientConfig config;
        config.baseUrl = QUrl(api.baseUrl());
        config.clientId = QStringLiteral("cid");
        config.clientSecret = secret;
        QByteArray logged;
        PortClient c(config);
        connect(&c, &PortClient::exchangeRecorded, this, [&logged](const PortExchange& e) {
            logged += QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n' +
                      e.curlCommand().toUtf8() + '\n';
        });

        KafkaAccessFetch fetch(&c);
        QSignalSpy done(&fetch, &KafkaAccessFetch::finished);
        QVERIFY(fetch.isFinished() || done.wait(60000));
        QVERIFY2(fetch.errorString().isEmpty(), qPrintable(fetch.errorString()));
        QCOMPARE(fetch.access().orgId, secret);
        QCOMPARE(fetch.access().credentials.brokers, QStringList{QStringLiteral("127.0.0.1:1234")});

        // The same answers as text: the secret is gone wherever it stood, the id included.
        std::unique_ptr<PortCall> org(c.send(PortRequest::organization()));
        QVERIFY(finished(org.get()) && org->isSuccess());
        QCOMPARE(PortResponse::parseOrganizationId(org->rawBody()), secret);
        QVERIFY2(!org->body().contains(secret.toUtf8()), org->body().constData());
        QVERIFY2(org->body().contains("\"id\":\"<redacted>\""), org->body().constData());
        QVERIFY(logged.contains("/v1/organization"));
        QVERIFY(logged.contains("\\\"clientSecret\\\":\\\"<redacted>"));
        QVERIFY2(!logged.contains(secret.toUtf8()), logged.constData());
    }

    void historyAndLogsHoldNoSecrets()
    {
        const QList<PortExchange> entries = m_history->load();
        QVERIFY(entries.size() >= 10);
        QFile f(m_history->path());
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray all = f.readAll() + m_logged;
        QVERIFY(all.contains("<redacted>"));
        QVERIFY(all.contains("$PORT_TOKEN"));
        for (const char* secret :
             {"client-test-secret-7f3a9", "wrong-secret-value", "static-token-abcdef"})
            QVERIFY2(!all.contains(secret), secret);
    }
};

QTEST_GUILESS_MAIN(TestPortClient)
#include "tst_portapi_client.moc"
