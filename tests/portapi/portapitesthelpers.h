// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the Port API tests: run a real peer (curl, porthole-cli, openssl) while this
// process keeps serving HTTP, and small misbehaving HTTP servers of our own.
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslKey>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtTest>

#include <functional>

namespace porthole::test {

struct RunResult
{
    bool started = false;
    bool finished = false;
    int exitCode = -1;
    QByteArray out, err;
    QString describe() const
    {
        return QStringLiteral("exit %1\nstdout: %2\nstderr: %3")
            .arg(exitCode)
            .arg(QString::fromUtf8(out), QString::fromUtf8(err));
    }
};

/// Runs a program to its end while the event loop keeps serving this process's servers.
inline RunResult
runProcess(const QString& program, const QStringList& args,
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
           int timeoutMs = 120000)
{
    RunResult r;
    QProcess p;
    // Every peer talks to 127.0.0.1 only: never through a proxy from the environment.
    QProcessEnvironment direct = env;
    direct.insert(QStringLiteral("no_proxy"), QStringLiteral("127.0.0.1,localhost"));
    direct.insert(QStringLiteral("NO_PROXY"), QStringLiteral("127.0.0.1,localhost"));
    p.setProcessEnvironment(direct);
    QSignalSpy done(&p, &QProcess::finished);
    p.start(program, args);
    r.started = p.waitForStarted(30000);
    if (!r.started) {
        r.err = p.errorString().toUtf8();
        return r;
    }
    r.finished = done.wait(timeoutMs);
    if (!r.finished) {
        p.kill();
        p.waitForFinished(10000);
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

/// An HTTP server whose answers a test scripts; counts requests.
class ScriptedServer
{
public:
    struct Reply
    {
        int status = 200;
        QByteArray body = QByteArrayLiteral("{\"ok\":true}");
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    using Script = std::function<Reply(int index, const QHttpServerRequest& request)>;

    explicit ScriptedServer(Script script) : m_script(std::move(script))
    {
        m_server.setMissingHandler(
            [this](const QHttpServerRequest& request, QHttpServerResponder&& responder) {
                const Reply r = m_script(m_count++, request);
                QHttpServerResponse response(QByteArrayLiteral("application/json"), r.body,
                                             QHttpServerResponder::StatusCode(r.status));
                for (const auto& [name, value] : r.headers)
                    response.setHeader(name, value);
                response.write(std::move(responder));
            });
    }
    /// Serves TLS with this certificate and key (call before listen()).
    void useTls(const QSslCertificate& cert, const QSslKey& key) { m_server.sslSetup(cert, key); }
    /// Listens on 127.0.0.1, a free port.
    quint16 listen() { return m_port = m_server.listen(QHostAddress::LocalHost, 0); }
    QString url(const char* scheme = "http") const
    {
        return QStringLiteral("%1://127.0.0.1:%2").arg(QLatin1String(scheme)).arg(m_port);
    }
    int count() const { return m_count; }

private:
    QHttpServer m_server;
    Script m_script;
    int m_count = 0;
    quint16 m_port = 0;
};

/// Accepts connections and never answers (for timeouts).
class SilentServer
{
public:
    SilentServer()
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this] {
            while (QTcpSocket* s = m_server.nextPendingConnection())
                ++m_accepted, (void)s; // kept open, owned by the server, never answered
        });
    }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()); }
    int accepted() const { return m_accepted; }

private:
    QTcpServer m_server;
    int m_accepted = 0;
};

/// Makes a throw-away self-signed certificate for 127.0.0.1 with the openssl tool.
inline bool makeSelfSignedCert(const QTemporaryDir& dir, QString* certPath, QString* keyPath,
                               QString* error)
{
    *certPath = dir.filePath(QStringLiteral("cert.pem"));
    *keyPath = dir.filePath(QStringLiteral("key.pem"));
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
             QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
             *keyPath, QStringLiteral("-out"), *certPath, QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
             QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!p.waitForStarted(30000)) {
        *error = QStringLiteral("openssl did not start: ") + p.errorString();
        return false;
    }
    if (!p.waitForFinished(120000) || p.exitCode() != 0) {
        *error = QStringLiteral("openssl failed: ") + QString::fromUtf8(p.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace porthole::test
