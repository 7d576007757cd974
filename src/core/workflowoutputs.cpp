// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowoutputs.h"

#include "jswriter.h"

#include <algorithm>

namespace porthole::WorkflowOutputs {

namespace {

JsonValue obj(std::initializer_list<std::pair<const char*, JsonValue>> members)
{
    JsonValue o = JsonValue::object();
    for (const auto& [k, v] : members)
        o.set(k, v);
    return o;
}

const JsonNode* config(const WorkflowNode& n)
{
    const JsonNode* c = n.json ? n.json->member("config") : nullptr;
    return c && c->isObject() ? c : nullptr;
}

std::string configString(const WorkflowNode& n, const char* key)
{
    const JsonNode* c = config(n);
    const JsonNode* v = c ? c->member(key) : nullptr;
    return v && v->isString() ? v->string : std::string();
}

// An example value for one userInputs property, named after it so previews read naturally.
JsonValue example(const std::string& name, const JsonNode& schema)
{
    if (!schema.isObject())
        return "example-" + name;
    if (const JsonNode* d = schema.member("default"))
        return d->toValue();
    if (const JsonNode* e = schema.member("enum"); e && e->isArray() && !e->children.empty())
        return e->children.front().toValue();
    const JsonNode* t = schema.member("type");
    const std::string type = t && t->isString() ? t->string : "string";
    const JsonNode* f = schema.member("format");
    const std::string format = f && f->isString() ? f->string : "";
    if (type == "number" || type == "integer")
        return 1;
    if (type == "boolean")
        return true;
    if (type == "object")
        return JsonValue::object();
    if (type == "array") {
        JsonValue a = JsonValue::array();
        if (const JsonNode* items = schema.member("items"))
            a.push(example(name, *items));
        return a;
    }
    if (format == "date-time")
        return "2026-01-01T09:00:00.000Z";
    if (format == "email" || format == "user")
        return "dev@example.com";
    if (format == "url")
        return "https://example.com/" + name;
    if (format == "ipv4")
        return "192.0.2.10";
    if (format == "ipv6")
        return "2001:db8::10";
    if (format == "team")
        return "example-team";
    if (format == "yaml")
        return "key: value";
    if (format == "entity") {
        const JsonNode* b = schema.member("blueprint");
        return (b && b->isString() ? b->string : name) + "-example";
    }
    return "example-" + name;
}

JsonValue sampleEntity(const std::string& blueprint)
{
    const std::string bp = blueprint.empty() ? "service" : blueprint;
    return obj({{"identifier", bp + "-example"},
                {"title", bp + " example"},
                {"blueprint", bp},
                {"properties", JsonValue::object()},
                {"relations", JsonValue::object()}});
}

std::vector<std::string> keysOf(const JsonValue& v)
{
    std::vector<std::string> out;
    for (const auto& [k, _] : v.members())
        out.push_back(k);
    return out;
}

} // namespace

JsonValue sampleInputs(const JsonNode* userInputs)
{
    JsonValue out = JsonValue::object();
    const JsonNode* props =
        userInputs && userInputs->isObject() ? userInputs->member("properties") : nullptr;
    if (!props || !props->isObject())
        return out;
    for (size_t i = 0; i < props->keys.size(); ++i)
        out.set(props->keys[i], example(props->keys[i], props->children[i]));
    return out;
}

JsonValue defaultOutput(const WorkflowNode& n)
{
    JsonValue out;
    if (n.type == "SELF_SERVE_TRIGGER") {
        const JsonNode* c = config(n);
        return sampleInputs(c ? c->member("userInputs") : nullptr);
    }
    if (n.type == "EVENT_TRIGGER") {
        const JsonNode* c = config(n);
        const JsonNode* e = c ? c->member("event") : nullptr;
        const JsonNode* b = e && e->isObject() ? e->member("blueprintIdentifier") : nullptr;
        const JsonNode* t = e && e->isObject() ? e->member("type") : nullptr;
        const std::string bp = b && b->isString() ? b->string : "";
        const std::string type = t && t->isString() ? t->string : "";
        const std::string action = type.find("CREATE") != std::string::npos   ? "CREATE"
                                   : type.find("DELETE") != std::string::npos ? "DELETE"
                                                                              : "UPDATE";
        return obj(
            {{"action", action},
             {"diff",
              obj({{"before", action == "CREATE" ? JsonValue(nullptr) : sampleEntity(bp)},
                   {"after", action == "DELETE" ? JsonValue(nullptr) : sampleEntity(bp)}})}});
    }
    if (n.type == "WEBHOOK")
        return obj({{"response", obj({{"status", 200}, {"data", JsonValue::object()}})}});
    if (n.type == "UPSERT_ENTITY")
        return obj(
            {{"response", obj({{"data", sampleEntity(configString(n, "blueprintIdentifier"))}})}});
    if (n.type == "AI" || n.type == "AI_AGENT") {
        // With an outputSchema the response is a JSON *string* (templates use `| fromjson`).
        const JsonNode* c = config(n);
        const JsonNode* schema = c ? c->member("outputSchema") : nullptr;
        const JsonValue response = schema && schema->isObject()
                                       ? JsonValue(JsWriter::stringify(sampleInputs(schema)))
                                       : JsonValue("example response");
        return obj({{"response", response}, {"invocationIdentifier", "inv_example"}});
    }
    if (n.type == "CURSOR_AGENT")
        return obj({{"agentId", "agent-example"},
                    {"status", "FINISHED"},
                    {"summary", "example summary"},
                    {"target", obj({{"prUrl", "https://example.com/pr/1"},
                                    {"branchName", "example-branch"}})}});
    if (n.type == "INPUT")
        return obj(
            {{"selectedOutlet",
              obj({{"identifier",
                    n.outlets.empty() ? JsonValue(nullptr) : JsonValue(n.outlets[0].id)}})},
             {"responses",
              JsonValue(JsonValue::Array{obj(
                  {{"inputs", sampleInputs(config(n) ? config(n)->member("userInputs") : nullptr)},
                   {"submitterInfo", obj({{"submittedBy", "dev@example.com"}})}})})}});
    return JsonValue::object(); // KAFKA (fire and forget), SCHEDULE_TRIGGER, unknown
}

std::optional<std::vector<std::string>> fields(const WorkflowNode& n)
{
    if (const JsonNode* v = n.json ? n.json->member("variables") : nullptr; v && v->isObject())
        return v->keys;
    if (n.type == "KAFKA" || n.type == "INTEGRATION_ACTION" || n.type == "CONDITION" ||
        n.kind == WorkflowNodeKind::Unknown || n.type == "SCHEDULE_TRIGGER")
        return std::nullopt;
    std::vector<std::string> out = keysOf(defaultOutput(n));
    if (n.type == "SELF_SERVE_TRIGGER") {
        const JsonNode* c = config(n);
        const JsonNode* ui = c ? c->member("userInputs") : nullptr;
        if (!ui || !ui->isObject() || !ui->member("properties"))
            return std::nullopt;
    }
    if (n.type == "WEBHOOK" && configString(n, "onTimeout") == "continue")
        out.push_back("timeout");
    if (configString(n, "onFailure") == "continue")
        out.push_back("error");
    return out;
}

std::optional<std::vector<std::string>> subFields(const WorkflowNode& n, const std::string& field)
{
    if (const JsonNode* v = n.json ? n.json->member("variables") : nullptr; v && v->isObject())
        return std::nullopt;
    if (field == "error" && configString(n, "onFailure") == "continue")
        return std::vector<std::string>{"message"};
    if ((n.type == "WEBHOOK" || n.type == "UPSERT_ENTITY") && field == "response")
        return keysOf(defaultOutput(n)["response"]);
    if (n.type == "EVENT_TRIGGER" && field == "diff")
        return std::vector<std::string>{"before", "after"};
    return std::nullopt;
}

std::optional<std::vector<std::string>> triggerFields(const Workflow& workflow)
{
    std::vector<std::string> out;
    bool any = false;
    for (const auto& n : workflow.nodes()) {
        if (n.kind != WorkflowNodeKind::Trigger)
            continue;
        any = true;
        auto f = fields(n);
        if (!f)
            return std::nullopt;
        for (auto& k : *f)
            if (std::find(out.begin(), out.end(), k) == out.end())
                out.push_back(std::move(k));
    }
    if (!any)
        return std::nullopt;
    return out;
}

} // namespace porthole::WorkflowOutputs
