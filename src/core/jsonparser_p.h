// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The JSON-with-positions parser's internals, shared by jsonparser.cpp (the document's
// structure: objects, arrays, separators, duplicate keys) and jsonscalars.cpp (strings, numbers,
// literals). Not part of the core library's interface: include jsonparser.h.

#include "jsonparser.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace porthole::jsonparse {

/// "the end of the file", "a line break", "byte 0x01", "'x'": what a message says was found.
std::string describeChar(std::string_view text, size_t at);

class Parser
{
public:
    explicit Parser(std::string_view text) : m_text(text) {}

    JsonDocument run();

private:
    std::string_view m_text;
    SourcePos m_pos;
    Diagnostics m_diags;
    bool m_failed = false;
    SourceRange m_lastComma; // for the trailing-comma error and its fix

    JsonDocument finish(JsonDocument& doc, std::unique_ptr<JsonNode> root);
    bool atEnd() const { return size_t(m_pos.offset) >= m_text.size(); }
    char peek() const { return atEnd() ? '\0' : m_text[size_t(m_pos.offset)]; }

    // A one-character range at the current position (empty at the end of the file).
    SourceRange here() const;

    void advanceBytes(int64_t bytes, int columns);
    void newline(int64_t bytes);
    void error(const char* code, std::string msg, SourceRange r, std::optional<Fix> fix = {});
    void warning(const char* code, std::string msg, SourceRange r, std::optional<Fix> fix = {});
    void skipSpace();

    // One open array or object on the way down. The parser keeps its own stack instead of
    // recursing, so nesting depth costs heap, not the thread's stack.
    struct Frame
    {
        JsonNode* node;
        std::string where; // "the object opened at line L, column C"
    };

    bool parseScalar(JsonNode& node);

    // Reads `"key" :` and appends an empty member; false on a syntax error.
    bool parseMemberKey(JsonNode& obj);

    // Explains what was wrong after an element or member of the innermost open container.
    void reportBadSeparator(const Frame& f);
    bool parseValue(JsonNode& root);
    bool parseLiteral(JsonNode& node);
    bool parseNumber(JsonNode& node);
    bool readHex4(size_t at, uint32_t& v) const;

    bool parseString(std::string& out);
    bool parseEscape(std::string& out);
    void warnDuplicates(const JsonNode& node);
    void trailingComma(char closer);
};

} // namespace porthole::jsonparse
