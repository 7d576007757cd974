// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonnode.h"

#include <string_view>

namespace porthole {

/// A strict JSON parser (RFC 8259, what JSON.parse accepts) that keeps source positions and
/// explains syntax errors in words at the exact character. It stops at the first syntax error,
/// as JSON.parse does, but keeps going over invalid UTF-8 (reported, replaced by U+FFFD).
class JsonParser
{
public:
    /// Deeper nesting is reported as an error instead of risking the stack.
    static constexpr int kMaxDepth = 10000;

    /// Parses UTF-8 text. A leading byte order mark is skipped with a warning.
    static JsonDocument parse(std::string_view text);
};

} // namespace porthole
