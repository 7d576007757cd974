// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagescanner_p.h"

#include "jsongrammar.h"
#include "utf8.h"

namespace porthole {

bool MessageScanner::run(MessageShape* shape)
{
    m_shape = shape;
    skipWs();
    if (m_p < m_end && *m_p == '{')
        m_shape->topObject = true;
    if (!value(0, Role::Top))
        return false;
    skipWs();
    return m_p == m_end;
}

bool MessageScanner::value(int depth, Role role)
{
    skipWs();
    if (m_p >= m_end)
        return false;
    switch (*m_p) {
    case '{':
        return object(depth + 1, role);
    case '[':
        return array(depth + 1);
    case '"':
        return string(nullptr);
    case 't':
        return literal("true");
    case 'f':
        return literal("false");
    case 'n':
        return literal("null");
    default:
        return number();
    }
}

bool MessageScanner::literal(std::string_view word)
{
    if (std::string_view(m_p, size_t(m_end - m_p)).substr(0, word.size()) != word)
        return false;
    emit(m_p, m_p + word.size());
    m_p += word.size();
    return true;
}

bool MessageScanner::number()
{
    const char* why = nullptr;
    const size_t n = JsonGrammar::numberEnd(std::string_view(m_p, size_t(m_end - m_p)), 0, &why);
    if (why)
        return false;
    emit(m_p, m_p + n);
    m_p += n;
    return true;
}

// Escapes are validated and kept as written: the output stays byte-faithful.
bool MessageScanner::string(std::string_view* raw)
{
    const char* s = m_p++;
    while (m_p < m_end) {
        const auto c = static_cast<unsigned char>(*m_p);
        if (c == '"') {
            ++m_p;
            if (raw)
                *raw = std::string_view(s + 1, size_t(m_p - s - 2));
            emit(s, m_p);
            return true;
        }
        if (c < 0x20)
            return false;
        if (c == '\\') {
            if (++m_p >= m_end)
                return false;
            if (JsonGrammar::simpleEscape(*m_p)) {
                ++m_p;
                continue;
            }
            if (*m_p != 'u' || m_end - m_p < 5)
                return false;
            for (int i = 1; i <= 4; ++i)
                if (JsonGrammar::hexDigit(m_p[i]) < 0)
                    return false;
            m_p += 5;
            continue;
        }
        if (c < 0x80) {
            ++m_p;
            continue;
        }
        const int len = Utf8::validLength(std::string_view(m_p, size_t(m_end - m_p)), 0);
        if (len == 0)
            return false;
        m_p += len;
    }
    return false;
}

bool MessageScanner::object(int depth, Role role)
{
    if (depth > kMaxDepth)
        return false;
    emit(*m_p++);
    skipWs();
    if (m_p < m_end && *m_p == '}') {
        emit(*m_p++);
        return true;
    }
    for (;;) {
        skipWs();
        std::string_view key;
        if (m_p >= m_end || *m_p != '"' || !string(&key))
            return false;
        skipWs();
        if (m_p >= m_end || *m_p != ':')
            return false;
        emit(*m_p++);
        skipWs();
        if (!member(depth, role, key))
            return false;
        skipWs();
        if (m_p >= m_end)
            return false;
        if (*m_p == '}') {
            emit(*m_p++);
            return true;
        }
        if (*m_p != ',')
            return false;
        emit(*m_p++);
    }
}

// Remembers the handful of fields classification looks at, then scans the value.
bool MessageScanner::member(int depth, Role role, std::string_view key)
{
    if (role == Role::Top) {
        if (key == "diff")
            m_shape->hasDiff = true;
        else if (key == "changelogDestination")
            m_shape->hasChangelogDestination = true;
        else if (key == "context" && m_p < m_end && *m_p == '{')
            return value(depth, Role::Context);
        else if (key == "resourceType" && m_p < m_end && *m_p == '"')
            return string(&m_shape->resourceType);
    } else if (role == Role::Context && key == "runId" && m_p < m_end && *m_p == '"') {
        return string(&m_shape->contextRunId);
    }
    return value(depth, Role::Other);
}

bool MessageScanner::array(int depth)
{
    if (depth > kMaxDepth)
        return false;
    emit(*m_p++);
    skipWs();
    if (m_p < m_end && *m_p == ']') {
        emit(*m_p++);
        return true;
    }
    for (;;) {
        if (!value(depth, Role::Other))
            return false;
        skipWs();
        if (m_p >= m_end)
            return false;
        if (*m_p == ']') {
            emit(*m_p++);
            return true;
        }
        if (*m_p != ',')
            return false;
        emit(*m_p++);
    }
}

} // namespace porthole
