// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonparser.h"

#include "jsonparser_p.h"

#include <cctype>
#include <cstdio>
#include <unordered_map>

namespace porthole {

namespace jsonparse {

std::string describeChar(std::string_view text, size_t at)
{
    if (at >= text.size())
        return "the end of the file";
    const auto c = static_cast<unsigned char>(text[at]);
    if (c == '\n' || c == '\r')
        return "a line break";
    if (c == '\t')
        return "a tab";
    if (c < 0x20 || c == 0x7f) {
        char buf[16];
        std::snprintf(buf, sizeof buf, "byte 0x%02X", c);
        return buf;
    }
    if (c >= 0x80)
        return "a non-ASCII character";
    return std::string("'") + char(c) + "'";
}

JsonDocument Parser::run()
{
    JsonDocument doc;
    if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
        SourcePos b = m_pos;
        advanceBytes(3, 1);
        warning("PH1003",
                "the file starts with a UTF-8 byte order mark; JSON.parse rejects it, remove it",
                {b, m_pos}, Fix{"Remove the byte order mark", {b, m_pos}, ""});
        m_pos.column = 1; // the mark is invisible: columns count from after it
    }
    skipSpace();
    if (atEnd()) {
        error("PH1005", "the file is empty; expected a JSON object", {m_pos, m_pos});
        return finish(doc, nullptr);
    }
    auto root = std::make_unique<JsonNode>();
    if (!parseValue(*root))
        return finish(doc, nullptr);
    skipSpace();
    if (!m_failed && !atEnd()) {
        error("PH1001",
              "unexpected " + describeChar(m_text, size_t(m_pos.offset)) +
                  " after the end of the JSON document",
              here());
        return finish(doc, nullptr);
    }
    return finish(doc, m_failed ? nullptr : std::move(root));
}

JsonDocument Parser::finish(JsonDocument& doc, std::unique_ptr<JsonNode> root)
{
    doc.root = std::move(root);
    doc.diagnostics = std::move(m_diags);
    return std::move(doc);
}

SourceRange Parser::here() const
{
    SourcePos e = m_pos;
    if (!atEnd()) {
        e.offset += 1;
        while (size_t(e.offset) < m_text.size() &&
               (static_cast<unsigned char>(m_text[size_t(e.offset)]) & 0xC0) == 0x80)
            ++e.offset;
        e.column += 1;
    }
    return {m_pos, e};
}

void Parser::advanceBytes(int64_t bytes, int columns)
{
    m_pos.offset += bytes;
    m_pos.column += columns;
}

void Parser::newline(int64_t bytes)
{
    m_pos.offset += bytes;
    m_pos.line += 1;
    m_pos.column = 1;
}

void Parser::error(const char* code, std::string msg, SourceRange r, std::optional<Fix> fix)
{
    m_diags.push_back({Severity::Error, code, std::move(msg), r, std::move(fix)});
    if (std::string_view(code) != "PH1002")
        m_failed = true;
}

void Parser::warning(const char* code, std::string msg, SourceRange r, std::optional<Fix> fix)
{
    m_diags.push_back({Severity::Warning, code, std::move(msg), r, std::move(fix)});
}

void Parser::skipSpace()
{
    while (!atEnd()) {
        const char c = peek();
        if (c == ' ' || c == '\t') {
            advanceBytes(1, 1);
        } else if (c == '\n') {
            newline(1);
        } else if (c == '\r') {
            // CRLF is one line break; a lone CR also ends a line for JSON.parse's purposes.
            newline(m_text.substr(size_t(m_pos.offset), 2) == "\r\n" ? 2 : 1);
        } else {
            return;
        }
    }
}

bool Parser::parseScalar(JsonNode& node)
{
    switch (peek()) {
    case '"':
        node.type = JsonValue::Type::String;
        return parseString(node.string);
    case '-':
    case '0':
    case '1':
    case '2':
    case '3':
    case '4':
    case '5':
    case '6':
    case '7':
    case '8':
    case '9':
        return parseNumber(node);
    default:
        return parseLiteral(node);
    }
}

bool Parser::parseMemberKey(JsonNode& obj)
{
    const char k = peek();
    if (k != '"') {
        std::string msg =
            "expected a key in double quotes, found " + describeChar(m_text, size_t(m_pos.offset));
        if (k == '\'')
            msg += "; JSON keys use double quotes";
        else if (k == '/')
            msg += "; JSON does not allow comments";
        else if (std::isalpha(static_cast<unsigned char>(k)) || k == '_')
            msg += "; JSON keys must be quoted";
        error("PH1001", msg, here());
        return false;
    }
    SourceRange keyRange;
    keyRange.begin = m_pos;
    std::string key;
    if (!parseString(key))
        return false;
    keyRange.end = m_pos;
    skipSpace();
    if (peek() != ':') {
        error("PH1001",
              "expected ':' after the key \"" + key + "\", found " +
                  describeChar(m_text, size_t(m_pos.offset)),
              here());
        return false;
    }
    advanceBytes(1, 1);
    skipSpace();
    if (atEnd()) {
        error("PH1001", "unexpected end of the file: expected the value of \"" + key + "\"",
              here());
        return false;
    }
    obj.children.emplace_back();
    obj.keys.push_back(std::move(key));
    obj.keyRanges.push_back(keyRange);
    return true;
}

void Parser::reportBadSeparator(const Frame& f)
{
    const JsonNode& n = *f.node;
    const bool obj = n.isObject();
    const std::string expected = obj ? "expected ',' or '}'" : "expected ',' or ']'";
    const std::string after =
        obj ? "the value of \"" + n.keys.back() + "\""
            : "element " + std::to_string(n.children.size() - 1) + " of the array";
    if (atEnd())
        error("PH1001",
              "unexpected end of the file: " + expected + " after " + after + " (" + f.where +
                  " is not closed)",
              here());
    else
        error("PH1001",
              expected + " after " + after + ", found " +
                  describeChar(m_text, size_t(m_pos.offset)),
              here());
}

bool Parser::parseValue(JsonNode& root)
{
    std::vector<Frame> stack;
    JsonNode* target = &root; // the node the next value fills
    while (true) {
        // A value starts here: a scalar, or a container that is pushed onto the stack.
        target->range.begin = m_pos;
        const char c = peek();
        if (c == '{' || c == '[') {
            if (int(stack.size()) >= JsonParser::kMaxDepth) {
                error("PH1004",
                      "nesting is deeper than " + std::to_string(JsonParser::kMaxDepth) +
                          " levels; Porthole does not read documents this deep",
                      here());
                return false;
            }
            const bool obj = c == '{';
            target->type = obj ? JsonValue::Type::Object : JsonValue::Type::Array;
            std::string where = std::string(obj ? "the object" : "the array") + " opened at line " +
                                std::to_string(m_pos.line) + ", column " +
                                std::to_string(m_pos.column);
            advanceBytes(1, 1);
            skipSpace();
            if (peek() == (obj ? '}' : ']')) {
                advanceBytes(1, 1);
                target->range.end = m_pos;
            } else if (atEnd()) {
                error("PH1001",
                      "unexpected end of the file: " + where + " is not closed with " +
                          (obj ? "'}'" : "']'"),
                      here());
                return false;
            } else {
                stack.push_back({target, std::move(where)});
                if (obj && !parseMemberKey(*target))
                    return false;
                if (!obj)
                    target->children.emplace_back();
                target = &target->children.back();
                continue;
            }
        } else {
            if (!parseScalar(*target))
                return false;
            target->range.end = m_pos;
        }

        // After a value: close finished containers until one continues with ','.
        while (true) {
            if (stack.empty())
                return true;
            Frame& f = stack.back();
            JsonNode& n = *f.node;
            const char closer = n.isObject() ? '}' : ']';
            skipSpace();
            const char next = peek();
            if (next == closer) {
                advanceBytes(1, 1);
                n.range.end = m_pos;
                if (n.isObject())
                    warnDuplicates(n);
                stack.pop_back();
                continue;
            }
            if (next != ',') {
                reportBadSeparator(f);
                return false;
            }
            m_lastComma = here();
            advanceBytes(1, 1);
            skipSpace();
            if (atEnd()) {
                error("PH1001",
                      "unexpected end of the file: " + f.where + " is not closed with '" + closer +
                          "'",
                      here());
                return false;
            }
            if (peek() == closer) {
                trailingComma(closer);
                return false;
            }
            if (n.isObject() && !parseMemberKey(n))
                return false;
            if (!n.isObject())
                n.children.emplace_back();
            target = &n.children.back();
            break;
        }
    }
}

void Parser::warnDuplicates(const JsonNode& node)
{
    if (node.keys.size() < 2)
        return;
    std::unordered_map<std::string_view, size_t> last;
    for (size_t i = 0; i < node.keys.size(); ++i)
        last[node.keys[i]] = i;
    for (size_t i = 0; i < node.keys.size(); ++i) {
        const size_t j = last[node.keys[i]];
        if (j != i)
            warning("PH1010",
                    "duplicate key \"" + node.keys[i] + "\": it is defined again at line " +
                        std::to_string(node.keyRanges[j].begin.line) +
                        " and JSON.parse keeps only the last value",
                    node.keyRanges[i]);
    }
}

void Parser::trailingComma(char closer)
{
    error("PH1001", std::string("trailing comma before '") + closer + "': JSON does not allow it",
          m_lastComma, Fix{"Remove the trailing comma", m_lastComma, ""});
}

} // namespace jsonparse

JsonDocument JsonParser::parse(std::string_view text)
{
    return jsonparse::Parser(text).run();
}

} // namespace porthole
