// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosticformat.h"

namespace porthole::DiagnosticFormat {

std::string text(const std::string& file, const Diagnostics& diagnostics)
{
    std::string out;
    for (const auto& d : diagnostics) {
        out += file + ":" + std::to_string(d.range.begin.line) + ":" +
               std::to_string(d.range.begin.column) + ": " + severityName(d.severity) + ": " +
               d.message + "\n";
    }
    return out;
}

JsonValue json(const std::string& file, const Diagnostics& diagnostics)
{
    JsonValue arr = JsonValue::array();
    for (const auto& d : diagnostics) {
        JsonValue o = JsonValue::object();
        o.set("file", file);
        o.set("line", d.range.begin.line);
        o.set("column", d.range.begin.column);
        o.set("endLine", d.range.end.line);
        o.set("endColumn", d.range.end.column);
        o.set("severity", severityName(d.severity));
        o.set("code", d.code);
        o.set("message", d.message);
        if (d.fix) {
            JsonValue f = JsonValue::object();
            f.set("title", d.fix->title);
            f.set("line", d.fix->range.begin.line);
            f.set("column", d.fix->range.begin.column);
            f.set("endLine", d.fix->range.end.line);
            f.set("endColumn", d.fix->range.end.column);
            f.set("offset", double(d.fix->range.begin.offset));
            f.set("endOffset", double(d.fix->range.end.offset));
            f.set("replacement", d.fix->replacement);
            o.set("fix", std::move(f));
        }
        arr.push(std::move(o));
    }
    return arr;
}

} // namespace porthole::DiagnosticFormat
