// SPDX-License-Identifier: GPL-3.0-or-later
#include "headertext.h"

#include <QList>

namespace porthole::HeaderText {

std::optional<Header> parse(QStringView text, QString* error)
{
    const qsizetype eq = text.indexOf(u'=');
    if (eq < 0) {
        *error = QStringLiteral("'%1' is not NAME=VALUE").arg(text);
        return std::nullopt;
    }
    const QStringView name = text.left(eq).trimmed();
    if (name.isEmpty()) {
        *error = QStringLiteral("'%1' has no name before '='").arg(text);
        return std::nullopt;
    }
    return Header{name.toString().toStdString(), text.mid(eq + 1).toString().toStdString()};
}

std::optional<std::vector<Header>> parseLines(QStringView text, QString* error)
{
    std::vector<Header> out;
    int lineNo = 0;
    for (const QStringView line : text.split(u'\n')) {
        ++lineNo;
        if (line.trimmed().isEmpty())
            continue;
        auto header = parse(line, error);
        if (!header) {
            *error = QStringLiteral("line %1: %2").arg(lineNo).arg(*error);
            return std::nullopt;
        }
        out.push_back(std::move(*header));
    }
    return out;
}

} // namespace porthole::HeaderText
