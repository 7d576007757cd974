#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// UTF-8 (and WTF-8, which also admits encoded lone surrogates) helpers shared by the JSON
// parser and writer, so both agree on what a character is.
namespace porthole::Utf8 {

/// Decodes the sequence at s[i]: its length in bytes with `cp` set, or 0 when the bytes are not
/// a shortest-form sequence. Encoded surrogates (WTF-8) are accepted; callers decide.
int decode(std::string_view s, size_t i, uint32_t& cp);

/// Appends `cp` as UTF-8 (a surrogate becomes its 3-byte WTF-8 form).
void append(std::string& out, uint32_t cp);

} // namespace porthole::Utf8
