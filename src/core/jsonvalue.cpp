// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonvalue.h"

namespace porthole {

namespace {
const JsonValue::Array kEmptyArray;
const JsonValue::Object kEmptyObject;
const JsonValue kUndefined;
} // namespace

JsonValue::JsonValue(Array a) : m_type(Type::Array), m_array(std::make_shared<Array>(std::move(a)))
{}

JsonValue::JsonValue(Object o)
    : m_type(Type::Object), m_object(std::make_shared<Object>(std::move(o)))
{}

void JsonValue::detach()
{
    // Copy-on-write: values copied from one another share storage until one of them changes.
    if (m_array && m_array.use_count() > 1)
        m_array = std::make_shared<Array>(*m_array);
    if (m_object && m_object.use_count() > 1)
        m_object = std::make_shared<Object>(*m_object);
}

const JsonValue::Array& JsonValue::elements() const
{
    return m_array ? *m_array : kEmptyArray;
}

JsonValue::Array& JsonValue::elements()
{
    if (!m_array)
        m_array = std::make_shared<Array>();
    detach();
    return *m_array;
}

const JsonValue::Object& JsonValue::members() const
{
    return m_object ? *m_object : kEmptyObject;
}

JsonValue::Object& JsonValue::members()
{
    if (!m_object)
        m_object = std::make_shared<Object>();
    detach();
    return *m_object;
}

void JsonValue::push(JsonValue v)
{
    elements().push_back(std::move(v));
}

void JsonValue::set(std::string_view key, JsonValue v)
{
    auto& obj = members();
    for (auto& m : obj) {
        if (m.first == key) {
            m.second = std::move(v);
            return;
        }
    }
    obj.emplace_back(std::string(key), std::move(v));
}

void JsonValue::remove(std::string_view key)
{
    auto& obj = members();
    std::erase_if(obj, [&](const Member& m) { return m.first == key; });
}

const JsonValue* JsonValue::find(std::string_view key) const
{
    if (!m_object)
        return nullptr;
    for (const auto& m : *m_object)
        if (m.first == key)
            return &m.second;
    return nullptr;
}

const JsonValue& JsonValue::operator[](std::string_view key) const
{
    const JsonValue* v = find(key);
    return v ? *v : kUndefined;
}

bool JsonValue::operator==(const JsonValue& other) const
{
    if (m_type != other.m_type)
        return false;
    switch (m_type) {
    case Type::Undefined:
    case Type::Null:
        return true;
    case Type::Bool:
        return m_bool == other.m_bool;
    case Type::Number:
        return m_number == other.m_number;
    case Type::String:
        return m_string == other.m_string;
    case Type::Array:
        return elements() == other.elements();
    case Type::Object:
        return members() == other.members();
    }
    return false;
}

const char* JsonValue::typeName(Type t)
{
    switch (t) {
    case Type::Undefined:
        return "undefined";
    case Type::Null:
        return "null";
    case Type::Bool:
        return "boolean";
    case Type::Number:
        return "number";
    case Type::String:
        return "string";
    case Type::Array:
        return "array";
    case Type::Object:
        return "object";
    }
    return "?";
}

const char* JsonValue::typeName() const
{
    return typeName(m_type);
}

} // namespace porthole
