// SPDX-License-Identifier: GPL-3.0-or-later
#include "portexchange.h"

#include "redactor.h"

#include <QJsonArray>

namespace porthole {

QJsonObject PortExchange::toJson() const
{
    QJsonArray headers;
    for (const auto& [name, value] : requestHeaders)
        headers.append(QJsonArray{QString::fromLatin1(name), QString::fromUtf8(value)});
    QJsonObject o{
        {QStringLiteral("startedAt"), startedAt.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("method"), QString::fromLatin1(method)},
        {QStringLiteral("url"), url},
        {QStringLiteral("attempt"), attempt},
        {QStringLiteral("status"), status},
        {QStringLiteral("elapsedMs"), elapsedMs},
        {QStringLiteral("responseBytes"), responseBytes},
        {QStringLiteral("requestHeaders"), headers},
        {QStringLiteral("requestBody"), QString::fromUtf8(requestBody)},
        {QStringLiteral("responseBody"), QString::fromUtf8(responseBody)},
    };
    const auto put = [&o](const char* key, const QString& v) {
        if (!v.isEmpty())
            o.insert(QLatin1String(key), v);
    };
    put("reason", reason);
    put("error", error);
    put("traceId", traceId);
    put("rateLimitLimit", rateLimitLimit);
    put("rateLimitRemaining", rateLimitRemaining);
    put("rateLimitReset", rateLimitReset);
    put("retryAfter", retryAfter);
    return o;
}

PortExchange PortExchange::fromJson(const QJsonObject& o)
{
    PortExchange e;
    const auto s = [&o](const char* key) { return o.value(QLatin1String(key)).toString(); };
    e.startedAt = QDateTime::fromString(s("startedAt"), Qt::ISODateWithMs);
    e.method = s("method").toLatin1();
    e.url = s("url");
    e.attempt = o.value(QStringLiteral("attempt")).toInt(1);
    e.status = o.value(QStringLiteral("status")).toInt();
    e.reason = s("reason");
    e.error = s("error");
    e.elapsedMs = o.value(QStringLiteral("elapsedMs")).toInteger();
    e.responseBytes = o.value(QStringLiteral("responseBytes")).toInteger();
    e.traceId = s("traceId");
    e.rateLimitLimit = s("rateLimitLimit");
    e.rateLimitRemaining = s("rateLimitRemaining");
    e.rateLimitReset = s("rateLimitReset");
    e.retryAfter = s("retryAfter");
    for (const QJsonValue& h : o.value(QStringLiteral("requestHeaders")).toArray()) {
        const QJsonArray pair = h.toArray();
        e.requestHeaders.append({pair.at(0).toString().toLatin1(), pair.at(1).toString().toUtf8()});
    }
    e.requestBody = s("requestBody").toUtf8();
    e.responseBody = s("responseBody").toUtf8();
    return e;
}

QString PortExchange::shellQuote(const QString& s)
{
    QString out = s;
    out.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + out + QLatin1Char('\'');
}

QString PortExchange::curlCommand() const
{
    QString cmd =
        QStringLiteral("curl -sS -X %1 %2").arg(QString::fromLatin1(method), shellQuote(url));
    for (const auto& [name, value] : requestHeaders) {
        if (name.compare("authorization", Qt::CaseInsensitive) == 0) {
            // Double quotes so the shell expands the variable; the token itself is never shown.
            cmd += QStringLiteral(" -H \"Authorization: Bearer $PORT_TOKEN\"");
            continue;
        }
        cmd += QStringLiteral(" -H ") + shellQuote(QString::fromLatin1(name) +
                                                   QStringLiteral(": ") + QString::fromUtf8(value));
    }
    if (!requestBody.isEmpty()) {
        QString quoted = shellQuote(QString::fromUtf8(requestBody));
        // The client secret was redacted when recorded; splice the variable back in so the
        // command still works: '{"clientSecret":"'"$PORT_CLIENT_SECRET"'"}'.
        const QString marker =
            QStringLiteral("\"clientSecret\":\"") + QString::fromLatin1(Redactor::placeholder());
        quoted.replace(marker, QStringLiteral("\"clientSecret\":\"'\"$PORT_CLIENT_SECRET\"'"));
        cmd += QStringLiteral(" --data-raw ") + quoted;
    }
    return cmd;
}

} // namespace porthole
