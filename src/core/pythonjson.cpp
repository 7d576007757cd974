#include "pythonjson.h"

#include "utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

namespace porthole::PythonJson {
namespace {

// Python 3.11+ refuses to convert integers longer than this (sys.int_info.default_max_str_digits),
// so json.loads fails on them; a signature over such a message cannot be checked by the agent.
constexpr size_t kMaxIntDigits = 4300;
// Deeper than CPython's default recursion limit: json.loads raises RecursionError.
constexpr int kMaxDepth = 900;

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

class Parser
{
public:
    Parser(std::string_view text, std::string* error) : m_s(text), m_error(error) {}

    std::optional<Node> run()
    {
        Node root;
        skip();
        if (!value(root, 0))
            return std::nullopt;
        skip();
        if (m_i != m_s.size())
            return fail("extra data after the JSON value");
        return root;
    }

private:
    std::string_view m_s;
    std::string* m_error;
    size_t m_i = 0;

    std::nullopt_t fail(const std::string& why)
    {
        if (m_error)
            *m_error = why + " at byte " + std::to_string(m_i);
        return std::nullopt;
    }
    bool failed(const std::string& why)
    {
        fail(why);
        return false;
    }
    void skip()
    {
        while (m_i < m_s.size() &&
               (m_s[m_i] == ' ' || m_s[m_i] == '\t' || m_s[m_i] == '\n' || m_s[m_i] == '\r'))
            ++m_i;
    }
    bool literal(std::string_view word)
    {
        if (m_s.substr(m_i, word.size()) != word)
            return false;
        m_i += word.size();
        return true;
    }

    bool value(Node& n, int depth)
    {
        if (depth > kMaxDepth)
            return failed("nested deeper than Python's json accepts");
        n.begin = m_i;
        if (m_i >= m_s.size())
            return failed("expected a value, found the end");
        const char c = m_s[m_i];
        bool ok = true;
        if (c == '{')
            ok = object(n, depth);
        else if (c == '[')
            ok = array(n, depth);
        else if (c == '"') {
            n.type = Node::Type::String;
            ok = string(n.text, &n.loneSurrogate);
        } else if (literal("null"))
            n.type = Node::Type::Null;
        else if (literal("true"))
            n.type = Node::Type::True;
        else if (literal("false"))
            n.type = Node::Type::False;
        else if (literal("NaN")) {
            n.type = Node::Type::Number;
            n.isFloat = true;
            n.text = "NaN";
        } else if (literal("Infinity") || literal("-Infinity")) {
            n.type = Node::Type::Number;
            n.isFloat = true;
            n.text = m_s[n.begin] == '-' ? "-Infinity" : "Infinity";
        } else if (c == '-' || (c >= '0' && c <= '9'))
            ok = number(n);
        else
            return failed("unexpected character");
        n.end = m_i;
        return ok;
    }

    bool number(Node& n)
    {
        const size_t start = m_i;
        const auto digits = [&] {
            const size_t from = m_i;
            while (m_i < m_s.size() && m_s[m_i] >= '0' && m_s[m_i] <= '9')
                ++m_i;
            return m_i - from;
        };
        if (m_s[m_i] == '-')
            ++m_i;
        if (m_i < m_s.size() && m_s[m_i] == '0')
            ++m_i;
        else if (digits() == 0)
            return failed("expected digits");
        const size_t intEnd = m_i;
        if (m_i < m_s.size() && m_s[m_i] == '.' && m_i + 1 < m_s.size() && m_s[m_i + 1] >= '0' &&
            m_s[m_i + 1] <= '9') {
            ++m_i;
            digits();
        }
        if (m_i < m_s.size() && (m_s[m_i] == 'e' || m_s[m_i] == 'E')) {
            const size_t save = m_i++;
            if (m_i < m_s.size() && (m_s[m_i] == '+' || m_s[m_i] == '-'))
                ++m_i;
            if (digits() == 0)
                m_i = save; // like Python's scanner: the number ends before the 'e'
        }
        n.type = Node::Type::Number;
        n.isFloat = m_i != intEnd;
        if (!n.isFloat && intEnd - start - (m_s[start] == '-') > kMaxIntDigits)
            return failed("an integer longer than Python's 4300-digit limit");
        n.text = numberSpelling(m_s.substr(start, m_i - start));
        return true;
    }

    bool hex4(uint32_t& v)
    {
        if (m_i + 4 > m_s.size())
            return false;
        v = 0;
        for (int k = 0; k < 4; ++k) {
            const char h = m_s[m_i + size_t(k)];
            v <<= 4;
            if (h >= '0' && h <= '9')
                v |= uint32_t(h - '0');
            else if (h >= 'a' && h <= 'f')
                v |= uint32_t(h - 'a' + 10);
            else if (h >= 'A' && h <= 'F')
                v |= uint32_t(h - 'A' + 10);
            else
                return false;
        }
        m_i += 4;
        return true;
    }

