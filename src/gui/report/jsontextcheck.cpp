// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsontextcheck.h"

#include "core/jsonparser.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace porthole {

JsonTextCheck JsonTextCheck::check(const QString& text)
{
    JsonTextCheck c;
    if (text.trimmed().isEmpty())
        return c;
    c.empty = false;
    const QByteArray utf8 = text.toUtf8();
    const JsonDocument doc = JsonParser::parse(std::string_view(utf8.constData(), utf8.size()));
    for (const Diagnostic& d : doc.diagnostics) {
        if (d.severity != Severity::Error)
            continue;
        c.ok = false;
        c.message = QString::fromStdString(d.message);
        c.line = d.range.begin.line;
        c.column = d.range.begin.column;
        return c;
    }
    if (!doc.ok()) {
        c.ok = false;
        c.message = QStringLiteral("not JSON");
        c.line = c.column = 1;
        return c;
    }
    // The parser agreed; Qt builds the value (wrapped: QJsonDocument holds arrays and objects).
    QJsonParseError error;
    const QJsonArray wrapped = QJsonDocument::fromJson("[" + utf8 + "]", &error).array();
    if (wrapped.isEmpty()) {
        // Qt stops earlier than core does (nesting deeper than 1,024 levels).
        c.ok = false;
        c.message = error.errorString();
        c.line = c.column = 1;
        return c;
    }
    c.value = wrapped.first();
    return c;
}

QString JsonTextCheck::where() const
{
    return QStringLiteral("line %1, column %2: %3").arg(line).arg(column).arg(message);
}

} // namespace porthole
