// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowcontext.h"

#include "contextmodel.h"
#include "core/workflowrefs.h"
#include "templaterenderer.h"

#include <algorithm>
#include <functional>

namespace porthole {

std::optional<bool> JqChainEvaluator::condition(const std::string& expression,
                                                const JsonValue& context, std::string* error)
{
    // Rendered as the typed template "{{ EXPR }}" (strict, to see the error): the same jq
    // body the linter and prewarm() compile, so the engine's cache already holds it.
    TemplateSettings settings;
    settings.strict = true;
    settings.limits = m_limits;
    const RenderOutcome r =
        TemplateRenderer::render(JsonValue(conditionTemplate(expression)), context, settings);
    if (!r.ok) {
        *error = r.error;
        return std::nullopt;
    }
    // jq's truth: everything but null and false (no output counts as false).
    return !r.value.isUndefined() && !r.value.isNull() && !(r.value.isBool() && !r.value.toBool());
}

std::string JqChainEvaluator::conditionTemplate(const std::string& expression)
{
    return "{{ " + expression + " }}";
}

std::optional<JsonValue> JqChainEvaluator::variables(const JsonValue& variables,
                                                     const JsonValue& context, std::string* error)
{
    TemplateSettings settings;
    settings.limits = m_limits;
    RenderOutcome r = TemplateRenderer::render(variables, context, settings);
    if (!r.ok) {
        *error = r.error;
        return std::nullopt;
    }
    return r.value.isUndefined() ? JsonValue::object() : r.value;
}

namespace WorkflowContext {

namespace {

// Every string of a JSON tree (keys too), for a reference scan.
void strings(const JsonNode& n, const std::function<void(const std::string&)>& f)
{
    if (n.isString())
        f(n.string);
    for (size_t i = 0; i < n.children.size(); ++i) {
        if (n.isObject())
            f(n.keys[i]);
        strings(n.children[i], f);
    }
}

} // namespace

std::vector<std::string> secretNames(const Workflow& workflow)
{
    std::vector<std::string> out;
    if (!workflow.nodesJson())
        return out;
    strings(*workflow.nodesJson(), [&](const std::string& s) {
        if (s.find(".secrets") == std::string::npos)
            return;
        for (const auto& ref : WorkflowRefs::find(s, "secrets"))
            if (std::find(out.begin(), out.end(), ref.name) == out.end())
                out.push_back(ref.name);
    });
    return out;
}

JsonValue base(const Workflow& workflow)
{
    JsonValue secrets = JsonValue::object();
    for (const auto& name : secretNames(workflow))
        secrets.set(name, "<" + name + ">");
    const JsonValue preset = ContextModel::preset(ContextModel::Preset::Workflow);
    JsonValue wf = JsonValue::object();
    const std::string id = workflow.identifier();
    wf.set("identifier", id.empty() ? std::string("workflow") : id);
    wf.set("versionIdentifier", "v1");
    JsonValue out = JsonValue::object();
    out.set("secrets", secrets);
    out.set("workflow", wf);
    out.set("workflowRun", preset["workflowRun"]);
    out.set("workflowNodeRun", preset["workflowNodeRun"]);
    return out;
}

void prewarm(const Workflow& workflow, const WorkflowGraph& graph, int target,
             const JqLimits& limits)
{
    // Every template the walk may evaluate (variables and CONDITION outlets of the nodes that
    // can run before the target, and its payload) rendered once: jq compiles them all as one
    // program (~25 ms whatever its size) instead of once per node on the way.
    JsonValue doc = JsonValue::array();
    const auto& nodes = workflow.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        const bool self = int(i) == target;
        if (!self && !graph.runsBefore(int(i), target))
            continue;
        if (const JsonNode* v = nodes[i].json->member("variables"); v && !self)
            doc.push(v->toValue());
        for (const auto& o : nodes[i].outlets)
            if (o.expression && !self)
                doc.push(JqChainEvaluator::conditionTemplate(o.expression->string));
        if (const JsonNode* c = nodes[i].json->member("config"); self && c && c->isObject())
            if (const JsonNode* p = c->member("payload"))
                doc.push(p->toValue());
    }
    TemplateSettings settings;
    settings.limits = limits;
    TemplateRenderer::render(doc, JsonValue::object(), settings);
}

Chain build(const Workflow& workflow, const WorkflowGraph& graph, int target, ChainOptions options,
            const JqLimits& limits)
{
    prewarm(workflow, graph, target, limits);
    JsonValue merged = base(workflow);
    if (options.base.isObject())
        for (const auto& [k, v] : options.base.members())
            merged.set(k, v);
    options.base = merged;
    JqChainEvaluator jq(limits);
    return WorkflowChain::build(workflow, graph, target, options, jq);
}

} // namespace WorkflowContext
} // namespace porthole
