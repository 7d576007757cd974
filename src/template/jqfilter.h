// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace porthole::JqFilter {

/// Port's single-quote rewrite: /(^|\s)'(?!\s|")|(?<!\s|")'(\s|$)/g → `$1"$2`.
std::u16string rewriteQuotes(std::u16string_view expression);

/// The filter text Port's binding hands to jq_compile for a `{{…}}` expression: quotes
/// rewritten, converted to UTF-8 (lone surrogates → U+FFFD) and cut at the first NUL (the
/// binding passes a C string). The `def env` wrapper is added by JqEngine.
std::string body(std::u16string_view expression);

/// What precedes every body, on one line: definitions that make Debian's jq 1.6 answer like the
/// jq 1.6 snapshot in Port's renderer, then Port's own `def env: {}; {} as $ENV | ` (rule 7).
const std::string& prelude();

/// The whole program Port compiles for a body (rule 7): `def env: {}; {} as $ENV | BODY`.
std::string program(std::string_view body);

/// True when `body` can share one compiled program with others: its brackets, strings and
/// string interpolations balance (so it cannot escape the parentheses it is put in) and it
/// uses nothing whose result depends on the program text ($__loc__, comments).
bool batchable(std::string_view body);

} // namespace porthole::JqFilter
