// SPDX-License-Identifier: GPL-3.0-or-later
// The parser of the shortcut subset (jqshortcut.cpp): a recursive descent over a small model
// of jq 1.6's lexer and grammar. It accepts only text jq reads the same way; on anything else,
// or anything unsure, it fails and the body goes to jq.
#include "jqshortcutparse.h"

#include "jqquirks.h"

#include <charconv>

namespace porthole::jqinternal {

using JqQuirks::digit;
using JqQuirks::identChar;
using JqQuirks::identStart;

namespace {

constexpr int kMaxDepth = 32; // deeper nesting is left to jq (and its parser's own limits)

// A recursive-descent parser for the subset. It accepts only text jq 1.6's grammar reads the
// same way; on anything else it fails and the body goes to jq.
class Parser
{
public:
    explicit Parser(std::string_view s) : m_s(s) {}

    std::optional<Node> whole()
    {
        auto n = expression(0);
        space();
        if (!n || m_p != m_s.size())
            return std::nullopt;
        return n;
    }

private:
    std::string_view m_s;
    size_t m_p = 0;

    char at(size_t i) const { return i < m_s.size() ? m_s[i] : '\0'; }

    // jq 1.6's lexer skips exactly these (not \r, \f or \v: they are syntax errors there).
    void space()
    {
        while (m_p < m_s.size() && (m_s[m_p] == ' ' || m_s[m_p] == '\n' || m_s[m_p] == '\t'))
            ++m_p;
    }

    // A keyword or IDENT-like word at m_p, ending where jq's IDENT would end (`if::x` and
    // `ifx` are other tokens).
    bool word(std::string_view w)
    {
        space();
        if (m_s.substr(m_p, w.size()) != w)
            return false;
        const char next = at(m_p + w.size());
        if (identChar(next) || next == ':')
            return false;
        m_p += w.size();
        return true;
    }

    // "text" without escapes or interpolation: jq makes it jv_string_sized of the raw bytes.
    std::optional<std::string> string()
    {
        const size_t close = m_s.find('"', m_p + 1);
        if (close == std::string_view::npos)
            return std::nullopt;
        std::string text(m_s.substr(m_p + 1, close - m_p - 1));
        if (text.find('\\') != std::string::npos)
            return std::nullopt;
        m_p = close + 1;
        return text;
    }

    // Digits with an optional fraction: jq's lexer reads the same number (correctly rounded).
    std::optional<double> number()
    {
        const size_t from = m_p;
        while (digit(at(m_p)))
            ++m_p;
        if (m_p - from > 64)
            return std::nullopt;
        if (at(m_p) == '.' && digit(at(m_p + 1))) {
            ++m_p;
            while (digit(at(m_p)))
                ++m_p;
        }
        const char next = at(m_p);
        if (m_p == from || next == '.' || next == 'e' || next == 'E' || identChar(next))
            return std::nullopt;
        double v = 0;
        const auto r = std::from_chars(m_s.data() + from, m_s.data() + m_p, v);
        if (r.ec != std::errc() || r.ptr != m_s.data() + m_p)
            return std::nullopt;
        return v;
    }

