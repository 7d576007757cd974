// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/template: the expressions jqshortcut.cpp answers without jq, parsed.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace porthole::jqinternal {

// One parsed expression. Path steps are object keys or array indices (as jq's lexer makes
// them: a number literal is a double).
struct Node
{
    enum class Kind
    {
        Path,
        String,
        Number,
        Null,
        True,
        False,
        If,  // kids: cond, then, [cond, then]..., else
        Alt, // kids: a, b (a // b)
    };
    Kind kind = Kind::Null;
    std::vector<std::variant<std::string, double>> steps;
    std::string text;
    double number = 0;
    std::vector<Node> kids;
};

/// The expression when all of `body` is in the subset and jq 1.6 reads it the same way.
std::optional<Node> parseShortcut(std::string_view body);

} // namespace porthole::jqinternal
