// SPDX-License-Identifier: GPL-3.0-or-later
#include "portclient.h"

#include "portresponse.h"
#include "portvalidator.h"

#include <QElapsedTimer>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

#include <algorithm>

namespace porthole {

struct PortClient::Job
{
    QPointer<PortCall> call;
    int attempts = 0;
    bool reloggedIn = false;
    QString freshToken; // handed over right after a login, used once
};

struct PortClient::Attempt
{
    int status = 0;
    QByteArray rawBody; // unredacted: values are read from it, never shown or recorded
    QString error;      // transport problem
    QByteArray retryAfter;
    bool cutOff = false; // too large: asking again would only bring the same flood
    PortExchange exchange;
};

namespace {

// How far Qt may read ahead of us; the answer itself is collected in readyRead.
constexpr qint64 kReadChunkBytes = 256 * 1024;

QString hostOf(const QUrl& url)
{
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

} // namespace

PortClient::PortClient(PortClientConfig config, QObject* parent) : QObject(parent)
{
    setConfig(std::move(config));
}

PortClient::~PortClient() = default;

void PortClient::setConfig(PortClientConfig config)
{
    m_config = std::move(config);
    m_token.clear();
    m_tokenFreshUntil = {};
    m_redactor = Redactor();
    m_redactor.addSecret(m_config.clientSecret.toUtf8());
    m_redactor.addSecret(m_config.token.toUtf8());
    m_extraCas.clear();
    m_caError.clear();
    if (!m_config.caFile.isEmpty()) {
        m_extraCas = QSslCertificate::fromPath(m_config.caFile, QSsl::Pem);
        if (m_extraCas.isEmpty())
            m_caError = QStringLiteral("cannot read a PEM certificate from the CA file '%1'")
                            .arg(m_config.caFile);
    }
}

QUrl PortClient::urlFor(const QString& path) const
{
    QString base = m_config.baseUrl.toString(QUrl::FullyEncoded);
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + path);
}

bool PortClient::canLogin() const
{
    return !m_config.clientId.isEmpty() && !m_config.clientSecret.isEmpty();
}

bool PortClient::hasFreshToken() const
{
    return !m_token.isEmpty() && QDateTime::currentDateTimeUtc() < m_tokenFreshUntil;
}

QString PortClient::currentToken() const
{
    if (hasFreshToken())
        return m_token;
    return canLogin() ? QString() : m_config.token;
}

PortExchange PortClient::baseExchange(const PortRequest& request, const QString& token) const
{
    PortExchange e;
    e.method = request.method;
    e.url = urlFor(request.path).toString();
    if (!request.body.isEmpty())
        e.requestHeaders.append(
            qMakePair(QByteArray("Content-Type"), QByteArray("application/json")));
    if (request.needsToken)
        e.requestHeaders.append(
            qMakePair(QByteArray("Authorization"),
                      m_redactor.redactHeader("Authorization", "Bearer " + token.toUtf8())));
    e.requestBody = m_redactor.redactBody(request.body);
    return e;
}

QString PortClient::curlCommand(const PortRequest& request) const
{
    return baseExchange(request, QString()).curlCommand();
}

PortCall* PortClient::send(const PortRequest& request)
{
    auto* call = new PortCall(request);
    auto job = std::make_shared<Job>();
    job->call = call;
    // Start from the event loop so callers can connect to finished() first.
    QTimer::singleShot(0, this, [this, job] { runJob(job); });
    return call;
}

void PortClient::runJob(const std::shared_ptr<Job>& job)
{
    if (!job->call)
        return;
    if (!m_caError.isEmpty()) {
        job->call->finish(0, {}, m_caError);
        return;
    }
    const PortRequest& request = job->call->request();
    QString token;
    if (request.needsToken) {
        token = job->freshToken.isEmpty() ? currentToken() : std::exchange(job->freshToken, {});
        if (token.isEmpty()) {
            if (!canLogin()) {
                job->call->finish(0, {},
                                  QStringLiteral("no credentials: give a token or a client id "
                                                 "and secret"));
                return;
            }
            m_waitingForToken.append(job);
            fetchToken();
            return;
        }
    }
    ++job->attempts;
    attempt(request, token, job->attempts,
            [this, job, token](const Attempt& a) { onAttemptDone(job, token, a); });
}

void PortClient::attempt(const PortRequest& request, const QString& token, int number,
                         std::function<void(const Attempt&)> done)
{
    QNetworkRequest req(urlFor(request.path));
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  m_config.userAgent.isEmpty() ? QByteArrayLiteral("porthole/" PORTHOLE_VERSION)
                                               : m_config.userAgent);
    req.setRawHeader("Accept", "application/json");
    if (!request.body.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (request.needsToken)
        req.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    if (!m_extraCas.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(m_extraCas);
        req.setSslConfiguration(ssl);
    }

    auto exchange = std::make_shared<PortExchange>(baseExchange(request, token));
    exchange->attempt = number;
    exchange->startedAt = QDateTime::currentDateTimeUtc();
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    QNetworkReply* reply = m_nam.sendCustomRequest(req, request.method, request.body);
    auto sslErrors = std::make_shared<QStringList>();
    auto timedOut = std::make_shared<bool>(false);
    auto tooLarge = std::make_shared<qint64>(-1); // the size that made us stop, once we did
    const qint64 maxBytes = m_config.maxResponseBytes;
    const auto checkSize = [reply, tooLarge, maxBytes](qint64 size) {
        if (size > maxBytes && *tooLarge < 0) {
            *tooLarge = size;
            reply->abort();
        }
    };
    // Content-Length is checked as soon as the headers arrive, what arrived as it arrives.
    connect(reply, &QNetworkReply::metaDataChanged, reply, [reply, checkSize] {
        checkSize(reply->header(QNetworkRequest::ContentLengthHeader).toLongLong());
    });
    // Qt's HTTP thread reads ahead without limit by default, so a fast flood could fill memory
    // before this thread sees the first byte count. A bounded read buffer makes it wait for us.
    reply->setReadBufferSize(kReadChunkBytes);
    auto body = std::make_shared<QByteArray>();
    connect(reply, &QNetworkReply::readyRead, reply, [reply, body, tooLarge, checkSize] {
        if (*tooLarge >= 0)
            return;
        body->append(reply->readAll());
        checkSize(body->size());
    });
    connect(reply, &QNetworkReply::sslErrors, reply, [sslErrors](const QList<QSslError>& errors) {
        for (const QSslError& e : errors)
            sslErrors->append(e.errorString());
    });
    auto* timer = new QTimer(reply);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, reply, [reply, timedOut] {
        *timedOut = true;
        reply->abort();
    });
    timer->start(m_config.timeoutMs);