    // jq 1.6: `.`, FIELD (`.name`), `."key"`, then FIELD, `."key"` or `[Exp]` steps, no spaces
    // (`.a.[0]` and `..` are not paths there; `.5` is a number).
    std::optional<Node> path()
    {
        Node n;
        n.kind = Node::Kind::Path;
        bool first = true;
        while (m_p < m_s.size()) {
            const char c = m_s[m_p];
            if (c == '.') {
                const char next = at(m_p + 1);
                if (identStart(next)) {
                    size_t q = m_p + 1;
                    while (identChar(at(q)))
                        ++q;
                    const std::string_view name = m_s.substr(m_p + 1, q - m_p - 1);
                    if (JqQuirks::exponentLikeField(name)) // `.e21` is a number to jq 1.6
                        return std::nullopt;
                    n.steps.emplace_back(std::string(name));
                    m_p = q;
                } else if (next == '"') {
                    ++m_p;
                    auto key = string();
                    if (!key)
                        return std::nullopt;
                    n.steps.emplace_back(std::move(*key));
                } else if (first && next != '.' && !digit(next)) {
                    ++m_p; // `.` itself, perhaps followed by `[…]`
                } else {
                    return std::nullopt;
                }
            } else if (c == '[' && !first) {
                ++m_p;
                if (at(m_p) == '"') {
                    auto key = string();
                    if (!key)
                        return std::nullopt;
                    n.steps.emplace_back(std::move(*key));
                } else {
                    const size_t from = m_p;
                    while (digit(at(m_p)))
                        ++m_p;
                    if (m_p == from || m_p - from > 9)
                        return std::nullopt;
                    double index = 0;
                    std::from_chars(m_s.data() + from, m_s.data() + m_p, index);
                    n.steps.emplace_back(index);
                }
                if (at(m_p) != ']')
                    return std::nullopt;
                ++m_p;
            } else {
                break;
            }
            first = false;
        }
        // What may follow a path in the subset: space, `//`, `)` or the end. Anything else
        // (`?`, `|`, `+`, a FIELD after a space…) is jq's.
        const char next = at(m_p);
        if (next != '\0' && next != ' ' && next != '\n' && next != '\t' && next != '/' &&
            next != ')')
            return std::nullopt;
        return n;
    }

    std::optional<Node> primary(int depth)
    {
        space();
        const char c = at(m_p);
        if (c == '.')
            return path();
        if (c == '"') {
            auto s = string();
            if (!s)
                return std::nullopt;
            Node n;
            n.kind = Node::Kind::String;
            n.text = std::move(*s);
            return n;
        }
        if (digit(c)) {
            auto v = number();
            if (!v)
                return std::nullopt;
            Node n;
            n.kind = Node::Kind::Number;
            n.number = *v;
            return n;
        }
        if (c == '(') {
            ++m_p;
            auto n = expression(depth + 1);
            space();
            if (!n || at(m_p) != ')')
                return std::nullopt;
            ++m_p;
            return n;
        }
        Node n;
        if (word("null"))
            n.kind = Node::Kind::Null;
        else if (word("true"))
            n.kind = Node::Kind::True;
        else if (word("false"))
            n.kind = Node::Kind::False;
        else if (word("if"))
            return conditional(depth);
        else
            return std::nullopt;
        return n;
    }

    // `if C then A (elif C then A)* else B end` (jq 1.6 requires the else).
    std::optional<Node> conditional(int depth)
    {
        Node n;
        n.kind = Node::Kind::If;
        for (;;) {
            auto cond = expression(depth + 1);
            if (!cond || !word("then"))
                return std::nullopt;
            auto then = expression(depth + 1);
            if (!then)
                return std::nullopt;
            n.kids.push_back(std::move(*cond));
            n.kids.push_back(std::move(*then));
            if (word("elif"))
                continue;
            if (!word("else"))
                return std::nullopt;
            auto otherwise = expression(depth + 1);
            if (!otherwise || !word("end"))
                return std::nullopt;
            n.kids.push_back(std::move(*otherwise));
            return n;
        }
    }

    // primary (`//` expression)?: `//` is right-associative, and `//=` is another operator.
    std::optional<Node> expression(int depth)
    {
        if (depth > kMaxDepth)
            return std::nullopt;
        auto a = primary(depth);
        if (!a)
            return std::nullopt;
        space();
        if (at(m_p) != '/')
            return a;
        if (at(m_p + 1) != '/' || at(m_p + 2) == '=')
            return std::nullopt;
        m_p += 2;
        auto b = expression(depth + 1);
        if (!b)
            return std::nullopt;
        Node n;
        n.kind = Node::Kind::Alt;
        n.kids.push_back(std::move(*a));
        n.kids.push_back(std::move(*b));
        return n;
    }
};

} // namespace

std::optional<Node> parseShortcut(std::string_view body)
{
    // jq_compile reads a C string: a NUL ends the program there (JqFilter::body cuts at it).
    if (body.size() > 4096 || body.find('\0') != std::string_view::npos)
        return std::nullopt;
    return Parser(body).whole();
}

} // namespace porthole::jqinternal
