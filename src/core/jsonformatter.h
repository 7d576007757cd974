// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace porthole {

/// Re-indents a JSON text: members keep their order (duplicates too) and every scalar keeps its
/// exact spelling (numbers are not rewritten, escapes stay escapes), so "format document" changes
/// only whitespace. Nullopt when the text does not parse.
std::optional<std::string> formatJson(std::string_view text, int indent = 2);

} // namespace porthole
