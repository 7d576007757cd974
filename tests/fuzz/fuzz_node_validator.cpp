// SPDX-License-Identifier: GPL-3.0-or-later
// Property: linting any bytes never crashes, diagnostics come sorted with ranges inside the
// text, and every quick fix applies to a range of the text.
#include "core/nodevalidator.h"

#include <cstdlib>

using namespace porthole;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const Diagnostics diags = NodeValidator::lint(text);
    int64_t last = 0;
    for (const auto& d : diags) {
        if (d.range.begin.offset < last || d.range.end.offset > int64_t(size))
            std::abort();
        last = d.range.begin.offset;
        if (d.fix && (d.fix->range.begin.offset < 0 || d.fix->range.end.offset > int64_t(size)))
            std::abort();
    }
    return 0;
}
