// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqfilter.h"

#include "jsstring.h"

#include <vector>

namespace porthole::JqFilter {

std::u16string rewriteQuotes(std::u16string_view s)
{
    // A hand-run of the global regex: at each position try the first alternative, then the
    // second; a match is replaced and scanning continues after it. Look-arounds see the
    // original text, as in JavaScript.
    std::u16string out;
    out.reserve(s.size());
    const size_t n = s.size();
    auto space = [&](size_t i) { return i < n && JsString::isSpace(s[i]); };
    auto lookaheadOk = [&](size_t i) {
        return !(i < n && (JsString::isSpace(s[i]) || s[i] == u'"'));
    };
    size_t p = 0;
    while (p < n) {
        // Alternative 1: (^|\s)'(?!\s|")
        if (p == 0 && s[0] == u'\'' && lookaheadOk(1)) {
            out += u'"';
            p = 1;
            continue;
        }
        if (space(p) && p + 1 < n && s[p + 1] == u'\'' && lookaheadOk(p + 2)) {
            out += s[p];
            out += u'"';
            p += 2;
            continue;
        }
        // Alternative 2: (?<!\s|")'(\s|$)
        if (s[p] == u'\'' && !(p > 0 && (JsString::isSpace(s[p - 1]) || s[p - 1] == u'"'))) {
            if (p + 1 == n) {
                out += u'"';
                p += 1;
                continue;
            }
            if (space(p + 1)) {
                out += u'"';
                out += s[p + 1];
                p += 2;
                continue;
            }
        }
        out += s[p];
        ++p;
    }
    return out;
}

std::string body(std::u16string_view expression)
{
    std::string utf8 = JsString::toUtf8Replacing(rewriteQuotes(expression));
    if (const auto nul = utf8.find('\0'); nul != std::string::npos)
        utf8.resize(nul);
    return utf8;
}

const std::string& prelude()
{
    // Debian patches jq 1.6 where Port's bundled snapshot is unpatched (found by the oracle test):
    // - implode: the snapshot writes a surrogate code point as three bytes that JavaScript
    //   decodes to three U+FFFD; Debian substitutes one U+FFFD.
    // - tonumber/fromjson: the snapshot's parser rejects the literal `nan`; Debian's accepts it.
    //   Only a `nan` literal can make either produce NaN, so a NaN result means Port errs.
    // Everything stays on one line so compile errors keep naming the body's own line numbers.
    static const std::string text =
        "def _ph_implode: implode; "
        "def implode: (if type == \"array\" then map(if type == \"number\" and . >= 55296 and "
        ". <= 57343 then (65533, 65533, 65533) else . end) else . end) | _ph_implode; "
        "def _ph_tonumber: tonumber; "
        "def tonumber: _ph_tonumber as $n | if type == \"string\" and ($n | isnan) then "
        "error(\"Invalid literal at EOF at line 1, column \\(length) (while parsing '\\(.)')\") "
        "else $n end; "
        "def _ph_fromjson: fromjson; "
        "def fromjson: _ph_fromjson as $v | if ([$v | .. | numbers | select(isnan)] | length) > 0 "
        "then error(\"Invalid literal (while parsing '\\(.)')\") else $v end; "
        "def env: {}; {} as $ENV | ";
    return text;
}

std::string program(std::string_view body)
{
    std::string p = prelude();
    p += body;
    return p;
}

bool batchable(std::string_view b)
{
    // A small model of jq 1.6's lexer: strings with \( interpolation, brackets, comments.
    std::vector<char> stack; // '(' '[' '{' or 'i' (an interpolation inside a string)
    bool inString = false;
    for (size_t i = 0; i < b.size(); ++i) {
        const char c = b[i];
        if (inString) {
            if (c == '\\') {
                if (i + 1 < b.size() && b[i + 1] == '(') {
                    stack.push_back('i');
                    inString = false;
                }
                ++i;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        switch (c) {
        case '"':
            inString = true;
            break;
        case '#':
            return false;
        case '(':
        case '[':
        case '{':
            stack.push_back(c);
            break;
        case ')':
            if (stack.empty())
                return false;
            if (stack.back() == 'i')
                inString = true;
            else if (stack.back() != '(')
                return false;
            stack.pop_back();
            break;
        case ']':
        case '}':
            if (stack.empty() || stack.back() != (c == ']' ? '[' : '{'))
                return false;
            stack.pop_back();
            break;
        case '$':
            if (b.substr(i, 8) == "$__loc__")
                return false;
            break;
        default:
            break;
        }
    }
    return !inString && stack.empty();
}

} // namespace porthole::JqFilter
