// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonnode.h"

#include <unordered_map>

namespace porthole {

int JsonNode::memberIndex(std::string_view key) const
{
    for (int i = int(keys.size()) - 1; i >= 0; --i)
        if (keys[size_t(i)] == key)
            return i;
    return -1;
}

const JsonNode* JsonNode::member(std::string_view key) const
{
    const int i = memberIndex(key);
    return i < 0 ? nullptr : &children[size_t(i)];
}

JsonValue JsonNode::toValue() const
{
    switch (type) {
    case JsonValue::Type::Undefined:
        return {};
    case JsonValue::Type::Null:
        return nullptr;
    case JsonValue::Type::Bool:
        return boolean;
    case JsonValue::Type::Number:
        return number;
    case JsonValue::Type::String:
        return string;
    case JsonValue::Type::Array: {
        JsonValue::Array a;
        a.reserve(children.size());
        for (const auto& c : children)
            a.push_back(c.toValue());
        return JsonValue(std::move(a));
    }
    case JsonValue::Type::Object: {
        // A hash index keeps 100,000-key objects linear; a repeated key keeps its first place.
        JsonValue::Object members;
        members.reserve(children.size());
        std::unordered_map<std::string_view, size_t> index;
        for (size_t i = 0; i < children.size(); ++i) {
            auto [it, inserted] = index.try_emplace(keys[i], members.size());
            if (inserted)
                members.emplace_back(keys[i], children[i].toValue());
            else
                members[it->second].second = children[i].toValue();
        }
        return JsonValue(std::move(members));
    }
    }
    return {};
}

} // namespace porthole
