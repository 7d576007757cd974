// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>

namespace porthole {

/// A JSON text typed by the user, checked with core's JsonParser (RFC 8259, what JSON.parse
/// accepts), so a mistake is named at its line and column before anything is sent.
struct JsonTextCheck
{
    bool ok = true;
    bool empty = true; ///< only whitespace: nothing to send
    QJsonValue value;  ///< the value when ok and not empty
    QString message;   ///< the parser's words when not ok
    int line = 0;      ///< 1-based, when not ok
    int column = 0;    ///< 1-based (characters), when not ok

    static JsonTextCheck check(const QString& text);
    /// "line 3, column 5: expected ',' or '}' …"
    QString where() const;
};

} // namespace porthole
