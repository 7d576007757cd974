// SPDX-License-Identifier: GPL-3.0-or-later
#include "redactor.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace porthole {
namespace {

bool redactValue(QJsonValue& v)
{
    bool changed = false;
    if (v.isObject()) {
        QJsonObject o = v.toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (Redactor::secretKeys().contains(it.key(), Qt::CaseInsensitive) &&
                !it.value().isNull() && it.value().toString() != QLatin1String("")) {
                it.value() = QString::fromLatin1(Redactor::placeholder());
                changed = true;
            } else {
                QJsonValue inner = it.value();
                if (redactValue(inner)) {
                    it.value() = inner;
                    changed = true;
                }
            }
        }
        if (changed)
            v = o;
    } else if (v.isArray()) {
        QJsonArray a = v.toArray();
        for (qsizetype i = 0; i < a.size(); ++i) {
            QJsonValue inner = a.at(i);
            if (redactValue(inner)) {
                a.replace(i, inner);
                changed = true;
            }
        }
        if (changed)
            v = a;
    }
    return changed;
}

} // namespace

const QStringList& Redactor::secretKeys()
{
    static const QStringList keys = {
        QStringLiteral("clientSecret"), QStringLiteral("accessToken"),
        QStringLiteral("refreshToken"), QStringLiteral("password"),
        QStringLiteral("token"),        QStringLiteral("secret"),
    };
    return keys;
}

void Redactor::addSecret(const QByteArray& secret)
{
    if (secret.size() >= 4 && !m_secrets.contains(secret))
        m_secrets.append(secret);
}

QByteArray Redactor::scrub(QByteArray text) const
{
    for (const QByteArray& s : m_secrets)
        text.replace(s, placeholder());
    return text;
}

QByteArray Redactor::redactBody(const QByteArray& body) const
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error == QJsonParseError::NoError && (doc.isObject() || doc.isArray())) {
        QJsonValue v = doc.isObject() ? QJsonValue(doc.object()) : QJsonValue(doc.array());
        // Rewrite only when a member was hidden, so untouched bodies keep their exact bytes.
        if (redactValue(v))
            return scrub(v.isObject() ? QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact)
                                      : QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    }
    return scrub(body);
}

QByteArray Redactor::redactHeader(const QByteArray& name, const QByteArray& value) const
{
    if (name.compare("authorization", Qt::CaseInsensitive) == 0 ||
        name.compare("proxy-authorization", Qt::CaseInsensitive) == 0) {
        const qsizetype space = value.indexOf(' ');
        return (space > 0 ? scrub(value.left(space + 1)) : QByteArray()) + placeholder();
    }
    return scrub(value);
}

} // namespace porthole
