// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string_view>

namespace porthole::JqShortcut {

/// True when JqEngine answers `body` (a filter body, JqFilter::body) without compiling jq: a
/// plain path (`.a.b[0]`, `."k"`, `.["k"]`), a string, number, `null`, `true` or `false`
/// literal, `A // B`, `if … then … elif … else … end` and parentheses over those. Their
/// values and errors are jq's own (jq's jv_get on the same parsed context).
bool covers(std::string_view body);

} // namespace porthole::JqShortcut
