// SPDX-License-Identifier: GPL-3.0-or-later
#include "flowjson.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace porthole::FlowJson {

QJsonValue toQt(const JsonValue& value)
{
    // Wrapped in an array: QJsonDocument takes only an object or an array at the top.
    JsonValue wrap = JsonValue::array();
    wrap.push(value.isUndefined() ? JsonValue(nullptr) : value);
    const std::string text = JsWriter::stringify(wrap);
    return QJsonDocument::fromJson(QByteArray::fromStdString(text)).array().at(0);
}

JsonValue fromQt(const QJsonValue& value)
{
    const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    const JsonDocument doc =
        JsonParser::parse(std::string_view(text.constData(), size_t(text.size())));
    if (!doc.root || doc.root->children.empty())
        return JsonValue(nullptr);
    return doc.root->children.front().toValue();
}

} // namespace porthole::FlowJson
