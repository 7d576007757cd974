// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

// JSON as Python's `json` module reads and writes it, because Port's execution agent verifies
// a message's signature over `json.dumps(json.loads(text), separators=(",", ":"),
// ensure_ascii=False)`. Unlike JsonValue (JavaScript's view) it keeps integers exact (Python's
// int), spells floats like Python's repr (`1e-05`, `1.0`, `-0.0`) and accepts NaN/Infinity
// like json.loads. Every node remembers its byte range in the source, so a signer can splice
// headers into the original text instead of re-writing its numbers.
namespace PythonJson {

struct Node
{
    enum class Type
    {
        Null,
        True,
        False,
        Number,
        String,
        Array,
        Object
    };
    Type type = Type::Null;
    std::string text;              ///< a number in Python's spelling; a string's decoded UTF-8
    bool isFloat = false;          ///< a number json.loads reads as float
    bool loneSurrogate = false;    ///< a string holding a lone UTF-16 surrogate (WTF-8 bytes)
    std::vector<std::string> keys; ///< object keys (dict semantics: duplicates merged)
    std::vector<Node> children;    ///< array elements or object member values
    std::vector<size_t> keyBegins; ///< source offset of each member's key (its quote)
    size_t begin = 0, end = 0;     ///< source range of the value

    /// The member with this key, or nullptr.
    const Node* member(std::string_view key) const;
    Node* member(std::string_view key);
    /// Removes a member (no-op when absent), like `del d[key]`.
    void remove(std::string_view key);
};

/// Parses like json.loads (strict JSON plus NaN/Infinity/-Infinity, UTF-8 input). On failure
/// returns nullopt and sets `error` to the reason with its byte offset.
std::optional<Node> parse(std::string_view text, std::string* error);

/// json.dumps(node, separators=(",", ":"), ensure_ascii=False), as UTF-8 bytes.
std::string dumps(const Node& node);

/// Python's spelling of a JSON number literal after json.loads: ints exact ("-0" is "0"),
/// floats as repr ("0.00001" is "1e-05", "1e21" is "1e+21", "1E400" is "Infinity").
std::string numberSpelling(std::string_view literal);

/// A string body as json.dumps writes it with ensure_ascii=False (quotes included).
std::string quote(std::string_view utf8);

} // namespace PythonJson
} // namespace porthole
