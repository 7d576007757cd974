// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowlinter.h"

#include "core/didyoumean.h"
#include "core/nodevalidator.h"
#include "core/workflowoutputs.h"
#include "core/workflowrefs.h"
#include "jsstring.h"
#include "templatelinter.h"
#include "templaterenderer.h"
#include "workflowcontext.h"

#include <algorithm>

namespace porthole::WorkflowLinter {

namespace {

// A CONDITION expression is bare jq; it is linted as the template "{{ EXPR }}", whose
// expression starts this many UTF-16 units into the made-up string.
constexpr int kWrap = 3;

std::string q(std::string_view s)
{
    return "`" + std::string(s) + "`";
}

std::string list(const std::vector<std::string>& names)
{
    std::string out;
    for (size_t i = 0; i < names.size() && i < 8; ++i)
        out += (i ? ", " : "") + names[i];
    if (names.size() > 8)
        out += ", …";
    return out.empty() ? std::string("nothing") : out;
}

// The templated members of a node's config, by type (port-reference.md §8).
bool templated(const std::string& type, const std::string& key)
{
    if (type == "KAFKA")
        return key == "payload";
    if (type == "WEBHOOK")
        return key == "url" || key == "headers" || key == "body";
    if (type == "UPSERT_ENTITY")
        return key == "mapping";
    if (type == "AI" || type == "AI_AGENT" || type == "CURSOR_AGENT") {
        std::string lower;
        for (char c : key)
            lower += char(std::tolower(static_cast<unsigned char>(c)));
        return lower.find("prompt") != std::string::npos;
    }
    return false;
}

struct Condition
{
    int owner;
    const JsonNode* literal;
};

class Linter
{
public:
    Linter(std::string_view text, const Workflow& w, const WorkflowGraph& g)
        : m_text(text), m_w(w), m_g(g), m_ids(w.identifiers()),
          m_triggerFields(WorkflowOutputs::triggerFields(w))
    {}

    Diagnostics run(const JqLimits& limits)
    {
        const auto& nodes = m_w.nodes();
        JsonValue perNode = JsonValue::array();
        JsonValue wrapped = JsonValue::array();
        for (size_t i = 0; i < m_w.nodesJson()->children.size(); ++i) {
            const JsonNode& n = m_w.nodesJson()->children[i];
            perNode.push(fields(n));
        }
        // Node i of nodes() is not child i of "nodes" when a child was not an object.
        std::vector<int> childOf(m_w.nodesJson()->children.size(), -1);
        for (size_t k = 0; k < nodes.size(); ++k)
            childOf[size_t(nodes[k].json - m_w.nodesJson()->children.data())] = int(k);
        for (size_t k = 0; k < nodes.size(); ++k) {
            const WorkflowNode& n = nodes[k];
            if (n.type == "KAFKA") {
                Diagnostics s = NodeValidator::validate(*n.json);
                m_out.insert(m_out.end(), s.begin(), s.end());
            } else if (const JsonNode* v = n.json->member("variables"); v && !v->isObject()) {
                add(Severity::Error, "PH3008",
                    std::string("\"variables\" must be an object of templates, found ") +
                        JsonValue::typeName(v->type),
                    v->range);
            }
            for (const auto& o : n.outlets)
                if (o.expression)
                    m_conditions.push_back({int(k), o.expression});
            if (n.type == "EVENT_TRIGGER")
                if (const JsonNode* c = n.json->member("config")->member("condition"))
                    if (const JsonNode* e = c->isObject() ? c->member("expressions") : nullptr;
                        e && e->isArray())
                        for (const JsonNode& x : e->children)
                            if (x.isString())
                                m_conditions.push_back({int(k), &x});
        }
        for (const auto& c : m_conditions)
            wrapped.push(JqChainEvaluator::conditionTemplate(c.literal->string));
        JsonValue doc = JsonValue::object();
        doc.set("n", perNode);
        doc.set("c", wrapped);
        TemplateSettings settings;
        settings.limits = limits;
        RenderOutcome r = TemplateRenderer::render(doc, JsonValue::object(), settings);

        std::vector<TemplateTrace> nodeTraces;
        for (auto& t : r.traces) {
            if (t.path.size() < 2)
                continue;
            const bool isNode = t.path[0].key == "n";
            const int index = t.path[1].index;
            t.path.erase(t.path.begin());
            if (isNode) {
                const int owner = childOf[size_t(index)];
                const bool inVariables = t.path.size() > 1 && t.path[1].key == "variables";
                const SourceRange* lit =
                    TemplateLinter::literalRange(*m_w.nodesJson(), t.path, t.isKey);
                if (owner >= 0 && lit && t.scanError.empty())
                    for (const auto& tr : t.templates)
                        references(owner, tr.expression, *lit, tr.span.start, inVariables);
                nodeTraces.push_back(std::move(t));
                continue;
            }
            const Condition& c = m_conditions[size_t(index)];
            if (!t.scanError.empty())
                continue; // braces in bare jq mean nothing to Port
            t.path.clear();
            for (auto& tr : t.templates) {
                tr.span.start -= kWrap;
                tr.span.end -= kWrap;
                if (nodes[size_t(c.owner)].kind != WorkflowNodeKind::Trigger)
                    references(c.owner, tr.expression, c.literal->range, tr.span.start, false);
            }
            Diagnostics d = TemplateLinter::lint(m_text, *c.literal, {t}, false);
            m_out.insert(m_out.end(), d.begin(), d.end());
        }
        Diagnostics d = TemplateLinter::lint(m_text, *m_w.nodesJson(), nodeTraces, false);
        for (auto& x : d)
            if (x.code == "PH2201")
                x.severity = Severity::Error; // an id with hyphens: the read is always null
        m_out.insert(m_out.end(), d.begin(), d.end());
        return std::move(m_out);
    }

private:
    std::string_view m_text;
    const Workflow& m_w;
    const WorkflowGraph& m_g;
    std::vector<std::string> m_ids;
    std::optional<std::vector<std::string>> m_triggerFields;
    std::vector<Condition> m_conditions;
    Diagnostics m_out;

