// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>

namespace porthole {

// One HTTP exchange with Port's API as Porthole records it: already redacted (no token, no
// client secret), so it can be shown, copied as curl and written to the history file as is.
struct PortExchange
{
    QDateTime startedAt;
    QByteArray method;
    QString url;
    int attempt = 1;
    int status = 0; ///< HTTP status; 0 when no answer arrived
    QString reason; ///< HTTP reason phrase
    QString error;  ///< transport/TLS/timeout problem, one line; empty when answered
    qint64 elapsedMs = 0;
    qint64 responseBytes = 0;
    QString traceId; ///< X-Trace-Id
    QString rateLimitLimit, rateLimitRemaining, rateLimitReset, retryAfter;
    QList<QPair<QByteArray, QByteArray>> requestHeaders; ///< Authorization redacted
    QByteArray requestBody;                              ///< redacted
    QByteArray responseBody;                             ///< redacted

    /// True for a 2xx answer.
    bool isSuccess() const { return status >= 200 && status < 300; }
    /// A JSON object for the history file and the GUI.
    QJsonObject toJson() const;
    /// Reads what toJson() wrote.
    static PortExchange fromJson(const QJsonObject& o);
    /// The equivalent curl command: the token as $PORT_TOKEN, the client secret as
    /// $PORT_CLIENT_SECRET, one line, safe to paste into a POSIX shell.
    QString curlCommand() const;
    /// Quotes a string for a POSIX shell.
    static QString shellQuote(const QString& s);
};

} // namespace porthole
