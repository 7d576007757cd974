// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowcontext.h"

#include "contextmodel.h"
#include "core/workflowrefs.h"
#include "jqfilter.h"
#include "jsstring.h"
#include "templaterenderer.h"

#include <algorithm>
#include <functional>
#include <mutex>

namespace porthole {

std::optional<bool> JqChainEvaluator::condition(const std::string& expression,
                                                const JsonValue& context, std::string* error)
{
    JqEngine& engine = JqEngine::shared();
    std::lock_guard lock(engine.mutex());
    const auto out =
        engine.evaluate({JqFilter::body(JsString::toUtf16(expression))}, context, m_limits);
    const JqOutcome& o = out.front();
    if (o.kind == JqOutcome::Kind::Error) {
        *error = o.error;
        return std::nullopt;
    }
    // jq's truth: everything but null and false (no output counts as false).
    return o.kind == JqOutcome::Kind::Value && !o.value.isNull() &&
           !(o.value.isBool() && !o.value.toBool());
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

Chain build(const Workflow& workflow, const WorkflowGraph& graph, int target, ChainOptions options,
            const JqLimits& limits)
{
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
