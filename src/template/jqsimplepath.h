// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace porthole::JqSimplePath {

/// One step of a path: an object key or an array index.
using Step = std::variant<std::string, long long>;

/// The steps of a plain jq path (`.a.b[0]`, `.a["x y"]`, `."k"`, `.[2]`, `.`), or nothing when
/// `path` is anything else (then it needs jq). Such a path is read without jq: a missing key
/// or index gives null as in jq; a key of a non-object also gives null (jq raises an error).
std::optional<std::vector<Step>> parse(std::string_view path);

/// The value at the steps, or nullptr where jq would answer null.
const JsonValue* follow(const JsonValue& root, const std::vector<Step>& steps);

} // namespace porthole::JqSimplePath
