// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowchain.h"

#include "workflowoutputs.h"

namespace porthole::WorkflowChain {

namespace {

std::string q(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

// Whether the run can still get to `target` from `node`.
bool leadsTo(const WorkflowGraph& g, int node, int target)
{
    return node == target || g.runsBefore(node, target);
}

} // namespace

Chain build(const Workflow& w, const WorkflowGraph& g, int target, const ChainOptions& options,
            ChainEvaluator& jq)
{
    Chain out;
    const auto& nodes = w.nodes();
    int trigger = -1;
    for (int t : g.triggers())
        if (leadsTo(g, t, target)) {
            trigger = t;
            break;
        }
    if (trigger < 0) {
        out.error = "no trigger leads to node " + q(nodes[size_t(target)].id);
        return out;
    }
    const WorkflowNode& t = nodes[size_t(trigger)];
    JsonValue outputs = JsonValue::object();
    JsonValue inputs;
    if (auto m = options.mocks.find(t.id); m != options.mocks.end()) {
        inputs = m->second;
        out.sources[t.id] = "mock";
    } else if (options.inputs) {
        inputs = *options.inputs;
        out.sources[t.id] = "inputs given";
    } else {
        inputs = WorkflowOutputs::defaultOutput(t);
        out.sources[t.id] = t.type == "SELF_SERVE_TRIGGER" ? "generated from userInputs"
                                                           : "generated " + t.type + " output";
    }
    outputs.set("trigger", inputs);
    if (t.id != "trigger" && !t.id.empty()) // a node without an id has no output of its own
        outputs.set(t.id, inputs);
    JsonValue context = JsonValue::object();
    context.set("outputs", JsonValue()); // first, as in Port's context; filled at the end
    if (options.base.isObject())
        for (const auto& [k, v] : options.base.members())
            if (k != "outputs")
                context.set(k, v);
    {
        JsonValue run =
            context["workflowRun"].isObject() ? context["workflowRun"] : JsonValue::object();
        JsonValue trig = run["trigger"].isObject() ? run["trigger"] : JsonValue::object();
        trig.set("identifier", t.id);
        run.set("trigger", trig);
        context.set("workflowRun", run);
    }
    // `outputs` is put into the context only when jq reads it: a copy shared with the context
    // would be copied whole on the next change.
    // A node's output joins the context: a mock, else `fallback`; its variables (rendered
    // against .result = that output) replace it.
    auto produce = [&](const WorkflowNode& node, JsonValue result, std::string source) -> bool {
        if (auto m = options.mocks.find(node.id); m != options.mocks.end()) {
            result = m->second;
            source = "mock";
        } else if (auto r = options.recorded.find(node.id); r != options.recorded.end()) {
            context.set("outputs", JsonValue()); // drop the shared copy before changing it
            outputs.set(node.id, r->second);
            out.sources[node.id] = "recorded by the run";
            return true;
        }
        if (const JsonNode* v = node.json->member("variables"); v && v->isObject()) {
            context.set("outputs", outputs);
            JsonValue vctx = context;
            vctx.set("result", result);
            std::string error;
            auto rendered = jq.variables(v->toValue(), vctx, &error);
            if (!rendered) {
                out.error = "variables of " + q(node.id) + ": " + error;
                return false;
            }
            result = *rendered;
            source += ", replaced by its variables";
        }
        context.set("outputs", JsonValue()); // drop the shared copy before changing it
        outputs.set(node.id, result);
        out.sources[node.id] = source;
        return true;
    };
    int cur = trigger;
    out.path.push_back(cur);
    for (size_t steps = 0; cur != target; ++steps) {
        if (steps > nodes.size()) {
            out.error = "the run goes round a cycle without reaching " +
                        q(nodes[size_t(target)].id) +
                        " (see lint --workflow; --branch picks "
                        "another outlet)";
            return out;
        }
        const WorkflowNode& n = nodes[size_t(cur)];
        // The edges that still lead to the target, and the one the run would take.
        const auto& edges = g.outgoing(cur);
        int chosen = -1;
        std::string why;
        if (n.kind == WorkflowNodeKind::Flow) {
            std::string outlet;
            bool fallback = false;
            if (auto f = options.forks.find(n.id); f != options.forks.end()) {
                fallback = f->second == "fallback";
                outlet = fallback ? "" : f->second;
                why = "forced";
            } else if (n.type == "CONDITION") {
                context.set("outputs", outputs);
                for (const auto& o : n.outlets) {
                    std::string error;
                    const auto yes = o.expression
                                         ? jq.condition(o.expression->string, context, &error)
                                         : std::optional<bool>(false);
                    if (!yes)
                        out.notes.push_back("condition " + q(n.id) + " outlet " + q(o.id) + ": " +
                                            error + " (counts as false)");
                    if (yes && *yes) {
                        outlet = o.id;
                        break;
                    }
                }
                fallback = outlet.empty();
                why = "evaluated";
            } else {
                outlet = n.outlets.empty() ? "" : n.outlets.front().id;
                fallback = outlet.empty();
                why = "the first outlet (a person chooses in a real run)";
            }
            for (int e : edges) {
                const auto& c = w.connections()[size_t(g.edges()[size_t(e)].connection)];
                if (fallback ? c.fallback : c.outlet == outlet)
                    chosen = e;
            }
            const std::string label = fallback ? std::string("fallback") : q(outlet);
            out.notes.push_back(n.type + " " + q(n.id) + " took " + label + " (" + why + ")");
            if (chosen < 0 || !leadsTo(g, g.edges()[size_t(chosen)].to, target)) {
                int other = -1;
                for (int e : edges)
                    if (leadsTo(g, g.edges()[size_t(e)].to, target)) {
                        other = e;
                        break;
                    }
                if (other < 0) {
                    out.error =
                        "no branch of " + q(n.id) + " leads to " + q(nodes[size_t(target)].id);
                    return out;
                }
                const auto& c = w.connections()[size_t(g.edges()[size_t(other)].connection)];
                out.notes.push_back("  " + label + " does not lead to " +
                                    q(nodes[size_t(target)].id) + ": following " +
                                    (c.fallback ? std::string("fallback") : q(c.outlet)) +
                                    " instead (choose with --branch " + n.id + "=OUTLET)");
                chosen = other;
            }
            if (n.type == "INPUT") {
                const auto& c = w.connections()[size_t(g.edges()[size_t(chosen)].connection)];
                JsonValue result = WorkflowOutputs::defaultOutput(n);
                JsonValue selected = JsonValue::object();
                selected.set("identifier", c.fallback ? JsonValue(nullptr) : JsonValue(c.outlet));
                result.set("selectedOutlet", selected);
                if (!produce(n, result, "default INPUT output"))
                    return out;
            }
        } else {
            for (int e : edges)
                if (leadsTo(g, g.edges()[size_t(e)].to, target)) {
                    chosen = e;
                    break;
                }
            if (chosen < 0) {
                out.error = "node " + q(n.id) + " does not lead to " + q(nodes[size_t(target)].id);
                return out;
            }
        }
        cur = g.edges()[size_t(chosen)].to;
        out.path.push_back(cur);
        if (cur == target)
            break;
        // `cur` runs now: its output joins the context for the nodes after it (an INPUT
        // node's once its outlet is chosen, above).
        const WorkflowNode& next = nodes[size_t(cur)];
        if (next.kind != WorkflowNodeKind::Flow &&
            !produce(next, WorkflowOutputs::defaultOutput(next),
                     "default " + (next.type.empty() ? "unknown" : next.type) + " output" +
                         (next.type == "KAFKA" ? " (what its consumer reports)" : "")))
            return out;
    }
    context.set("outputs", outputs);
    out.context = context;
    out.ok = true;
    return out;
}

bool useRun(const JsonValue& answer, const std::string& runId, const std::string& node,
            ChainOptions* options, std::string* error)
{
    const JsonValue run = answer["workflowRun"];
    const JsonValue* outputs = run["variables"].find("outputs");
    if (!outputs || !outputs->isObject()) {
        *error = "workflow run " + runId + " has no variables.outputs";
        return false;
    }
    for (const auto& [k, v] : outputs->members())
        if (k == "trigger")
            options->inputs = v;
        else
            options->recorded[k] = v;
    JsonValue& base = options->base;
    JsonValue wfr = base["workflowRun"].isObject() ? base["workflowRun"] : JsonValue::object();
    wfr.set("identifier", runId);
    if (run["createdAt"].isString())
        wfr.set("createdAt", run["createdAt"]);
    base.set("workflowRun", wfr);
    if (run["nodeRuns"].isArray())
        for (const JsonValue& n : run["nodeRuns"].elements())
            if (n["node"]["identifier"].isString() && n["node"]["identifier"].toString() == node) {
                JsonValue nr = JsonValue::object();
                nr.set("identifier", n["identifier"]);
                nr.set("createdAt", n["createdAt"]);
                base.set("workflowNodeRun", nr);
            }
    return true;
}

} // namespace porthole::WorkflowChain