    const QUrl url = req.url();
    const int timeoutMs = m_config.timeoutMs;
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, exchange, clock, sslErrors, timedOut, tooLarge, maxBytes, url, timeoutMs,
             body, done] {
                reply->deleteLater();
                Attempt a;
                a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                if (*tooLarge < 0) {
                    if (reply->isOpen())
                        body->append(reply->readAll());
                    a.rawBody = std::move(*body);
                }
                a.retryAfter = reply->rawHeader("Retry-After");
                PortExchange& e = *exchange;
                e.elapsedMs = clock->elapsed();
                e.status = a.status;
                e.reason = QString::fromUtf8(
                    reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toByteArray());
                e.responseBytes = a.rawBody.size();
                e.responseBody = m_redactor.redactBody(a.rawBody);
                e.traceId = QString::fromLatin1(reply->rawHeader("X-Trace-Id"));
                e.rateLimitLimit = QString::fromLatin1(reply->rawHeader("x-ratelimit-limit"));
                e.rateLimitRemaining =
                    QString::fromLatin1(reply->rawHeader("x-ratelimit-remaining"));
                e.rateLimitReset = QString::fromLatin1(reply->rawHeader("x-ratelimit-reset"));
                e.retryAfter = QString::fromLatin1(a.retryAfter);
                if (*tooLarge >= 0) {
                    a.cutOff = true;
                    a.error = QStringLiteral("the answer from %1 is larger than %2 MiB (%3 bytes "
                                             "announced or received); stopped reading it")
                                  .arg(hostOf(url))
                                  .arg(maxBytes / (1024.0 * 1024.0))
                                  .arg(*tooLarge);
                } else if (*timedOut) {
                    a.error = QStringLiteral("no answer from %1 within %2 s (timeout)")
                                  .arg(hostOf(url))
                                  .arg(timeoutMs / 1000.0);
                } else if (!sslErrors->isEmpty() ||
                           reply->error() == QNetworkReply::SslHandshakeFailedError) {
                    a.error = QStringLiteral("TLS: the certificate of %1 is not trusted (%2); "
                                             "trust its CA certificate with a CA file "
                                             "(--ca-file) or fix the server's certificate")
                                  .arg(hostOf(url), sslErrors->isEmpty()
                                                        ? reply->errorString()
                                                        : sslErrors->join(QStringLiteral("; ")));
                } else if (a.status == 0 && reply->error() != QNetworkReply::NoError) {
                    a.error = QStringLiteral("cannot reach %1: %2")
                                  .arg(hostOf(url), QString::fromUtf8(m_redactor.scrub(
                                                        reply->errorString().toUtf8())));
                }
                e.error = a.error;
                a.exchange = e;
                Q_EMIT exchangeRecorded(e);
                done(a);
            });
}

