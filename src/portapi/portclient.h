// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portcall.h"
#include "portclientconfig.h"
#include "portexchange.h"
#include "portrequest.h"
#include "redactor.h"

#include <QDateTime>
#include <QList>
#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QSslCertificate>

#include <functional>
#include <memory>

namespace porthole {

// Port's REST API client (port-reference.md §5). Asynchronous: send() returns a PortCall that
// emits finished(). It fetches a token from the client id and secret when needed, keeps it
// until shortly before expiresIn, logs in again once on 401, retries 429/5xx with exponential
// backoff honouring Retry-After (bounded), times out each attempt, and verifies TLS (extra CA
// certificates only from a file the user names). Every exchange is emitted redacted.
class PortClient : public QObject
{
    Q_OBJECT
public:
    /// A client for `config` (see PortClientConfig).
    explicit PortClient(PortClientConfig config, QObject* parent = nullptr);
    ~PortClient() override;

    /// Replaces the configuration and forgets the cached token.
    void setConfig(PortClientConfig config);
    /// The configuration.
    const PortClientConfig& config() const { return m_config; }
    /// Sends `request`; the returned call (owned by the caller) reports the outcome.
    PortCall* send(const PortRequest& request);
    /// The full URL of an API path under the base URL.
    QUrl urlFor(const QString& path) const;
    /// The curl command for `request` as it would be sent ($PORT_TOKEN for the token).
    QString curlCommand(const PortRequest& request) const;
    /// True while a cached token is still fresh enough to use.
    bool hasFreshToken() const;

Q_SIGNALS:
    /// An HTTP exchange (redacted) finished: for the history and the GUI's log.
    void exchangeRecorded(const porthole::PortExchange& exchange);

private:
    struct Job;
    struct Attempt;
    void runJob(const std::shared_ptr<Job>& job);
    void attempt(const PortRequest& request, const QString& token, int number,
                 std::function<void(const Attempt&)> done);
    void onAttemptDone(const std::shared_ptr<Job>& job, const QString& token, const Attempt& a);
    void finishJob(const std::shared_ptr<Job>& job, const Attempt& a, QString error);
    void fetchToken();
    void onTokenFinished();
    bool canLogin() const;
    QString currentToken() const;
    PortExchange baseExchange(const PortRequest& request, const QString& token) const;

    PortClientConfig m_config;
    QNetworkAccessManager m_nam;
    Redactor m_redactor;
    QList<QSslCertificate> m_extraCas;
    QString m_caError;
    QString m_token;
    QDateTime m_tokenFreshUntil;
    QPointer<PortCall> m_tokenCall;
    QList<std::shared_ptr<Job>> m_waitingForToken;
};

} // namespace porthole
