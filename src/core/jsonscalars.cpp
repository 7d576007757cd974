// SPDX-License-Identifier: GPL-3.0-or-later
// Strings (escapes, surrogates, UTF-8 checks), numbers and literals of the JSON parser.
#include "jsonparser_p.h"

#include "jsongrammar.h"
#include "utf8.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <limits>

namespace porthole::jsonparse {

bool Parser::parseLiteral(JsonNode& node)
{
    size_t start = size_t(m_pos.offset), end = start;
    while (end < m_text.size() &&
           (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
        ++end;
    const std::string_view word = m_text.substr(start, end - start);
    SourcePos b = m_pos;
    SourcePos e = b;
    e.offset += int64_t(word.size());
    e.column += int(word.size());
    if (word == "true" || word == "false") {
        node.type = JsonValue::Type::Bool;
        node.boolean = word == "true";
    } else if (word == "null") {
        node.type = JsonValue::Type::Null;
    } else if (word.empty()) {
        const char c = peek();
        std::string msg = "expected a value, found " + describeChar(m_text, start);
        if (c == '\'')
            msg += "; JSON strings use double quotes";
        else if (c == '/')
            msg += "; JSON does not allow comments";
        error("PH1001", msg, here());
        return false;
    } else {
        std::string fix;
        std::string lower;
        for (char ch : word)
            lower += char(std::tolower(static_cast<unsigned char>(ch)));
        if (lower == "true" || lower == "false" || lower == "null")
            fix = lower;
        else if (lower == "none" || lower == "nil" || lower == "undefined")
            fix = "null";
        std::string msg = "unknown word '" + std::string(word) + "'";
        msg += fix.empty() ? "; expected a value (string, number, object, array, true, "
                             "false or null)"
                           : "; JSON spells it " + fix;
        std::optional<Fix> f;
        if (!fix.empty())
            f = Fix{"Replace with " + fix, {b, e}, fix};
        error("PH1001", msg, {b, e}, f);
        return false;
    }
    advanceBytes(int64_t(word.size()), int(word.size()));
    return true;
}

bool Parser::parseNumber(JsonNode& node)
{
    const size_t start = size_t(m_pos.offset);
    const auto fail = [&](size_t at, const std::string& why) {
        SourcePos p = m_pos;
        p.offset = int64_t(at);
        p.column += int(at - start);
        SourcePos e = p;
        if (at < m_text.size()) {
            e.offset += 1;
            e.column += 1;
        }
        error("PH1001", "invalid number: " + why, {p, e});
        return false;
    };
    const char* why = nullptr;
    const size_t i = JsonGrammar::numberEnd(m_text, start, &why);
    if (why)
        return fail(i, why);
    node.type = JsonValue::Type::Number;
    double d = 0;
    auto res = std::from_chars(m_text.data() + start, m_text.data() + i, d);
    if (res.ec == std::errc::result_out_of_range) {
        // JSON.parse gives ±Infinity for huge numbers and ±0 for tiny ones.
        const bool neg = m_text[start] == '-';
        bool tiny = false;
        for (size_t k = start; k < i; ++k)
            if (m_text[k] == 'e' || m_text[k] == 'E')
                tiny = m_text[k + 1] == '-';
        d = tiny ? (neg ? -0.0 : 0.0)
                 : (neg ? -std::numeric_limits<double>::infinity()
                        : std::numeric_limits<double>::infinity());
    }
    node.number = d;
    advanceBytes(int64_t(i - start), int(i - start));
    return true;
}

bool Parser::readHex4(size_t at, uint32_t& v) const
{
    if (at + 4 > m_text.size())
        return false;
    v = 0;
    for (size_t k = at; k < at + 4; ++k) {
        const int h = JsonGrammar::hexDigit(m_text[k]);
        if (h < 0)
            return false;
        v = (v << 4) | uint32_t(h);
    }
    return true;
}

bool Parser::parseString(std::string& out)
{
    const SourcePos open = m_pos;
    advanceBytes(1, 1);
    while (true) {
        if (atEnd()) {
            error("PH1001", "unterminated string: the closing '\"' is missing", {open, m_pos});
            return false;
        }
        const size_t at = size_t(m_pos.offset);
        const auto c = static_cast<unsigned char>(m_text[at]);
        if (c == '"') {
            advanceBytes(1, 1);
            return true;
        }
        if (c == '\\') {
            if (!parseEscape(out))
                return false;
            continue;
        }
        if (c < 0x20) {
            if (c == '\n' || c == '\r')
                error("PH1001",
                      "unterminated string: a line break inside a string must be written \\n",
                      {open, m_pos});
            else
                error("PH1001",
                      "control character " + describeChar(m_text, at) +
                          " inside a string must be escaped",
                      here());
            return false;
        }
        if (c < 0x80) {
            // Fast path for runs of plain ASCII.
            size_t end = at + 1;
            while (end < m_text.size()) {
                const auto d = static_cast<unsigned char>(m_text[end]);
                if (d == '"' || d == '\\' || d < 0x20 || d >= 0x80)
                    break;
                ++end;
            }
            out.append(m_text.substr(at, end - at));
            advanceBytes(int64_t(end - at), int(end - at));
            continue;
        }
        const int len = Utf8::validLength(m_text, at);
        if (len == 0) {
            char buf[64];
            std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X in a string", c);
            SourcePos b = m_pos;
            SourcePos e = b;
            e.offset += 1;
            e.column += 1;
            error("PH1002", std::string(buf) + "; the file must be UTF-8 text", {b, e});
            out += "\xEF\xBF\xBD";
            advanceBytes(1, 1);
            continue;
        }
        out.append(m_text.substr(at, size_t(len)));
        advanceBytes(len, 1);
    }
}

bool Parser::parseEscape(std::string& out)
{
    const SourcePos b = m_pos;
    const size_t at = size_t(m_pos.offset);
    if (at + 1 >= m_text.size()) {
        advanceBytes(1, 1);
        error("PH1001", "unterminated string: the file ends inside an escape", {b, m_pos});
        return false;
    }
    const char e = m_text[at + 1];
    if (const char simple = JsonGrammar::simpleEscape(e)) {
        out += simple;
        advanceBytes(2, 2);
        return true;
    }
    if (e != 'u') {
        SourcePos end = b;
        end.offset += 2;
        end.column += 2;
        error("PH1001",
              "invalid escape '\\" + std::string(1, e) +
                  "' in a string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
              {b, end});
        return false;
    }
    uint32_t cp = 0;
    if (!readHex4(at + 2, cp)) {
        SourcePos end = b;
        end.offset += 2;
        end.column += 2;
        error("PH1001", "invalid \\u escape: expected four hexadecimal digits", {b, end});
        return false;
    }
    advanceBytes(6, 6);
    if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(at + 6, 2) == "\\u") {
        uint32_t lo = 0;
        if (readHex4(at + 8, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            advanceBytes(6, 6);
        }
    }
    Utf8::append(out, cp); // a lone surrogate stays as WTF-8, like a JS string keeps it
    return true;
}

} // namespace porthole::jsonparse