void PortClient::onAttemptDone(const std::shared_ptr<Job>& job, const QString& token,
                               const Attempt& a)
{
    if (!job->call)
        return;
    job->call->addExchange(a.exchange);
    const PortRequest& request = job->call->request();
    if (a.status == 401 && request.needsToken && canLogin() && !job->reloggedIn) {
        // The token may have been revoked (Port keeps one active token per credential set):
        // log in again, once.
        job->reloggedIn = true;
        if (m_token == token)
            m_token.clear();
        runJob(job);
        return;
    }
    const bool retryable = (a.status == 429 || a.status >= 500) && !a.cutOff;
    if (retryable && job->attempts < m_config.maxAttempts) {
        qint64 wait = PortResponse::retryAfterMs(a.retryAfter, QDateTime::currentDateTimeUtc());
        if (wait > m_config.maxRetryWaitMs) {
            finishJob(job, a,
                      QStringLiteral("HTTP %1: the server asks to retry after %2 s, longer than "
                                     "the %3 s limit; try again later")
                          .arg(a.status)
                          .arg(wait / 1000.0)
                          .arg(m_config.maxRetryWaitMs / 1000.0));
            return;
        }
        if (wait < 0)
            wait = std::min<qint64>(qint64(m_config.retryBaseMs) << (job->attempts - 1),
                                    m_config.maxRetryWaitMs);
        QTimer::singleShot(int(wait), this, [this, job] { runJob(job); });
        return;
    }
    finishJob(job, a, {});
}

void PortClient::finishJob(const std::shared_ptr<Job>& job, const Attempt& a, QString error)
{
    const PortRequest& request = job->call->request();
    if (error.isEmpty())
        error = a.error;
    const bool ok = error.isEmpty() && a.status >= 200 && a.status < 300;
    if (ok && request.kind == PortRequest::Kind::AccessToken) {
        const auto token = PortResponse::parseToken(a.rawBody);
        if (!token) {
            error = QStringLiteral("login answered without an accessToken");
        } else {
            m_token = token->accessToken;
            m_redactor.addSecret(m_token.toUtf8());
            const qint64 margin =
                std::min<qint64>(m_config.tokenRefreshMarginS, token->expiresInS / 2);
            m_tokenFreshUntil = QDateTime::currentDateTimeUtc().addSecs(token->expiresInS - margin);
        }
    }
    if (ok && request.kind == PortRequest::Kind::KafkaCredentials) {
        // Read from the raw answer: the recorded one has the password redacted.
        if (auto creds = PortResponse::parseKafkaCredentials(a.rawBody, &error)) {
            m_redactor.addSecret(creds->password.toUtf8());
            job->call->setKafkaCredentials(std::move(*creds));
        }
    }
    if (error.isEmpty() && !ok) {
        QString what = QStringLiteral("HTTP %1").arg(a.status);
        if (!a.exchange.reason.isEmpty())
            what += QLatin1Char(' ') + a.exchange.reason;
        error = what + QStringLiteral(": ") +
                QString::fromUtf8(m_redactor.scrub(PortResponse::errorMessage(a.rawBody).toUtf8()));
        if (a.status == 429 || a.status >= 500)
            error += QStringLiteral(" (after %1 attempts)").arg(job->attempts);
        if (a.status == 401 && request.kind == PortRequest::Kind::AccessToken)
            error += QStringLiteral(" (check the client id and secret)");
        else if (a.status == 401 && !error.contains(QLatin1String("expired")))
            error += QStringLiteral(" (the token is invalid or expired)");
    }
    job->call->finish(a.status, a.exchange.responseBody, error, a.rawBody);
}

void PortClient::fetchToken()
{
    if (m_tokenCall)
        return;
    m_tokenCall = send(PortRequest::accessToken(m_config.clientId, m_config.clientSecret));
    m_tokenCall->setParent(this);
    connect(m_tokenCall, &PortCall::finished, this, &PortClient::onTokenFinished);
}

void PortClient::onTokenFinished()
{
    PortCall* tokenCall = m_tokenCall;
    m_tokenCall = nullptr;
    const QList<std::shared_ptr<Job>> waiting = std::exchange(m_waitingForToken, {});
    for (const auto& job : waiting) {
        if (!job->call)
            continue;
        for (const PortExchange& e : tokenCall->exchanges())
            job->call->addExchange(e);
        if (tokenCall->isSuccess()) {
            job->freshToken = m_token;
            runJob(job);
        } else
            job->call->finish(tokenCall->status(), tokenCall->body(),
                              QStringLiteral("login failed: ") + tokenCall->errorString(),
                              tokenCall->rawBody());
    }
    tokenCall->deleteLater();
}

} // namespace porthole
