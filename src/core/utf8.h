// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

// UTF-8 (and WTF-8, which also admits encoded lone surrogates) in one place: the JSON parser,
// scanner and writer, the message decoder, the renderer's JavaScript strings and the jq binding
// all agree on what a character is.
namespace porthole::Utf8 {

/// Decodes the sequence at s[i]: its length in bytes with `cp` set, or 0 when the bytes are not
/// a shortest-form sequence. Encoded surrogates (WTF-8) are accepted; callers decide.
/// Inline: the decoder runs it for every non-ASCII character of every message.
inline int decode(std::string_view s, size_t i, uint32_t& cp)
{
    const auto b0 = static_cast<unsigned char>(s[i]);
    const int len = b0 < 0x80         ? 1
                    : (b0 >> 5) == 6  ? 2
                    : (b0 >> 4) == 14 ? 3
                    : (b0 >> 3) == 30 ? 4
                                      : 0;
    if (len == 0 || i + size_t(len) > s.size())
        return 0;
    cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1f) : len == 3 ? (b0 & 0x0f) : (b0 & 0x07);
    for (int j = 1; j < len; ++j) {
        const auto b = static_cast<unsigned char>(s[i + size_t(j)]);
        if ((b & 0xc0) != 0x80)
            return 0;
        cp = (cp << 6) | (b & 0x3f);
    }
    static constexpr uint32_t kMin[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < kMin[len] || cp > 0x10ffff)
        return 0;
    return len;
}

/// Length of the well-formed UTF-8 sequence at s[i] (1 for ASCII), or 0 when ill-formed;
/// encoded surrogates are not UTF-8.
inline int validLength(std::string_view s, size_t i)
{
    uint32_t cp = 0;
    const int len = decode(s, i, cp);
    return cp >= 0xD800 && cp <= 0xDFFF ? 0 : len;
}

/// True when all of `s` is well-formed UTF-8.
bool isValid(std::string_view s);

/// The code point at s[i] (WTF-8: lone surrogates decode as themselves), advancing i; a byte
/// that starts no sequence reads as U+FFFD and advances by one, as JavaScript's decoder does.
uint32_t next(std::string_view s, size_t& i);

/// Appends `cp` as UTF-8 (a surrogate becomes its 3-byte WTF-8 form).
void append(std::string& out, uint32_t cp);

/// Where a multi-byte sequence that the end of `s` cuts short begins (judged by its lead byte,
/// as a decoder meeting the end does), or npos when `s` does not end inside a sequence.
size_t cutSequenceStart(std::string_view s);

} // namespace porthole::Utf8
