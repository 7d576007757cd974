// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqquirks.h"

namespace porthole::JqQuirks {

bool exponentLikeField(std::string_view name)
{
    if (name.size() < 2 || (name[0] != 'e' && name[0] != 'E'))
        return false;
    for (size_t i = 1; i < name.size(); ++i)
        if (!digit(name[i]))
            return false;
    return true;
}

std::string indexExponentFields(std::string_view e)
{
    std::string out;
    bool changed = false;
    size_t copied = 0;
    int depth = 0; // string nesting: "…\(…"…"…)…"
    bool inString = false;
    for (size_t i = 0; i < e.size(); ++i) {
        const char c = e[i];
        if (inString) {
            if (c == '\\' && i + 1 < e.size() && e[i + 1] == '(') {
                inString = false; // an interpolation: code again until its ')'
                ++depth;
                ++i;
            } else if (c == '\\') {
                ++i;
            } else if (c == '"') {
                inString = false;
            }
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c == ')' && depth > 0) {
            // The end of an interpolation (a bracket inside it balances first; approximate).
            --depth;
            inString = true;
            continue;
        }
        if (c != '.' || (i > 0 && e[i - 1] == '.'))
            continue;
        size_t end = i + 1;
        while (end < e.size() && identChar(e[end]))
            ++end;
        if (!exponentLikeField(e.substr(i + 1, end - i - 1)))
            continue;
        // After a term (`.a`, `]`, `)`, `?`) the index follows it directly: `.a["e2"]`, since
        // `.a.["e2"]` is jq 1.7 only. A number's `1.e5` is a number: left alone.
        size_t word = i;
        while (word > 0 && identChar(e[word - 1]))
            --word;
        if (word < i && digit(e[word]) && (word == 0 || e[word - 1] != '.'))
            continue;
        const bool afterTerm = i > 0 && (identChar(e[i - 1]) || e[i - 1] == ']' ||
                                         e[i - 1] == ')' || e[i - 1] == '?' || e[i - 1] == '"');
        out.append(e.substr(copied, i - copied));
        out += afterTerm ? "[\"" : ".[\"";
        out.append(e.substr(i + 1, end - i - 1));
        out += "\"]";
        copied = end;
        changed = true;
        i = end - 1;
    }
    if (!changed)
        return {};
    out.append(e.substr(copied));
    return out;
}

} // namespace porthole::JqQuirks
