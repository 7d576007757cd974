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

std::string program(std::string_view body)
{
    std::string p = "def env: {}; {} as $ENV | ";
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
