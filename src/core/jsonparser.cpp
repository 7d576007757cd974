#include "jsonparser.h"

#include "utf8.h"

#include <cctype>
#include <charconv>
#include <cstdio>
#include <limits>
#include <unordered_map>

namespace porthole {

namespace {

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

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    JsonDocument run()
    {
        JsonDocument doc;
        if (m_text.substr(0, 3) == "\xEF\xBB\xBF") {
            SourcePos b = m_pos;
            advanceBytes(3, 1);
            warning(
                "PH1003",
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

private:
    std::string_view m_text;
    SourcePos m_pos;
    Diagnostics m_diags;
    bool m_failed = false;

    JsonDocument finish(JsonDocument& doc, std::unique_ptr<JsonNode> root)
    {
        doc.root = std::move(root);
        doc.diagnostics = std::move(m_diags);
        return std::move(doc);
    }

    bool atEnd() const { return size_t(m_pos.offset) >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[size_t(m_pos.offset)]; }

    // A one-character range at the current position (empty at the end of the file).
    SourceRange here() const
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

    void advanceBytes(int64_t bytes, int columns)
    {
        m_pos.offset += bytes;
        m_pos.column += columns;
    }

    void newline(int64_t bytes)
    {
        m_pos.offset += bytes;
        m_pos.line += 1;
        m_pos.column = 1;
    }

    void error(const char* code, std::string msg, SourceRange r, std::optional<Fix> fix = {})
    {
        m_diags.push_back({Severity::Error, code, std::move(msg), r, std::move(fix)});
        if (std::string_view(code) != "PH1002")
            m_failed = true;
    }

    void warning(const char* code, std::string msg, SourceRange r, std::optional<Fix> fix = {})
    {
        m_diags.push_back({Severity::Warning, code, std::move(msg), r, std::move(fix)});
    }

    void skipSpace()
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

    // One open array or object on the way down. The parser keeps its own stack instead of
    // recursing, so nesting depth costs heap, not the thread's stack.
    struct Frame
    {
        JsonNode* node;
        std::string where; // "the object opened at line L, column C"
    };

    bool parseScalar(JsonNode& node)
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

    // Reads `"key" :` and appends an empty member; false on a syntax error.
    bool parseMemberKey(JsonNode& obj)
    {
        const char k = peek();
        if (k != '"') {
            std::string msg = "expected a key in double quotes, found " +
                              describeChar(m_text, size_t(m_pos.offset));
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

    // Explains what was wrong after an element or member of the innermost open container.
    void reportBadSeparator(const Frame& f)
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

    bool parseValue(JsonNode& root)
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
                std::string where = std::string(obj ? "the object" : "the array") +
                                    " opened at line " + std::to_string(m_pos.line) + ", column " +
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
                          "unexpected end of the file: " + f.where + " is not closed with '" +
                              closer + "'",
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

    bool parseLiteral(JsonNode& node)
    {
        size_t start = size_t(m_pos.offset), end = start;
        while (end < m_text.size() &&
               (std::isalnum(static_cast<unsigned char>(m_text[end])) || m_text[end] == '_'))
            ++end;
        const std::string_view word = m_text.substr(start, end - start);
        SourcePos b = m_pos;
        SourcePos e = b;
        e.offset += int64_t(word.size());
        e.column += int(word.size());
        if (word == "true" || word == "false") {
            node.type = JsonValue::Type::Bool;
            node.boolean = word == "true";
        } else if (word == "null") {
            node.type = JsonValue::Type::Null;
        } else if (word.empty()) {
            const char c = peek();
            std::string msg = "expected a value, found " + describeChar(m_text, start);
            if (c == '\'')
                msg += "; JSON strings use double quotes";
            else if (c == '/')
                msg += "; JSON does not allow comments";
            error("PH1001", msg, here());
            return false;
        } else {
            std::string fix;
            std::string lower;
            for (char ch : word)
                lower += char(std::tolower(static_cast<unsigned char>(ch)));
            if (lower == "true" || lower == "false" || lower == "null")
                fix = lower;
            else if (lower == "none" || lower == "nil" || lower == "undefined")
                fix = "null";
            std::string msg = "unknown word '" + std::string(word) + "'";
            msg += fix.empty() ? "; expected a value (string, number, object, array, true, "
                                 "false or null)"
                               : "; JSON spells it " + fix;
            std::optional<Fix> f;
            if (!fix.empty())
                f = Fix{"Replace with " + fix, {b, e}, fix};
            error("PH1001", msg, {b, e}, f);
            return false;
        }
        advanceBytes(int64_t(word.size()), int(word.size()));
        return true;
    }

    bool parseNumber(JsonNode& node)
    {
        const size_t start = size_t(m_pos.offset);
        size_t i = start;
        const auto digit = [&](size_t k) {
            return k < m_text.size() && m_text[k] >= '0' && m_text[k] <= '9';
        };
        const auto fail = [&](size_t at, const std::string& why) {
            SourcePos p = m_pos;
            p.offset = int64_t(at);
            p.column += int(at - start);
            SourcePos e = p;
            if (at < m_text.size()) {
                e.offset += 1;
                e.column += 1;
            }
            error("PH1001", "invalid number: " + why, {p, e});
            return false;
        };
        if (m_text[i] == '-')
            ++i;
        if (!digit(i))
            return fail(i, "expected a digit after '-'");
        if (m_text[i] == '0' && digit(i + 1))
            return fail(i, "leading zeros are not allowed");
        while (digit(i))
            ++i;
        if (i < m_text.size() && m_text[i] == '.') {
            ++i;
            if (!digit(i))
                return fail(i, "expected a digit after the decimal point");
            while (digit(i))
                ++i;
        }
        if (i < m_text.size() && (m_text[i] == 'e' || m_text[i] == 'E')) {
            ++i;
            if (i < m_text.size() && (m_text[i] == '+' || m_text[i] == '-'))
                ++i;
            if (!digit(i))
                return fail(i, "expected a digit in the exponent");
            while (digit(i))
                ++i;
        }
        node.type = JsonValue::Type::Number;
        double d = 0;
        auto res = std::from_chars(m_text.data() + start, m_text.data() + i, d);
        if (res.ec == std::errc::result_out_of_range) {
            // JSON.parse gives ±Infinity for huge numbers and ±0 for tiny ones.
            const bool neg = m_text[start] == '-';
            bool tiny = false;
            for (size_t k = start; k < i; ++k)
                if (m_text[k] == 'e' || m_text[k] == 'E')
                    tiny = m_text[k + 1] == '-';
            d = tiny ? (neg ? -0.0 : 0.0)
                     : (neg ? -std::numeric_limits<double>::infinity()
                            : std::numeric_limits<double>::infinity());
        }
        node.number = d;
        advanceBytes(int64_t(i - start), int(i - start));
        return true;
    }

    bool readHex4(size_t at, uint32_t& v) const
    {
        if (at + 4 > m_text.size())
            return false;
        v = 0;
        for (size_t k = at; k < at + 4; ++k) {
            const char h = m_text[k];
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
        return true;
    }

    // Length of a valid UTF-8 sequence at `at`, or 0 (encoded surrogates are not UTF-8).
    int utf8Length(size_t at) const
    {
        uint32_t cp = 0;
        const int len = Utf8::decode(m_text, at, cp);
        return cp >= 0xD800 && cp <= 0xDFFF ? 0 : len;
    }

    bool parseString(std::string& out)
    {
        const SourcePos open = m_pos;
        advanceBytes(1, 1);
        while (true) {
            if (atEnd()) {
                error("PH1001", "unterminated string: the closing '\"' is missing", {open, m_pos});
                return false;
            }
            const size_t at = size_t(m_pos.offset);
            const auto c = static_cast<unsigned char>(m_text[at]);
            if (c == '"') {
                advanceBytes(1, 1);
                return true;
            }
            if (c == '\\') {
                if (!parseEscape(out))
                    return false;
                continue;
            }
            if (c < 0x20) {
                if (c == '\n' || c == '\r')
                    error("PH1001",
                          "unterminated string: a line break inside a string must be written \\n",
                          {open, m_pos});
                else
                    error("PH1001",
                          "control character " + describeChar(m_text, at) +
                              " inside a string must be escaped",
                          here());
                return false;
            }
            if (c < 0x80) {
                // Fast path for runs of plain ASCII.
                size_t end = at + 1;
                while (end < m_text.size()) {
                    const auto d = static_cast<unsigned char>(m_text[end]);
                    if (d == '"' || d == '\\' || d < 0x20 || d >= 0x80)
                        break;
                    ++end;
                }
                out.append(m_text.substr(at, end - at));
                advanceBytes(int64_t(end - at), int(end - at));
                continue;
            }
            const int len = utf8Length(at);
            if (len == 0) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "invalid UTF-8 byte 0x%02X in a string", c);
                SourcePos b = m_pos;
                SourcePos e = b;
                e.offset += 1;
                e.column += 1;
                error("PH1002", std::string(buf) + "; the file must be UTF-8 text", {b, e});
                out += "\xEF\xBF\xBD";
                advanceBytes(1, 1);
                continue;
            }
            out.append(m_text.substr(at, size_t(len)));
            advanceBytes(len, 1);
        }
    }

    bool parseEscape(std::string& out)
    {
        const SourcePos b = m_pos;
        const size_t at = size_t(m_pos.offset);
        if (at + 1 >= m_text.size()) {
            advanceBytes(1, 1);
            error("PH1001", "unterminated string: the file ends inside an escape", {b, m_pos});
            return false;
        }
        const char e = m_text[at + 1];
        const char* simple = nullptr;
        switch (e) {
        case '"':
            simple = "\"";
            break;
        case '\\':
            simple = "\\";
            break;
        case '/':
            simple = "/";
            break;
        case 'b':
            simple = "\b";
            break;
        case 'f':
            simple = "\f";
            break;
        case 'n':
            simple = "\n";
            break;
        case 'r':
            simple = "\r";
            break;
        case 't':
            simple = "\t";
            break;
        default:
            break;
        }
        if (simple) {
            out += simple;
            advanceBytes(2, 2);
            return true;
        }
        if (e != 'u') {
            SourcePos end = b;
            end.offset += 2;
            end.column += 2;
            error("PH1001",
                  "invalid escape '\\" + std::string(1, e) +
                      "' in a string; valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX",
                  {b, end});
            return false;
        }
        uint32_t cp = 0;
        if (!readHex4(at + 2, cp)) {
            SourcePos end = b;
            end.offset += 2;
            end.column += 2;
            error("PH1001", "invalid \\u escape: expected four hexadecimal digits", {b, end});
            return false;
        }
        advanceBytes(6, 6);
        if (cp >= 0xD800 && cp <= 0xDBFF && m_text.substr(at + 6, 2) == "\\u") {
            uint32_t lo = 0;
            if (readHex4(at + 8, lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                advanceBytes(6, 6);
            }
        }
        Utf8::append(out, cp); // a lone surrogate stays as WTF-8, like a JS string keeps it
        return true;
    }

    SourceRange m_lastComma;

    void warnDuplicates(const JsonNode& node)
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

    void trailingComma(char closer)
    {
        error("PH1001",
              std::string("trailing comma before '") + closer + "': JSON does not allow it",
              m_lastComma, Fix{"Remove the trailing comma", m_lastComma, ""});
    }
};

} // namespace

JsonDocument JsonParser::parse(std::string_view text)
{
    return Parser(text).run();
}

} // namespace porthole
