// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsstring.h"

#include "core/utf8.h"

namespace porthole::JsString {

namespace {

bool isHigh(char16_t c)
{
    return c >= 0xD800 && c < 0xDC00;
}
bool isLow(char16_t c)
{
    return c >= 0xDC00 && c < 0xE000;
}

std::string fromUtf16(std::u16string_view s, bool replaceLone)
{
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        const char16_t c = s[i];
        if (c < 0x80) {
            out += char(c);
        } else if (isHigh(c) && i + 1 < s.size() && isLow(s[i + 1])) {
            Utf8::append(out, 0x10000 + ((char32_t(c) - 0xD800) << 10) + (s[i + 1] - 0xDC00));
            ++i;
        } else if ((isHigh(c) || isLow(c)) && replaceLone) {
            Utf8::append(out, 0xFFFD);
        } else {
            Utf8::append(out, c);
        }
    }
    return out;
}

} // namespace

std::u16string toUtf16(std::string_view s)
{
    std::u16string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            out += char16_t(s[i++]);
            continue;
        }
        const char32_t c = Utf8::next(s, i);
        if (c >= 0x10000) {
            out += char16_t(0xD800 + ((c - 0x10000) >> 10));
            out += char16_t(0xDC00 + ((c - 0x10000) & 0x3FF));
        } else {
            out += char16_t(c);
        }
    }
    return out;
}

std::string toWtf8(std::u16string_view s)
{
    return fromUtf16(s, false);
}

std::string toUtf8Replacing(std::u16string_view s)
{
    return fromUtf16(s, true);
}

bool isSpace(char16_t c)
{
    switch (c) {
    case 0x09:
    case 0x0A:
    case 0x0B:
    case 0x0C:
    case 0x0D:
    case 0x20:
    case 0xA0:
    case 0x1680:
    case 0x2028:
    case 0x2029:
    case 0x202F:
    case 0x205F:
    case 0x3000:
    case 0xFEFF:
        return true;
    default:
        return c >= 0x2000 && c <= 0x200A;
    }
}

std::u16string_view trim(std::u16string_view s)
{
    size_t b = 0, e = s.size();
    while (b < e && isSpace(s[b]))
        ++b;
    while (e > b && isSpace(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

int utf16Length(std::string_view s)
{
    int n = 0;
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            ++n;
            continue;
        }
        n += Utf8::next(s, i) >= 0x10000 ? 2 : 1;
    }
    return n;
}

} // namespace porthole::JsString
