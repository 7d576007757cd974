// SPDX-License-Identifier: GPL-3.0-or-later
#include "envelope.h"

#include "jsstring.h"
#include "templaterenderer.h"

#include <cstdio>
#include <random>

namespace porthole::Envelope {

namespace {

// A marker without braces passes through the renderer untouched. It is fresh for every wrap:
// with a fixed one, a plain string of the template (or one jq built from the context) equal
// to it was replaced by the payload too (fuzz_envelope checks this). jq never sees this text.
std::string freshMarker()
{
    std::random_device random;
    char text[64];
    std::snprintf(text, sizeof text, "\x01porthole-payload-%08x%08x%08x%08x\x01", random(),
                  random(), random(), random());
    return text;
}

bool isPayloadTemplate(const std::string& s)
{
    std::u16string u = JsString::toUtf16(s);
    std::u16string_view t = JsString::trim(u);
    if (!t.starts_with(u"{{") || !t.ends_with(u"}}"))
        return false;
    t = JsString::trim(t.substr(2, t.size() - 4));
    return t == u".payload";
}

JsonValue mark(const JsonValue& v, const std::string& marker)
{
    if (v.isString())
        return isPayloadTemplate(v.toString()) ? JsonValue(marker) : v;
    if (v.isArray()) {
        JsonValue::Array a;
        for (const auto& e : v.elements())
            a.push_back(mark(e, marker));
        return JsonValue(std::move(a));
    }
    if (v.isObject()) {
        JsonValue::Object o;
        for (const auto& [k, e] : v.members())
            o.emplace_back(k, mark(e, marker));
        return JsonValue(std::move(o));
    }
    return v;
}

JsonValue unmark(const JsonValue& v, const JsonValue& payload, const std::string& marker)
{
    if (v.isString())
        return v.toString() == marker ? payload : v;
    if (v.isArray()) {
        JsonValue::Array a;
        for (const auto& e : v.elements())
            a.push_back(unmark(e, payload, marker));
        return JsonValue(std::move(a));
    }
    if (v.isObject()) {
        JsonValue::Object o;
        for (const auto& [k, e] : v.members())
            o.emplace_back(k, unmark(e, payload, marker));
        return JsonValue(std::move(o));
    }
    return v;
}

} // namespace

JsonValue defaultTemplate()
{
    JsonValue context = JsonValue::object();
    context.set("runId", "{{ .context.workflowNodeRun.identifier // .context.run.id }}");
    context.set("workflowRunId", "{{ .context.workflowRun.identifier }}");
    context.set("nodeIdentifier", "{{ .node.identifier }}");
    context.set("orgId", "{{ .orgId // .context.trigger.by.orgId }}");
    JsonValue env = JsonValue::object();
    env.set("context", context);
    env.set("payload", "{{ .payload }}");
    return env;
}

JsonValue wrapDefault(const Input& input)
{
    auto truthy = [](const JsonValue& v) {
        return !v.isUndefined() && !v.isNull() && !(v.isBool() && !v.toBool());
    };
    auto orNull = [](const JsonValue& v) { return v.isUndefined() ? JsonValue(nullptr) : v; };
    const JsonValue& c = input.context;
    const JsonValue& nodeRun = c["workflowNodeRun"]["identifier"];
    JsonValue context = JsonValue::object();
    context.set("runId", truthy(nodeRun) ? nodeRun : orNull(c["run"]["id"]));
    context.set("workflowRunId", orNull(c["workflowRun"]["identifier"]));
    context.set("nodeIdentifier", input.nodeIdentifier);
    const JsonValue& triggerOrg = c["trigger"]["by"]["orgId"];
    context.set("orgId", !input.orgId.empty() ? JsonValue(input.orgId)
                         : truthy(triggerOrg) ? triggerOrg
                                              : JsonValue(nullptr));
    JsonValue env = JsonValue::object();
    env.set("context", context);
    env.set("payload", input.payload.isUndefined() ? JsonValue(nullptr) : input.payload);
    return env;
}

bool wrap(const JsonValue& envelopeTemplate, const Input& input, const JqLimits& limits,
          JsonValue* out, std::string* error)
{
    JsonValue ctx = JsonValue::object();
    ctx.set("payload", input.payload.isUndefined() ? JsonValue(nullptr) : input.payload);
    ctx.set("context", input.context);
    JsonValue node = JsonValue::object();
    node.set("identifier", input.nodeIdentifier);
    node.set("title", input.nodeTitle);
    ctx.set("node", node);
    ctx.set("orgId", input.orgId.empty() ? JsonValue(nullptr) : JsonValue(input.orgId));
    TemplateSettings settings;
    settings.strict = true; // a broken envelope is our user's bug: say so
    settings.limits = limits;
    const std::string marker = freshMarker();
    const RenderOutcome r = TemplateRenderer::render(mark(envelopeTemplate, marker), ctx, settings);
    if (!r.ok) {
        *error = "envelope: " + r.error;
        return false;
    }
    *out =
        unmark(r.value, input.payload.isUndefined() ? JsonValue(nullptr) : input.payload, marker);
    return true;
}

} // namespace porthole::Envelope
