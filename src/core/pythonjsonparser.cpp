// SPDX-License-Identifier: GPL-3.0-or-later
#include "pythonjson.h"

#include "jsongrammar.h"
#include "utf8.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <limits>
#include <utility>

// PythonJson::parse: json.loads' rules (see pythonjson.h); the writer is pythonjson.cpp.
namespace porthole::PythonJson {
namespace {

// Python 3.11+ refuses to convert integers longer than this (sys.int_info.default_max_str_digits),
// so json.loads fails on them; a signature over such a message cannot be checked by the agent.
constexpr size_t kMaxIntDigits = 4300;
// Deeper than CPython's default recursion limit: json.loads raises RecursionError.
constexpr int kMaxDepth = 900;

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
        for (size_t k = 0; k < 4; ++k) {
            const int d = JsonGrammar::hexDigit(m_s[m_i + k]);
            if (d < 0)
                return false;
            v = (v << 4) | uint32_t(d);
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
            if (const char simple = JsonGrammar::simpleEscape(e)) {
                out += simple;
                continue;
            }
            if (e != 'u')
                return failed("invalid escape");
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

} // namespace

std::optional<Node> parse(std::string_view text, std::string* error)
{
    return Parser(text, error).run();
}

} // namespace porthole::PythonJson
