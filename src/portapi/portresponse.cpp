#include "portresponse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>
#include <cmath>

namespace porthole::PortResponse {
namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;
constexpr qint64 kYearS = 366LL * 24 * 3600;
constexpr qsizetype kExcerptBytes = 200;
constexpr qsizetype kMaxMessageChars = 500;

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
    // One printable line whatever arrived: a NUL would cut the message short wherever it is
    // printed as a C string, a newline would forge a line in a log.
    for (QChar& c : message)
        if (c.category() == QChar::Other_Control)
            c = QLatin1Char(' ');
    message = message.simplified();
    if (message.size() > kMaxMessageChars)
        message = message.left(kMaxMessageChars) + QStringLiteral("…");
    else if (excerpt && body.size() > kExcerptBytes)
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

} // namespace porthole::PortResponse
