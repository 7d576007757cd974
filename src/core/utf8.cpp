// SPDX-License-Identifier: GPL-3.0-or-later
#include "utf8.h"

namespace porthole::Utf8 {

bool isValid(std::string_view s)
{
    for (size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const int len = validLength(s, i);
        if (len == 0)
            return false;
        i += size_t(len);
    }
    return true;
}

uint32_t next(std::string_view s, size_t& i)
{
    uint32_t cp = 0;
    const int len = decode(s, i, cp);
    if (len == 0) {
        i += 1;
        return 0xFFFD;
    }
    i += size_t(len);
    return cp;
}

void append(std::string& out, uint32_t cp)
{
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

size_t cutSequenceStart(std::string_view s)
{
    size_t lead = s.size();
    for (size_t k = 0; k < 4 && lead > 0; ++k) {
        --lead;
        const auto b = static_cast<unsigned char>(s[lead]);
        if ((b & 0xC0) != 0x80) {
            const size_t need = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return lead + need > s.size() ? lead : std::string_view::npos;
        }
    }
    return std::string_view::npos;
}

} // namespace porthole::Utf8
