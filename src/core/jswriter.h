// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonvalue.h"

#include <string>

namespace porthole {

// JSON text exactly as JavaScript's JSON.stringify writes it (ES2019 well-formed stringify):
// index-like keys first in ascending order, numbers the Number#toString way, undefined members
// dropped and undefined elements written as null. Port's renderer is JavaScript, so every byte
// Porthole prints for a rendered payload must come from here.
namespace JsWriter {

/// JSON.stringify(value) or JSON.stringify(value, null, indent); "" for a top-level undefined.
std::string stringify(const JsonValue& value, int indent = 0);

/// Number#toString for a double ("1e+21", "0.1", "-0" → "0", NaN → "NaN").
std::string formatNumber(double d);

/// A JSON string literal with JSON.stringify's escaping (quotes included).
std::string quote(std::string_view utf8);
/// One ASCII character (c < 0x80) inside a string literal: the short escapes, \u00xx for the
/// other controls, the rest as is. JSON.stringify and Python's json.dumps agree on these.
void appendAscii(std::string& out, unsigned char c);

/// True for keys that JavaScript treats as array indices ("0", "7", "4294967294").
bool isArrayIndex(std::string_view key);

/// Object members in JavaScript's property order: array-index keys ascending, then the rest.
std::vector<const JsonValue::Member*> orderedMembers(const JsonValue::Object& members);

} // namespace JsWriter
} // namespace porthole
