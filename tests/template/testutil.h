// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small helpers shared by the template tests.
#include "core/jsonparser.h"

#include <QFile>
#include <QString>

#include <string>

namespace porthole::test {

inline std::string readAll(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll().toStdString();
}

inline JsonValue parseJson(const std::string& text)
{
    JsonDocument d = JsonParser::parse(text);
    return d.root ? d.root->toValue() : JsonValue();
}

} // namespace porthole::test
