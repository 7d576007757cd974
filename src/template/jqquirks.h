// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace porthole::JqQuirks {

/// The characters of jq 1.6's IDENT and FIELD tokens (ASCII only, whatever the locale).
inline bool identStart(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
inline bool digit(char c)
{
    return c >= '0' && c <= '9';
}
inline bool identChar(char c)
{
    return identStart(c) || digit(c);
}

/// True for a field name jq 1.6's lexer does not read as a field: `e` or `E` and digits only.
/// Its NUMBER pattern allows a bare `.` before an exponent and comes before FIELD, so `.e21`
/// is the literal ".e21" (a compile error: "Invalid numeric literal"), and `.a.e2` a syntax
/// error. `.e21x`, `.ex1` and `."e21"` are fields.
bool exponentLikeField(std::string_view name);

/// `expression` with each such field written as an index jq 1.6 and later read alike
/// (`.a.e2` -> `.a["e2"]`, `.e2` -> `.["e2"]`), or "" when it has none. Text in strings is
/// left alone.
std::string indexExponentFields(std::string_view expression);

} // namespace porthole::JqQuirks
