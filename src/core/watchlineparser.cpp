// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchlineparser.h"

#include "jsonparser.h"

#include <QByteArray>

namespace porthole {
namespace {

bool fromBase64(const std::string& text, std::string* out)
{
    const auto decoded =
        QByteArray::fromBase64Encoding(QByteArray::fromRawData(text.data(), qsizetype(text.size())),
                                       QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    out->assign(decoded.decoded.constData(), size_t(decoded.decoded.size()));
    return true;
}

bool isBase64(const JsonNode* encoding)
{
    return encoding && encoding->isString() && encoding->string == "base64";
}

// A string field that may be base64 (its encoding field says so) or null.
bool bytesField(const JsonNode& root, const char* name, std::optional<std::string>* out,
                std::string* error)
{
    const JsonNode* node = root.member(name);
    if (!node || node->type == JsonValue::Type::Null) {
        out->reset();
        return true;
    }
    if (!node->isString()) {
        *error = std::string(name) + ": expected a string or null";
        return false;
    }
    if (!isBase64(root.member(std::string(name) + "Encoding"))) {
        *out = node->string;
        return true;
    }
    std::string bytes;
    if (!fromBase64(node->string, &bytes)) {
        *error = std::string(name) + ": not valid base64";
        return false;
    }
    *out = std::move(bytes);
    return true;
}

bool headersField(const JsonNode& root, KafkaRecord* out, std::string* error)
{
    const JsonNode* headers = root.member("headers");
    if (!headers || headers->type == JsonValue::Type::Null)
        return true;
    if (!headers->isObject()) {
        *error = "headers: expected an object";
        return false;
    }
    const JsonNode* encodings = root.member("headerEncodings");
    // Object members in line order, duplicate names included: Kafka headers may repeat.
    for (size_t i = 0; i < headers->children.size(); ++i) {
        const std::string& name = headers->keys[i];
        const JsonNode& value = headers->children[i];
        if (value.type == JsonValue::Type::Null) {
            out->headers.emplace_back(name, std::nullopt);
        } else if (!value.isString()) {
            *error = "header " + name + ": expected a string or null";
            return false;
        } else if (encodings && encodings->isObject() && isBase64(encodings->member(name))) {
            std::string bytes;
            if (!fromBase64(value.string, &bytes)) {
                *error = "header " + name + ": not valid base64";
                return false;
            }
            out->headers.emplace_back(name, std::move(bytes));
        } else {
            out->headers.emplace_back(name, value.string);
        }
    }
    return true;
}

bool valueField(const JsonNode& root, std::string_view line, KafkaRecord* out, std::string* error)
{
    if (const JsonNode* text = root.member("valueText")) {
        if (!text->isString()) {
            *error = "valueText: expected a string";
            return false;
        }
        out->value = text->string;
        return true;
    }
    const JsonNode* value = root.member("value");
    const JsonNode* encoding = root.member("valueEncoding");
    const bool json = encoding && encoding->isString() && encoding->string == "json";
    if (value && !json && (value->type == JsonValue::Type::Null || value->isString()))
        return bytesField(root, "value", &out->value, error);
    if (!value) {
        out->value.reset();
        return true;
    }
    // JSON: the value's own text in the line (written compact), numbers spelt as they came.
    const auto begin = size_t(value->range.begin.offset);
    const auto end = size_t(value->range.end.offset);
    out->value = std::string(line.substr(begin, end - begin));
    return true;
}

bool intField(const JsonNode& root, const char* name, int64_t* out, std::string* error,
              bool optional)
{
    const JsonNode* node = root.member(name);
    if (!node || node->type == JsonValue::Type::Null) {
        if (optional)
            return true;
        *error = std::string(name) + ": missing";
        return false;
    }
    if (node->type != JsonValue::Type::Number || node->number != double(int64_t(node->number))) {
        *error = std::string(name) + ": expected a whole number";
        return false;
    }
    *out = int64_t(node->number);
    return true;
}

// "create", "logAppend", or absent/null (none); older recordings have no such field.
bool timestampTypeField(const JsonNode& root, TimestampType* out, std::string* error)
{
    const JsonNode* node = root.member("timestampType");
    if (!node || node->type == JsonValue::Type::Null)
        return true;
    if (node->isString() && node->string == "create")
        *out = TimestampType::CreateTime;
    else if (node->isString() && node->string == "logAppend")
        *out = TimestampType::LogAppendTime;
    else {
        *error = "timestampType: expected \"create\", \"logAppend\" or null";
        return false;
    }
    return true;
}

} // namespace

bool WatchLineParser::parse(std::string_view line, KafkaRecord* out, std::string* error)
{
    *out = KafkaRecord{};
    const JsonDocument doc = JsonParser::parse(line);
    if (!doc.ok()) {
        *error = doc.diagnostics.empty() ? std::string("not JSON")
                                         : "not JSON: " + doc.diagnostics.front().message;
        return false;
    }
    const JsonNode& root = *doc.root;
    if (!root.isObject()) {
        *error = "expected a JSON object (a line of porthole-cli watch)";
        return false;
    }
    if (!root.member("value") && !root.member("valueText")) {
        *error = "no \"value\": not a line of porthole-cli watch";
        return false;
    }
    if (const JsonNode* topic = root.member("topic"); topic && topic->isString())
        out->topic = topic->string;
    int64_t partition = 0;
    if (!intField(root, "partition", &partition, error, true) ||
        !intField(root, "offset", &out->offset, error, true) ||
        !intField(root, "timestamp", &out->timestamp, error, true) ||
        !timestampTypeField(root, &out->timestampType, error))
        return false;
    out->partition = int32_t(partition);
    return bytesField(root, "key", &out->key, error) && headersField(root, out, error) &&
           valueField(root, line, out, error);
}

} // namespace porthole
