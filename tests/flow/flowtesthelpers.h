// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The workflow tests' peers: HTTP to the sandbox's local Port API (QNetworkAccessManager, the
// real server), and the Python workflow consumer (python3-kafka) as a child process.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QTimer>

namespace porthole::test {

inline const QString kPython = QStringLiteral("/usr/bin/python3");

struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};

class ApiPeer
{
public:
    explicit ApiPeer(QString base) : m_base(std::move(base)) {}

    Answer call(const QByteArray& method, const QString& path, const QByteArray& body = {})
    {
        QNetworkRequest request(QUrl(m_base + path));
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
        if (!m_token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + m_token);
        QNetworkReply* reply = m_net.sendCustomRequest(request, method, body);
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        Answer a;
        a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        a.raw = reply->readAll();
        a.body = QJsonDocument::fromJson(a.raw).object();
        reply->deleteLater();
        return a;
    }

    bool login(const QString& id, const QString& secret)
    {
        const Answer a = call("POST", QStringLiteral("/v1/auth/access_token"),
                              QJsonDocument(QJsonObject{{QStringLiteral("clientId"), id},
                                                        {QStringLiteral("clientSecret"), secret}})
                                  .toJson());
        m_token = a.body.value(QStringLiteral("accessToken")).toString().toUtf8();
        return a.status == 200 && !m_token.isEmpty();
    }

    /// GET /v1/workflows/runs/{wfr} until it is COMPLETED (the event loop runs meanwhile).
    QJsonObject waitForRun(const QString& wfr, int timeoutMs = 30000)
    {
        QJsonObject run;
        for (QElapsedTimer t; !t.isValid() || t.elapsed() < timeoutMs;) {
            if (!t.isValid())
                t.start();
            run = call("GET", QStringLiteral("/v1/workflows/runs/") + wfr)
                      .body.value(QStringLiteral("workflowRun"))
                      .toObject();
            if (run.value(QStringLiteral("status")) == QLatin1String("COMPLETED"))
                break;
            QEventLoop loop;
            QTimer::singleShot(50, &loop, &QEventLoop::quit);
            loop.exec();
        }
        return run;
    }

private:
    QString m_base;
    QByteArray m_token;
    QNetworkAccessManager m_net;
};

/// The node run of `node` in a workflow run's JSON (empty when it did not run).
inline QJsonObject nodeRunOf(const QJsonObject& run, const QString& node)
{
    for (const QJsonValue& v : run.value(QStringLiteral("nodeRuns")).toArray())
        if (v.toObject()
                .value(QStringLiteral("node"))
                .toObject()
                .value(QStringLiteral("identifier")) == node)
            return v.toObject();
    return {};
}

} // namespace porthole::test
