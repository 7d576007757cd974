// SPDX-License-Identifier: GPL-3.0-or-later
#include "bracescanner.h"

namespace porthole::BraceScanner {

// A line-by-line port of findInsideDoubleBracesIndices from Port's renderer: the quirks
// (a backslash skips a character only inside braces, a third brace stays in the text,
// `insideDoubleBracesStart` is an index and never 0) are what makes outputs byte-identical.
BraceScan scan(std::u16string_view s)
{
    BraceScan out;
    char16_t wrappingQuote = 0;
    int inside = 0; // insideDoubleBracesStart; 0 means null (a real start is always >= 2)
    const int n = int(s.size());
    auto at = [&](int i) -> char16_t { return i >= 0 && i < n ? s[size_t(i)] : char16_t(0); };
    for (int i = 0; i < n; ++i) {
        const char16_t c = s[size_t(i)];
        if (inside && c == u'\\')
            i += 1;
        if (inside && (c == u'"' || c == u'\'')) {
            if (!wrappingQuote)
                wrappingQuote = c;
            else if (wrappingQuote == c)
                wrappingQuote = 0;
        } else if (!wrappingQuote && c == u'{' && i > 0 && at(i - 1) == u'{') {
            if (inside) {
                out.errorIndex = i - 1;
                out.error = "Found double braces in index " + std::to_string(i - 1) +
                            " inside other one in index " + std::to_string(inside - 2);
                out.spans.clear();
                return out;
            }
            inside = i + 1;
            if (at(i + 1) == u'{')
                i += 1;
        } else if (!wrappingQuote && c == u'}' && i > 0 && at(i - 1) == u'}') {
            if (inside) {
                out.spans.push_back({inside, i - 1});
                inside = 0;
                if (at(i + 1) == u'}')
                    i += 1;
            } else {
                out.errorIndex = i - 1;
                out.error = "Found closing double braces in index " + std::to_string(i - 1) +
                            " without opening double braces";
                out.spans.clear();
                return out;
            }
        }
    }
    if (inside) {
        out.errorIndex = inside - 2;
        out.error = "Found opening double braces in index " + std::to_string(inside - 2) +
                    " without closing double braces";
        out.spans.clear();
    }
    return out;
}

} // namespace porthole::BraceScanner
