// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonjson.h"
#include "jswriter.h"

#include "utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace porthole::PythonJson {
namespace {

std::string reprFloat(double d)
{
    if (std::isnan(d))
        return "NaN";
    if (std::isinf(d))
        return d < 0 ? "-Infinity" : "Infinity";
    // Shortest round-trip digits (what repr uses), then Python's layout rule (float_repr_style
    // 'short'): exponent notation when the decimal point is at <= -4 or > 16.
    char buf[64];
    const auto res = std::to_chars(buf, buf + sizeof buf, d, std::chars_format::scientific);
    std::string_view sci(buf, size_t(res.ptr - buf));
    std::string out;
    if (sci.front() == '-') {
        out += '-';
        sci.remove_prefix(1);
    }
    const size_t e = sci.find('e');
    std::string digits;
    for (char c : sci.substr(0, e))
        if (c != '.')
            digits += c;
    int exp10 = 0;
    std::from_chars(sci.data() + e + 1 + (sci[e + 1] == '+'), sci.data() + sci.size(), exp10);
    const int decpt = exp10 + 1;
    const int n = int(digits.size());
    if (decpt <= -4 || decpt > 16) {
        out += digits[0];
        if (n > 1) {
            out += '.';
            out += digits.substr(1);
        }
        char e2[16];
        std::snprintf(e2, sizeof e2, "e%c%02d", exp10 < 0 ? '-' : '+', std::abs(exp10));
        out += e2;
    } else if (decpt <= 0) {
        out += "0.";
        out.append(size_t(-decpt), '0');
        out += digits;
    } else if (decpt >= n) {
        out += digits;
        out.append(size_t(decpt - n), '0');
        out += ".0";
    } else {
        out += digits.substr(0, size_t(decpt));
        out += '.';
        out += digits.substr(size_t(decpt));
    }
    return out;
}

void write(std::string& out, const Node& n)
{
    switch (n.type) {
    case Node::Type::Null:
        out += "null";
        return;
    case Node::Type::True:
        out += "true";
        return;
    case Node::Type::False:
        out += "false";
        return;
    case Node::Type::Number:
        out += n.text;
        return;
    case Node::Type::String:
        out += quote(n.text);
        return;
    case Node::Type::Array:
        out += '[';
        for (size_t i = 0; i < n.children.size(); ++i) {
            if (i)
                out += ',';
            write(out, n.children[i]);
        }
        out += ']';
        return;
    case Node::Type::Object:
        out += '{';
        for (size_t i = 0; i < n.children.size(); ++i) {
            if (i)
                out += ',';
            out += quote(n.keys[i]);
            out += ':';
            write(out, n.children[i]);
        }
        out += '}';
        return;
    }
}

} // namespace

const Node* Node::member(std::string_view key) const
{
    for (size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key)
            return &children[i];
    return nullptr;
}

Node* Node::member(std::string_view key)
{
    return const_cast<Node*>(std::as_const(*this).member(key));
}

void Node::remove(std::string_view key)
{
    for (size_t i = 0; i < keys.size(); ++i)
        if (keys[i] == key) {
            keys.erase(keys.begin() + long(i));
            children.erase(children.begin() + long(i));
            keyBegins.erase(keyBegins.begin() + long(i));
            return;
        }
}

std::string dumps(const Node& node)
{
    std::string out;
    write(out, node);
    return out;
}

std::string numberSpelling(std::string_view literal)
{
    const bool isFloat = literal.find_first_of(".eE") != std::string_view::npos;
    if (!isFloat) {
        // Python's int: exact, and -0 is 0.
        if (literal.find_first_not_of("-0") == std::string_view::npos)
            return "0";
        return std::string(literal);
    }
    double d = 0;
    const char* first = literal.data();
    const char* last = first + literal.size();
    const auto res = std::from_chars(first, last, d);
    if (res.ec == std::errc::result_out_of_range) {
        // float() rounds to infinity or to a (signed) zero.
        const size_t e = literal.find_first_of("eE");
        const bool under =
            e != std::string_view::npos && e + 1 < literal.size() && literal[e + 1] == '-';
        const bool negative = literal.front() == '-';
        d = under ? (negative ? -0.0 : 0.0)
                  : (negative ? -std::numeric_limits<double>::infinity()
                              : std::numeric_limits<double>::infinity());
    }
    return reprFloat(d);
}

std::string quote(std::string_view s)
{
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80)
            JsWriter::appendAscii(out, c);
        else
            out += ch; // ensure_ascii=False: everything else raw, U+2028 too
    }
    out += '"';
    return out;
}

} // namespace porthole::PythonJson
