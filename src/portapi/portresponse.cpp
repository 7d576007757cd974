// SPDX-License-Identifier: GPL-3.0-or-later
#include "portresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>

namespace porthole::PortResponse {
namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kYearS = 366LL * 24 * 3600;
constexpr qsizetype kExcerptBytes = 200;
constexpr qsizetype kMaxMessageChars = 500;
constexpr qsizetype kMaxFieldChars = 120;

// One printable line whatever arrived: a NUL would cut the message short wherever it is
// printed as a C string, a newline would forge a line in a log.
QString printable(QString message)
{
    for (QChar& c : message)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    message = message.simplified();
    if (message.size() > kMaxMessageChars)
        message = message.left(kMaxMessageChars) + QStringLiteral("…");
    return message;
}

// "body/logs/0/logLevel", "/logs/0/logLevel", ".logs[0].logLevel", ["logs",0,"logLevel"] all
// become "logs[0].logLevel"; the body itself is no field.
QString normalizePath(const QJsonValue& path)
{
    QStringList parts;
    if (path.isArray()) {
        for (const QJsonValue& p : path.toArray())
            parts << (p.isDouble() ? QString::number(p.toInteger()) : p.toString());
    } else {
        static const QRegularExpression separators(QStringLiteral("[/.\\[\\]]+"));
        parts = path.toString().split(separators, Qt::SkipEmptyParts);
    }
    if (!parts.isEmpty() && parts.first() == QLatin1String("body"))
        parts.removeFirst();
    QString out;
    for (const QString& part : std::as_const(parts)) {
        bool index = false;
        part.toUInt(&index);
        if (index && !out.isEmpty())
            out += QLatin1Char('[') + part + QLatin1Char(']');
        else
            out += (out.isEmpty() ? QString() : QStringLiteral(".")) + part;
    }
    // Only a path-like name is a field: anything else is a sentence, not a place. (\z, not $:
    // $ also matches before a final newline, and "st\n" is no field.)
    static const QRegularExpression pathLike(
        QStringLiteral("^[A-Za-z_$][\\w$-]*(\\[\\d+\\]|\\.[\\w$-]+)*\\z"));
    if (out.size() > kMaxFieldChars || !pathLike.match(out).hasMatch())
        return {};
    return out;
}

// The field a sentence is about: its leading path when a verb or a quote follows it
// ("result 'FAILURE' is not one of …", "output must be an object", "body/status must be …",
// "logs[0]: unknown field 'x'"), and the property it names ("unknown field 'x'", "must have
// required property 'result'") appended to that path.
QString fieldOfMessage(const QString& message)
{
    static const QRegularExpression leading(QStringLiteral(
        "^\\s*([A-Za-z_$/.][\\w$/.\\[\\]-]*)(?=:| '| \"| is | are | must | should | has | "
        "does | not | was )"));
    static const QRegularExpression named(QStringLiteral(
        "(?:unknown field|required property|additional property|unrecognized key\\(?s?\\)?:?)"
        "\\s*['\"]([^'\"]{1,100})['\"]"));
    QString path;
    if (const auto m = leading.match(message); m.hasMatch())
        path = normalizePath(QJsonValue(m.captured(1)));
    if (const auto m = named.match(message); m.hasMatch()) {
        const QString name = normalizePath(QJsonValue(m.captured(1)));
        if (!name.isEmpty())
            path = path.isEmpty() ? name : path + QLatin1Char('.') + name;
    }
    return path;
}

} // namespace

QString errorMessage(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    QString message = o.value(QStringLiteral("message")).toString();
    if (message.isEmpty())
        message = o.value(QStringLiteral("error")).toString();
    // Else an HTML error page or binary junk: its start is more use than the whole thing.
    const bool excerpt = message.isEmpty();
    if (excerpt)
        message = QString::fromUtf8(body.left(kExcerptBytes));
    message = printable(message);
    if (excerpt && body.size() > kExcerptBytes && !message.endsWith(QStringLiteral("…")))
        message += QStringLiteral("…");
    return message;
}

