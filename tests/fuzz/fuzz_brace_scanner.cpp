// SPDX-License-Identifier: GPL-3.0-or-later
// Property: Port's brace scanner never crashes on any string, and every span it returns is a
// real `{{ … }}` inside the string, in order and without overlap; an error names an index in
// the string.
#include "template/bracescanner.h"
#include "template/jsstring.h"

#include <cstdlib>

using namespace porthole;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::u16string s =
        JsString::toUtf16(std::string_view(reinterpret_cast<const char*>(data), size));
    const BraceScan scan = BraceScanner::scan(s);
    if (!scan.ok()) {
        if (scan.errorIndex < 0 || size_t(scan.errorIndex) >= s.size())
            std::abort();
        return 0;
    }
    int last = 0;
    for (const BraceSpan& span : scan.spans) {
        if (span.start < 2 || span.end < span.start || size_t(span.end) + 2 > s.size() ||
            span.start - 2 < last)
            std::abort();
        if (s.compare(size_t(span.start) - 2, 2, u"{{") != 0 ||
            s.compare(size_t(span.end), 2, u"}}") != 0)
            std::abort();
        last = span.end + 2;
    }
    return 0;
}