    void add(Severity s, const char* code, std::string msg, SourceRange r,
             std::optional<Fix> fix = {})
    {
        m_out.push_back({s, code, std::move(msg), r, std::move(fix)});
    }

    // The templated parts of a node, with the node's own shape so trace paths fit its JSON.
    JsonValue fields(const JsonNode& n)
    {
        JsonValue out = JsonValue::object();
        if (!n.isObject())
            return out;
        const JsonNode* config = n.member("config");
        const JsonNode* type = config && config->isObject() ? config->member("type") : nullptr;
        if (type && type->isString()) {
            JsonValue c = JsonValue::object();
            for (size_t i = 0; i < config->keys.size(); ++i)
                if (templated(type->string, config->keys[i]))
                    c.set(config->keys[i], config->children[i].toValue());
            out.set("config", c);
        }
        for (const char* key : {"variables", "links"})
            if (const JsonNode* v = n.member(key))
                out.set(key, v->toValue());
        return out;
    }

    // Checks each `.outputs…` read of one expression against the graph. `start` is the UTF-16
    // index of the expression inside the literal's text.
    void references(int owner, const std::string& expression, const SourceRange& literal, int start,
                    bool inVariables)
    {
        if (expression.find(".outputs") == std::string::npos)
            return;
        auto at = [&](size_t b, size_t e) {
            const int ub = start + JsString::utf16Length(std::string_view(expression).substr(0, b));
            const int ue = start + JsString::utf16Length(std::string_view(expression).substr(0, e));
            return SourceRange{TemplateLinter::positionInLiteral(m_text, literal, ub),
                               TemplateLinter::positionInLiteral(m_text, literal, ue)};
        };
        const auto& nodes = m_w.nodes();
        const std::string& self = nodes[size_t(owner)].id;
        for (const WorkflowRef& ref : WorkflowRefs::find(expression, "outputs")) {
            const SourceRange name = at(ref.nameBegin, ref.nameEnd);
            if (ref.name == "trigger") {
                if (m_triggerFields && !ref.fields.empty() &&
                    std::find(m_triggerFields->begin(), m_triggerFields->end(), ref.fields[0]) ==
                        m_triggerFields->end())
                    add(Severity::Warning, "PH3203",
                        "the trigger has no input " + q(ref.fields[0]) +
                            didYouMeanSuffix(ref.fields[0], *m_triggerFields) + "; it gives " +
                            list(*m_triggerFields) + ", so this reads null",
                        at(ref.fieldRanges[0].first, ref.fieldRanges[0].second));
                continue;
            }
            const int x = m_w.indexOf(ref.name);
            if (x < 0) {
                const std::string guess = didYouMean(ref.name, m_ids);
                std::optional<Fix> fix;
                if (!guess.empty() && !ref.hyphenatedDot)
                    fix = Fix{"Use \"" + guess + "\"", name, guess};
                add(Severity::Error, "PH3201",
                    "no node " + q(ref.name) + " in this workflow" +
                        (guess.empty() ? std::string() : " (did you mean \"" + guess + "\"?)") +
                        ": `.outputs` holds only the nodes before this one",
                    name, fix);
                continue;
            }
            if (x == owner) {
                add(Severity::Error, "PH3202",
                    q(ref.name) + " is this node: " +
                        (inVariables ? "its own output is `.result` inside its variables"
                                     : "a node cannot read its own output"),
                    name);
                continue;
            }
            if (!m_g.runsBefore(x, owner)) {
                add(Severity::Error, "PH3202",
                    q(ref.name) +
                        (m_g.runsBefore(owner, x)
                             ? " runs after " + q(self) + ": its output does not exist yet"
                             : " runs beside " + q(self) +
                                   " (no path leads from it to here): its output is never here"),
                    name);
                continue;
            }
            if (!m_g.onEveryPath(x, owner))
                add(Severity::Warning, "PH3205",
                    q(ref.name) + " runs on only some of the paths into " + q(self) +
                        ": when another branch ran, this reads null",
                    name);
            fieldsOf(nodes[size_t(x)], ref, at);
        }
    }

