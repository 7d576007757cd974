// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonformatter.h"

#include "jsonparser.h"

namespace porthole {

namespace {

void write(const JsonNode& node, std::string_view src, int indent, int depth, std::string& out)
{
    const auto pad = [&](int d) { out.append(size_t(d * indent), ' '); };
    const auto token = [&](const SourceRange& r) {
        out.append(src.substr(size_t(r.begin.offset), size_t(r.end.offset - r.begin.offset)));
    };
    if (!node.isObject() && !node.isArray()) {
        token(node.range); // the scalar exactly as written
        return;
    }
    const bool object = node.isObject();
    out += object ? '{' : '[';
    if (node.children.empty()) {
        out += object ? '}' : ']';
        return;
    }
    for (size_t i = 0; i < node.children.size(); ++i) {
        out += i ? ",\n" : "\n";
        pad(depth + 1);
        if (object) {
            token(node.keyRanges[i]);
            out += ": ";
        }
        write(node.children[i], src, indent, depth + 1, out);
    }
    out += '\n';
    pad(depth);
    out += object ? '}' : ']';
}

} // namespace

std::optional<std::string> formatJson(std::string_view text, int indent)
{
    const JsonDocument doc = JsonParser::parse(text);
    if (!doc.ok())
        return std::nullopt;
    std::string out;
    out.reserve(text.size());
    write(*doc.root, text, indent, 0, out);
    out += '\n';
    return out;
}

} // namespace porthole
