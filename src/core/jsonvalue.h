// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace porthole {

// A JSON value with JavaScript's semantics: objects keep insertion order (JSON.stringify's
// index-like-keys-first rule is applied by JsWriter), numbers are IEEE doubles, and there is an
// `undefined` state because Port's renderer produces it. Strings are UTF-8; a lone UTF-16
// surrogate from a `\uD800` escape is kept as its 3-byte WTF-8 form so it survives a round trip.
class JsonValue
{
public:
    enum class Type
    {
        Undefined,
        Null,
        Bool,
        Number,
        String,
        Array,
        Object
    };
    using Array = std::vector<JsonValue>;
    using Member = std::pair<std::string, JsonValue>;
    using Object = std::vector<Member>;

    JsonValue() = default;
    JsonValue(std::nullptr_t) : m_type(Type::Null) {}
    JsonValue(bool b) : m_type(Type::Bool), m_bool(b) {}
    JsonValue(double d) : m_type(Type::Number), m_number(d) {}
    JsonValue(int i) : m_type(Type::Number), m_number(i) {}
    JsonValue(std::string s) : m_type(Type::String), m_string(std::move(s)) {}
    JsonValue(const char* s) : m_type(Type::String), m_string(s) {}
    JsonValue(Array a);
    JsonValue(Object o);

    static JsonValue undefined() { return {}; }
    static JsonValue array() { return JsonValue(Array{}); }
    static JsonValue object() { return JsonValue(Object{}); }

    Type type() const { return m_type; }
    bool isUndefined() const { return m_type == Type::Undefined; }
    bool isNull() const { return m_type == Type::Null; }
    bool isBool() const { return m_type == Type::Bool; }
    bool isNumber() const { return m_type == Type::Number; }
    bool isString() const { return m_type == Type::String; }
    bool isArray() const { return m_type == Type::Array; }
    bool isObject() const { return m_type == Type::Object; }

    bool toBool() const { return m_bool; }
    double toNumber() const { return m_number; }
    const std::string& toString() const { return m_string; }

    /// Array elements / object members; empty for scalars.
    const Array& elements() const;
    Array& elements();
    const Object& members() const;
    Object& members();

    /// Appends to an array.
    void push(JsonValue v);
    /// Sets an object member like a JS assignment: an existing key keeps its place.
    void set(std::string_view key, JsonValue v);
    /// Removes an object member (no-op when absent).
    void remove(std::string_view key);
    /// The member's value, or nullptr.
    const JsonValue* find(std::string_view key) const;
    /// The member's value, or undefined.
    const JsonValue& operator[](std::string_view key) const;

    bool operator==(const JsonValue& other) const;

    /// A short JS-like type name for messages: "string", "number", "array", "object", …
    const char* typeName() const;
    static const char* typeName(Type t);

private:
    Type m_type = Type::Undefined;
    bool m_bool = false;
    double m_number = 0;
    std::string m_string;
    // Shared only to keep JsonValue cheap to move around; copies deep-copy on write via set/push.
    std::shared_ptr<Array> m_array;
    std::shared_ptr<Object> m_object;
    void detach();
};

} // namespace porthole
