// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <string_view>

// RFC 8259's lexical rules shared by the JSON readers of core: JsonParser (a tree with
// positions and worded errors, for documents) and JsonScanner (one validating pass, for
// message values) accept exactly the same numbers and escapes; PythonJson's parser (json.loads'
// rules) shares the hex digits and escapes.
namespace porthole::JsonGrammar {

inline bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

/// The value of a hexadecimal digit, or -1.
inline int hexDigit(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/// Scans the number starting at s[start] ('-' or a digit). Returns where it ends, or where it
/// goes wrong with `*error` set to the reason ("expected a digit after '-'", ...).
inline size_t numberEnd(std::string_view s, size_t start, const char** error)
{
    const auto digit = [&](size_t k) { return k < s.size() && isDigit(s[k]); };
    *error = nullptr;
    size_t i = start;
    if (i < s.size() && s[i] == '-')
        ++i;
    if (!digit(i)) {
        *error = "expected a digit after '-'";
        return i;
    }
    if (s[i] == '0' && digit(i + 1)) {
        *error = "leading zeros are not allowed";
        return i;
    }
    while (digit(i))
        ++i;
    if (i < s.size() && s[i] == '.') {
        ++i;
        if (!digit(i)) {
            *error = "expected a digit after the decimal point";
            return i;
        }
        while (digit(i))
            ++i;
    }
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        if (i < s.size() && (s[i] == '+' || s[i] == '-'))
            ++i;
        if (!digit(i)) {
            *error = "expected a digit in the exponent";
            return i;
        }
        while (digit(i))
            ++i;
    }
    return i;
}

/// The simple escapes after '\': the character they stand for, or 0 for none ('u' is not one).
inline char simpleEscape(char c)
{
    switch (c) {
    case '"':
        return '"';
    case '\\':
        return '\\';
    case '/':
        return '/';
    case 'b':
        return '\b';
    case 'f':
        return '\f';
    case 'n':
        return '\n';
    case 'r':
        return '\r';
    case 't':
        return '\t';
    default:
        return 0;
    }
}

} // namespace porthole::JsonGrammar