    void fieldsOf(const WorkflowNode& x, const WorkflowRef& ref, const auto& at)
    {
        if (ref.fields.empty())
            return;
        const bool replaced =
            x.json->member("variables") && x.json->member("variables")->isObject();
        const auto top = WorkflowOutputs::fields(x);
        if (top && std::find(top->begin(), top->end(), ref.fields[0]) == top->end()) {
            std::string hint;
            if (replaced)
                hint = " (its variables replace its output)";
            else if (auto sub = WorkflowOutputs::subFields(x, "response");
                     sub && std::find(sub->begin(), sub->end(), ref.fields[0]) != sub->end())
                hint = " (a " + x.type + " node's output is {response: {" + list(*sub) +
                       "}}: read .response." + ref.fields[0] + ")";
            else
                hint = didYouMeanSuffix(ref.fields[0], *top);
            add(Severity::Warning, "PH3204",
                "the output of " + q(x.id) + " has no field " + q(ref.fields[0]) + "; it has " +
                    list(*top) + hint,
                at(ref.fieldRanges[0].first, ref.fieldRanges[0].second));
            return;
        }
        if (ref.fields.size() < 2)
            return;
        const auto sub = WorkflowOutputs::subFields(x, ref.fields[0]);
        if (sub && std::find(sub->begin(), sub->end(), ref.fields[1]) == sub->end())
            add(Severity::Warning, "PH3204",
                "`." + ref.fields[0] + "` of " + q(x.id) + " has no field " + q(ref.fields[1]) +
                    "; it has " + list(*sub) + didYouMeanSuffix(ref.fields[1], *sub),
                at(ref.fieldRanges[1].first, ref.fieldRanges[1].second));
    }
};

} // namespace

Diagnostics lint(std::string_view text, const Workflow& workflow, const WorkflowGraph& graph,
                 const JqLimits& limits)
{
    Diagnostics out = workflow.diagnostics();
    if (workflow.nodesJson()) {
        Diagnostics g = graph.lint();
        out.insert(out.end(), g.begin(), g.end());
        Diagnostics t = Linter(text, workflow, graph).run(limits);
        out.insert(out.end(), t.begin(), t.end());
    }
    sortDiagnostics(out);
    return out;
}

Diagnostics lint(std::string_view text, const JqLimits& limits)
{
    const Workflow w = Workflow::parse(text);
    const WorkflowGraph g(w);
    return lint(text, w, g, limits);
}

} // namespace porthole::WorkflowLinter
