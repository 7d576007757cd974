// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>

namespace porthole::JsString {

// Port's renderer works on JavaScript strings, so its indices count UTF-16 code units and its
// trim() uses JavaScript's whitespace set. These helpers convert between our WTF-8 strings (UTF-8
// that may hold lone surrogates, see JsonValue) and UTF-16.

/// UTF-16 code units of a WTF-8 string (invalid bytes become U+FFFD).
std::u16string toUtf16(std::string_view wtf8);

/// WTF-8 text of UTF-16 code units: surrogate pairs join, lone surrogates are kept.
std::string toWtf8(std::u16string_view utf16);

/// UTF-8 text as Node's String::Utf8Value produces it: lone surrogates become U+FFFD.
std::string toUtf8Replacing(std::u16string_view utf16);

/// True for the characters JavaScript's \s and String#trim treat as white space.
bool isSpace(char16_t c);

/// String#trim.
std::u16string_view trim(std::u16string_view s);

/// Length of a WTF-8 string in UTF-16 code units.
int utf16Length(std::string_view wtf8);

} // namespace porthole::JsString
