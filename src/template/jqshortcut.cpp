// SPDX-License-Identifier: GPL-3.0-or-later
// Expressions answered without compiling jq. jq 1.6 parses and binds its ~200 builtins on every
// jq_compile (15-25 ms, whatever the program), and most of Port's templates are plain paths
// (`.inputs.region`), literals, `//` defaults and `if … then … else … end` over them. Those are
// evaluated here with jq's own jv_get on the same parsed context, so every value and error is
// the one jq's INDEX instruction would give. Anything else, or anything unsure, is left to jq.
#include "jqshortcut.h"

#include "jqinternal.h"
#include "jqshortcutparse.h"

namespace porthole::jqinternal {

namespace {

bool truthy(jv v)
{
    const jv_kind k = jv_get_kind(v);
    return k != JV_KIND_FALSE && k != JV_KIND_NULL;
}

// The node's single output against `dot` (borrowed); an invalid jv carries jq's error.
jv run(const Node& n, jv dot)
{
    switch (n.kind) {
    case Node::Kind::Path: {
        jv v = jv_copy(dot);
        for (const auto& step : n.steps) {
            jv key = std::holds_alternative<std::string>(step)
                         ? jv_string_sized(std::get<std::string>(step).data(),
                                           int(std::get<std::string>(step).size()))
                         : jv_number(std::get<double>(step));
            v = jv_get(v, key); // jq's INDEX instruction: the same value or error
            if (!jv_is_valid(v))
                return v;
        }
        return v;
    }
    case Node::Kind::String:
        return jv_string_sized(n.text.data(), int(n.text.size()));
    case Node::Kind::Number:
        return jv_number(n.number);
    case Node::Kind::Null:
        return jv_null();
    case Node::Kind::True:
        return jv_true();
    case Node::Kind::False:
        return jv_false();
    case Node::Kind::If: {
        size_t i = 0;
        for (; i + 1 < n.kids.size(); i += 2) {
            jv cond = run(n.kids[i], dot);
            if (!jv_is_valid(cond))
                return cond; // an error in a condition is the expression's error
            const bool yes = truthy(cond);
            jv_free(cond);
            if (yes)
                return run(n.kids[i + 1], dot);
        }
        return run(n.kids[i], dot);
    }
    case Node::Kind::Alt: {
        // jq 1.6's definedor forks without catching: an error in a is the expression's error
        // (jq 1.7 swallows it); false and null are skipped for b.
        jv a = run(n.kids[0], dot);
        if (!jv_is_valid(a) || truthy(a))
            return a;
        jv_free(a);
        return run(n.kids[1], dot);
    }
    }
    return jv_invalid();
}

} // namespace

std::optional<jv> shortcut(std::string_view body, jv context)
{
    const auto node = parseShortcut(body);
    if (!node)
        return std::nullopt;
    return run(*node, context);
}

} // namespace porthole::jqinternal

namespace porthole::JqShortcut {

bool covers(std::string_view body)
{
    return jqinternal::parseShortcut(body).has_value();
}

} // namespace porthole::JqShortcut
