// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The message decoder's JSON pass. Private to core: include messagedecoder.h.

#include <string>
#include <string_view>

namespace porthole {

/// Facts about a message's top-level object that classification needs.
struct MessageShape
{
    bool topObject = false;
    bool hasDiff = false;
    bool hasChangelogDestination = false;
    std::string_view resourceType; ///< raw, as written between the quotes
    std::string_view contextRunId; ///< context.runId, raw
};

/// One pass over a message value: validates strict JSON (RFC 8259, UTF-8; the same grammar as
/// JsonParser through JsonGrammar and Utf8), optionally writes it without insignificant
/// whitespace (escapes and numbers byte for byte) and notes the MessageShape. JsonParser would
/// build a tree with positions and worded errors, several times slower per message (see
/// tests/bench/core), and its tree could not give back the bytes as written.
class MessageScanner
{
public:
    /// Deeper values are treated as text instead of risking the stack.
    static constexpr int kMaxDepth = 512;

    MessageScanner(std::string_view text, std::string* out)
        : m_p(text.data()), m_end(text.data() + text.size()), m_out(out)
    {}

    /// True when the whole text is one JSON value.
    bool run(MessageShape* shape);

private:
    enum class Role
    {
        Top,
        Context,
        Other
    };

    const char* m_p;
    const char* m_end;
    std::string* m_out;
    MessageShape* m_shape = nullptr;

    void skipWs()
    {
        while (m_p < m_end && (*m_p == ' ' || *m_p == '\t' || *m_p == '\n' || *m_p == '\r'))
            ++m_p;
    }
    void emit(const char* from, const char* to)
    {
        if (m_out)
            m_out->append(from, size_t(to - from));
    }
    void emit(char c)
    {
        if (m_out)
            m_out->push_back(c);
    }

    bool value(int depth, Role role);
    bool literal(std::string_view word);
    bool number();
    bool string(std::string_view* raw);
    bool object(int depth, Role role);
    bool member(int depth, Role role, std::string_view key);
    bool array(int depth);
};

} // namespace porthole