    bool string(std::string& out, bool* lone)
    {
        ++m_i; // the opening quote
        while (true) {
            if (m_i >= m_s.size())
                return failed("unterminated string");
            const auto c = static_cast<unsigned char>(m_s[m_i]);
            if (c == '"') {
                ++m_i;
                return true;
            }
            if (c < 0x20)
                return failed("invalid control character in a string");
            if (c >= 0x80) {
                uint32_t cp = 0;
                const int len = Utf8::decode(m_s, m_i, cp);
                if (len == 0 || (cp >= 0xD800 && cp <= 0xDFFF))
                    return failed("invalid UTF-8");
                out.append(m_s.substr(m_i, size_t(len)));
                m_i += size_t(len);
                continue;
            }
            if (c != '\\') {
                out += char(c);
                ++m_i;
                continue;
            }
            if (++m_i >= m_s.size())
                return failed("unterminated escape");
            const char e = m_s[m_i++];
            switch (e) {
            case '"':
            case '\\':
            case '/':
                out += e;
                break;
            case 'b':
                out += '\b';
                break;
            case 'f':
                out += '\f';
                break;
            case 'n':
                out += '\n';
                break;
            case 'r':
                out += '\r';
                break;
            case 't':
                out += '\t';
                break;
            case 'u': {
                uint32_t cp = 0;
                if (!hex4(cp))
                    return failed("invalid \\u escape");
                // A high surrogate followed by an escaped low one is one character (json.loads).
                if (cp >= 0xD800 && cp <= 0xDBFF && m_s.substr(m_i, 2) == "\\u") {
                    const size_t save = m_i;
                    m_i += 2;
                    uint32_t lo = 0;
                    if (hex4(lo) && lo >= 0xDC00 && lo <= 0xDFFF)
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    else
                        m_i = save;
                }
                if (cp >= 0xD800 && cp <= 0xDFFF)
                    *lone = true;
                Utf8::append(out, cp);
                break;
            }
            default:
                return failed("invalid escape");
            }
        }
    }

    bool array(Node& n, int depth)
    {
        n.type = Node::Type::Array;
        ++m_i;
        skip();
        if (m_i < m_s.size() && m_s[m_i] == ']') {
            ++m_i;
            return true;
        }
        while (true) {
            skip();
            n.children.emplace_back();
            if (!value(n.children.back(), depth + 1))
                return false;
            skip();
            if (m_i < m_s.size() && m_s[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_s.size() && m_s[m_i] == ']') {
                ++m_i;
                return true;
            }
            return failed("expected ',' or ']'");
        }
    }

    bool object(Node& n, int depth)
    {
        n.type = Node::Type::Object;
        ++m_i;
        skip();
        if (m_i < m_s.size() && m_s[m_i] == '}') {
            ++m_i;
            return true;
        }
        while (true) {
            skip();
            if (m_i >= m_s.size() || m_s[m_i] != '"')
                return failed("expected a property name in double quotes");
            const size_t keyBegin = m_i;
            std::string key;
            bool lone = false;
            if (!string(key, &lone))
                return false;
            skip();
            if (m_i >= m_s.size() || m_s[m_i] != ':')
                return failed("expected ':'");
            ++m_i;
            skip();
            Node child;
            if (!value(child, depth + 1))
                return false;
            child.loneSurrogate = child.loneSurrogate || lone;
            // A dict: a repeated key keeps its first place and takes the last value.
            if (Node* old = n.member(key)) {
                *old = std::move(child);
            } else {
                n.keys.push_back(std::move(key));
                n.children.push_back(std::move(child));
                n.keyBegins.push_back(keyBegin);
            }
            skip();
            if (m_i < m_s.size() && m_s[m_i] == ',') {
                ++m_i;
                continue;
            }
            if (m_i < m_s.size() && m_s[m_i] == '}') {
                ++m_i;
                return true;
            }
            return failed("expected ',' or '}'");
        }
    }
};

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

std::optional<Node> parse(std::string_view text, std::string* error)
{
    return Parser(text, error).run();
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
    static const char* hex = "0123456789abcdef";
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
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
            if (c < 0x20) {
                out += "\\u00";
                out += hex[c >> 4];
                out += hex[c & 15];
            } else {
                out += char(c); // ensure_ascii=False: everything else raw, DEL and U+2028 too
            }
        }
    }
    out += '"';
    return out;
}

} // namespace porthole::PythonJson
