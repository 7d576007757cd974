// SPDX-License-Identifier: GPL-3.0-or-later
#include "jswriter.h"

#include "utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

namespace porthole::JsWriter {

std::string formatNumber(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d > 0 ? "Infinity" : "-Infinity";
    if (d == 0)
        return "0";
    char buf[64];
    // Shortest round-trip digits, as ECMAScript's Number::toString requires.
    auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string sci(buf, res.ptr);
    std::string out;
    if (sci[0] == '-') {
        out = "-";
        sci.erase(0, 1);
    }
    const auto ePos = sci.find('e');
    std::string digits;
    for (size_t i = 0; i < ePos; ++i)
        if (sci[i] != '.')
            digits += sci[i];
    const int exp10 = std::stoi(sci.substr(ePos + 1));
    const int k = int(digits.size());
    const int n = exp10 + 1; // value = 0.digits × 10^n
    if (k <= n && n <= 21) {
        out += digits + std::string(size_t(n - k), '0');
    } else if (0 < n && n <= 21) {
        out += digits.substr(0, size_t(n)) + "." + digits.substr(size_t(n));
    } else if (-6 < n && n <= 0) {
        out += "0." + std::string(size_t(-n), '0') + digits;
    } else {
        out += digits.substr(0, 1);
        if (k > 1)
            out += "." + digits.substr(1);
        out += (n - 1 >= 0) ? "e+" : "e-";
        out += std::to_string(std::abs(n - 1));
    }
    return out;
}

namespace {

void appendEscapedU(std::string& out, unsigned v)
{
    char buf[8];
    std::snprintf(buf, sizeof buf, "\\u%04x", v);
    out += buf;
}

} // namespace

void appendAscii(std::string& out, unsigned char c)
{
    switch (c) {
    case '"':
        out += "\\\"";
        break;
    case '\\':
        out += "\\\\";
        break;
    case '\b':
        out += "\\b";
        break;
    case '\f':
        out += "\\f";
        break;
    case '\n':
        out += "\\n";
        break;
    case '\r':
        out += "\\r";
        break;
    case '\t':
        out += "\\t";
        break;
    default:
        if (c < 0x20)
            appendEscapedU(out, c);
        else
            out += char(c);
    }
}

std::string quote(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            appendAscii(out, c);
            ++i;
            continue;
        }
        uint32_t cp = 0;
        const int len = Utf8::decode(s, i, cp);
        if (len == 0) {
            out += "\xEF\xBF\xBD"; // not UTF-8: what a decoder would show
            ++i;
        } else if (cp >= 0xd800 && cp <= 0xdfff) {
            appendEscapedU(out, cp); // a lone surrogate (WTF-8): well-formed stringify escapes it
            i += size_t(len);
        } else {
            out.append(s.substr(i, size_t(len)));
            i += size_t(len);
        }
    }
    out += '"';
    return out;
}

bool isArrayIndex(std::string_view key)
{
    if (key.empty() || key.size() > 10)
        return false;
    if (key.size() > 1 && key[0] == '0')
        return false;
    uint64_t v = 0;
    for (char c : key) {
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + uint64_t(c - '0');
    }
    return v < 4294967295ull;
}

std::vector<const JsonValue::Member*> orderedMembers(const JsonValue::Object& members)
{
    std::vector<const JsonValue::Member*> indexKeys, rest;
    for (const auto& m : members)
        (isArrayIndex(m.first) ? indexKeys : rest).push_back(&m);
    if (indexKeys.empty())
        return rest;
    std::stable_sort(indexKeys.begin(), indexKeys.end(), [](auto* a, auto* b) {
        return a->first.size() != b->first.size() ? a->first.size() < b->first.size()
                                                  : a->first < b->first;
    });
    indexKeys.insert(indexKeys.end(), rest.begin(), rest.end());
    return indexKeys;
}

namespace {

void write(std::string& out, const JsonValue& v, int indent, int depth)
{
    const auto newline = [&](int d) {
        if (indent > 0) {
            out += '\n';
            out.append(size_t(indent * d), ' ');
        }
    };
    switch (v.type()) {
    case JsonValue::Type::Undefined:
    case JsonValue::Type::Null:
        out += "null";
        return;
    case JsonValue::Type::Bool:
        out += v.toBool() ? "true" : "false";
        return;
    case JsonValue::Type::Number:
        out += std::isfinite(v.toNumber()) ? formatNumber(v.toNumber()) : "null";
        return;
    case JsonValue::Type::String:
        out += quote(v.toString());
        return;
    case JsonValue::Type::Array: {
        const auto& a = v.elements();
        if (a.empty()) {
            out += "[]";
            return;
        }
        out += '[';
        for (size_t i = 0; i < a.size(); ++i) {
            if (i)
                out += ',';
            newline(depth + 1);
            write(out, a[i], indent, depth + 1);
        }
        newline(depth);
        out += ']';
        return;
    }
    case JsonValue::Type::Object: {
        bool first = true;
        out += '{';
        for (const auto* m : orderedMembers(v.members())) {
            if (m->second.isUndefined())
                continue;
            if (!first)
                out += ',';
            first = false;
            newline(depth + 1);
            out += quote(m->first);
            out += indent > 0 ? ": " : ":";
            write(out, m->second, indent, depth + 1);
        }
        if (!first)
            newline(depth);
        out += '}';
        return;
    }
    }
}

} // namespace

std::string stringify(const JsonValue& value, int indent)
{
    if (value.isUndefined())
        return {};
    std::string out;
    write(out, value, indent, 0);
    return out;
}

} // namespace porthole::JsWriter
