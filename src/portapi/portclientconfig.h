// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace porthole {

/// The User-Agent prefix of the app's Report tab ("Porthole-Report/<version>").
inline constexpr char kReportUserAgentPrefix[] = "Porthole-Report/";

/// Port's regions; Custom means a base URL of the user's choosing (e.g. the local Port API).
enum class PortRegion
{
    EU,
    US,
    Custom
};

// Everything a PortClient needs to know. Secrets live here only in memory: nothing in this
// struct is ever written to settings or history.
struct PortClientConfig
{
    QUrl baseUrl = regionUrl(PortRegion::EU);
    QString clientId;
    QString clientSecret;
    QString token;                 ///< a ready token; used as is (no refresh without id/secret)
    QString caFile;                ///< PEM file with extra CA certificates to trust
    int timeoutMs = 30000;         ///< per attempt, whole exchange
    int maxAttempts = 4;           ///< first try + retries for 429/5xx
    int retryBaseMs = 500;         ///< backoff: base * 2^(attempt-1), capped at maxRetryWaitMs
    int maxRetryWaitMs = 30000;    ///< a longer Retry-After gives up instead of waiting
    int tokenRefreshMarginS = 300; ///< renew this long before expiresIn (at most half of it)
    /// A larger answer (by Content-Length or by what arrived) is cut off with an error: Port's
    /// answers are small, and an endless or lying server must not fill the memory.
    qint64 maxResponseBytes = 16 * 1024 * 1024;
    /// The User-Agent sent; empty: "porthole/<version>". The Report tab sends
    /// kReportUserAgentPrefix + version so what it reported is told apart from other callers'
    /// calls (the sandbox's recorded calls would otherwise count a report twice).
    QByteArray userAgent;

    /// The base URL of a region (EU https://api.getport.io, US https://api.us.getport.io).
    static QUrl regionUrl(PortRegion region);
    /// Accepts "eu", "us" or an http(s) URL; nullopt + error otherwise.
    static std::optional<QUrl> parseBaseUrl(const QString& text, QString* error);
};

} // namespace porthole
