// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnostic.h"
#include "jsonvalue.h"

#include <memory>
#include <string>
#include <vector>

namespace porthole {

/// A parsed JSON value that remembers where each key and value stands in the source, so
/// diagnostics and the editor can point at the exact characters. Objects keep every member in
/// source order, duplicates included (JSON.parse semantics are applied by toValue()).
struct JsonNode
{
    JsonValue::Type type = JsonValue::Type::Null;
    SourceRange range;
    bool boolean = false;
    double number = 0;
    std::string string;                 // decoded text of a string value
    std::vector<JsonNode> children;     // array elements, or object member values
    std::vector<std::string> keys;      // object keys, parallel to children
    std::vector<SourceRange> keyRanges; // source range of each key (quotes included)

    bool isObject() const { return type == JsonValue::Type::Object; }
    bool isArray() const { return type == JsonValue::Type::Array; }
    bool isString() const { return type == JsonValue::Type::String; }

    /// The member JSON.parse would keep for `key` (the last one), or nullptr.
    const JsonNode* member(std::string_view key) const;
    /// Index of that member in children/keys, or -1.
    int memberIndex(std::string_view key) const;

    /// The value JSON.parse would build: later duplicate keys replace earlier ones in place.
    JsonValue toValue() const;
};

/// Result of parsing a text: a root (absent after a syntax error) and the diagnostics.
struct JsonDocument
{
    std::unique_ptr<JsonNode> root;
    Diagnostics diagnostics;
    bool ok() const { return root != nullptr; }
};

} // namespace porthole