qint64 retryAfterMs(const QByteArray& value, const QDateTime& now)
{
    if (value.trimmed().isEmpty())
        return -1;
    bool ok = false;
    const double seconds = value.trimmed().toDouble(&ok);
    if (ok) {
        // "inf", "nan" and 1e300 are numbers too; converting them to an integer is undefined.
        if (std::isnan(seconds))
            return -1;
        return qint64(std::ceil(std::clamp(seconds * 1000, 0.0, double(kDayMs))));
    }
    // HTTP dates end in "GMT" (RFC 9110), which Qt's RFC 2822 parser does not accept.
    QString date = QString::fromLatin1(value.trimmed());
    if (date.endsWith(QLatin1String(" GMT")) || date.endsWith(QLatin1String(" UTC")))
        date = date.chopped(3) + QStringLiteral("+0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return -1;
    return std::clamp<qint64>(now.msecsTo(when), 0, kDayMs);
}

std::optional<Token> parseToken(const QByteArray& body)
{
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    Token t;
    t.accessToken = o.value(QStringLiteral("accessToken")).toString();
    if (t.accessToken.isEmpty())
        return std::nullopt;
    t.expiresInS =
        std::clamp<qint64>(o.value(QStringLiteral("expiresIn")).toInteger(3 * 3600), 0, kYearS);
    return t;
}

std::optional<KafkaCredentials> parseKafkaCredentials(const QByteArray& body, QString* error)
{
    const QJsonObject creds =
        QJsonDocument::fromJson(body).object().value(QStringLiteral("credentials")).toObject();
    const QJsonValue brokers = creds.value(QStringLiteral("brokers"));
    const QJsonValue user = creds.value(QStringLiteral("username"));
    const QJsonValue password = creds.value(QStringLiteral("password"));
    const auto stringOrAbsent = [](const QJsonValue& v) {
        return v.isString() || v.isUndefined() || v.isNull();
    };
    if (!brokers.isArray() || !stringOrAbsent(user) || !stringOrAbsent(password)) {
        *error = QStringLiteral("the kafka-credentials answer has no credentials.brokers list "
                                "(or its username/password are not strings)");
        return std::nullopt;
    }
    KafkaCredentials c;
    for (const QJsonValue& b : brokers.toArray()) {
        if (!b.isString() || b.toString().trimmed().isEmpty()) {
            *error = QStringLiteral("the kafka-credentials answer lists a broker that is not a "
                                    "host:port string");
            return std::nullopt;
        }
        c.brokers.append(b.toString().trimmed());
    }
    if (c.brokers.isEmpty()) {
        *error = QStringLiteral("the kafka-credentials answer lists no brokers");
        return std::nullopt;
    }
    c.username = user.toString();
    c.password = password.toString();
    return c;
}

QString parseOrganizationId(const QByteArray& body)
{
    return QJsonDocument::fromJson(body)
        .object()
        .value(QStringLiteral("organization"))
        .toObject()
        .value(QStringLiteral("id"))
        .toString();
}

Problem problem(const QByteArray& body)
{
    Problem p;
    const QJsonObject o = QJsonDocument::fromJson(body).object();
    p.error = printable(o.value(QStringLiteral("error")).toString()).left(100);
    p.message = errorMessage(body);
    // Validation libraries list their findings: the first one names the field.
    QJsonValue details = o.value(QStringLiteral("details"));
    if (!details.isArray())
        details = o.value(QStringLiteral("errors"));
    if (details.isArray() && !details.toArray().isEmpty()) {
        const QJsonObject first = details.toArray().first().toObject();
        for (const char* key : {"instancePath", "dataPath", "path", "field", "property"}) {
            p.field = normalizePath(first.value(QLatin1String(key)));
            if (!p.field.isEmpty())
                break;
        }
        const QString detail = printable(first.value(QStringLiteral("message")).toString());
        if (p.field.isEmpty())
            p.field = fieldOfMessage(detail);
        if (!detail.isEmpty() && !p.message.contains(detail)) {
            const QString where = p.field.isEmpty() || detail.startsWith(p.field)
                                      ? QString()
                                      : p.field + QLatin1Char(' ');
            p.message =
                printable(p.message + QStringLiteral(" (") + where + detail + QLatin1Char(')'));
        }
    }
    if (p.field.isEmpty())
        p.field = fieldOfMessage(o.value(QStringLiteral("message")).toString());
    return p;
}

} // namespace porthole::PortResponse
