// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace porthole::JqQuirks {

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
