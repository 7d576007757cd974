// SPDX-License-Identifier: GPL-3.0-or-later
// Property: the parser never crashes; whatever it accepts, JsWriter writes as JSON that parses
// back to the same text (JSON.stringify round trip), and positions stay inside the input.
#include "core/jsonparser.h"
#include "core/jswriter.h"

#include <cstdlib>

using namespace porthole;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    JsonDocument doc = JsonParser::parse(text);
    for (const auto& d : doc.diagnostics)
        if (d.range.begin.offset < 0 || d.range.end.offset > int64_t(size) ||
            d.range.end.offset < d.range.begin.offset || d.range.begin.column < 1)
            std::abort();
    if (!doc.ok())
        return 0;
    if (doc.root->range.end.offset > int64_t(size))
        std::abort();
    const std::string once = JsWriter::stringify(doc.root->toValue());
    JsonDocument again = JsonParser::parse(once);
    if (!again.ok())
        std::abort();
    if (JsWriter::stringify(again.root->toValue()) != once)
        std::abort();
    return 0;
}
