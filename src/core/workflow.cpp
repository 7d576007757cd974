// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflow.h"

#include "didyoumean.h"
#include "jsonnoderange.h"
#include "jsonparser.h"

#include <array>

namespace porthole {

namespace {

// The node types of port-reference.md §8, by what they do in a run.
constexpr std::array kTriggers = {"SELF_SERVE_TRIGGER", "EVENT_TRIGGER", "SCHEDULE_TRIGGER"};
constexpr std::array kActions = {"WEBHOOK", "KAFKA",    "UPSERT_ENTITY", "INTEGRATION_ACTION",
                                 "AI",      "AI_AGENT", "CURSOR_AGENT"};
constexpr std::array kFlow = {"CONDITION", "INPUT"};

bool among(const auto& list, std::string_view s)
{
    for (const char* t : list)
        if (s == t)
            return true;
    return false;
}

std::string quoted(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

// A string member, or "" (with a diagnostic when present but not a string).
std::string text(const JsonNode& obj, std::string_view key, Diagnostics& d, const char* what)
{
    const JsonNode* v = obj.member(key);
    if (!v)
        return {};
    if (!v->isString()) {
        d.push_back({Severity::Error,
                     "PH3002",
                     std::string(what) + " must be a string, found " + JsonValue::typeName(v->type),
                     v->range,
                     {}});
        return {};
    }
    return v->string;
}

} // namespace

WorkflowNodeKind Workflow::kindOf(std::string_view type)
{
    if (among(kTriggers, type))
        return WorkflowNodeKind::Trigger;
    if (among(kActions, type))
        return WorkflowNodeKind::Action;
    if (among(kFlow, type))
        return WorkflowNodeKind::Flow;
    return WorkflowNodeKind::Unknown;
}

Workflow Workflow::parse(std::string_view text)
{
    Workflow w;
    w.m_doc = JsonParser::parse(text);
    if (w.m_doc.root)
        w.read();
    sortDiagnostics(w.m_doc.diagnostics);
    return w;
}

std::string Workflow::identifier() const
{
    const JsonNode* id = root() && root()->isObject() ? root()->member("identifier") : nullptr;
    return id && id->isString() ? id->string : std::string();
}

int Workflow::indexOf(std::string_view id) const
{
    const auto it = m_index.find(std::string(id));
    return it == m_index.end() ? -1 : it->second;
}

const WorkflowNode* Workflow::node(std::string_view id) const
{
    const int i = indexOf(id);
    return i < 0 ? nullptr : &m_nodes[size_t(i)];
}

std::vector<std::string> Workflow::identifiers() const
{
    std::vector<std::string> out;
    out.reserve(m_nodes.size());
    for (const auto& n : m_nodes)
        out.push_back(n.id);
    return out;
}

void Workflow::read()
{
    Diagnostics& d = m_doc.diagnostics;
    auto add = [&](Severity s, const char* code, std::string msg, SourceRange r) {
        d.push_back({s, code, std::move(msg), r, {}});
    };
    const JsonNode& root = *m_doc.root;
    if (!root.isObject()) {
        add(Severity::Error, "PH3001",
            std::string("a workflow must be a JSON object with \"nodes\" and \"connections\", "
                        "found ") +
                JsonValue::typeName(root.type),
            root.range);
        return;
    }
    m_nodesJson = root.member("nodes");
    if (!m_nodesJson || !m_nodesJson->isArray()) {
        add(Severity::Error, "PH3001",
            m_nodesJson ? std::string("\"nodes\" must be an array, found ") +
                              JsonValue::typeName(m_nodesJson->type)
                        : std::string("missing \"nodes\": this is not a workflow"),
            m_nodesJson ? m_nodesJson->range : openingOf(root));
        m_nodesJson = nullptr;
    }
    for (size_t i = 0; m_nodesJson && i < m_nodesJson->children.size(); ++i) {
        const JsonNode& n = m_nodesJson->children[i];
        if (!n.isObject()) {
            add(Severity::Error, "PH3002",
                std::string("a node must be an object, found ") + JsonValue::typeName(n.type),
                n.range);
            continue;
        }
        WorkflowNode node;
        node.json = &n;
        node.id = porthole::text(n, "identifier", d, "\"identifier\"");
        if (!n.member("identifier"))
            add(Severity::Error, "PH3002", "a node needs an \"identifier\"", openingOf(n));
        else if (node.id.empty() && n.member("identifier")->isString())
            add(Severity::Error, "PH3002", "a node's \"identifier\" must not be empty",
                n.member("identifier")->range);
        const JsonNode* config = n.member("config");
        if (!config || !config->isObject()) {
            add(Severity::Error, "PH3004",
                config ? std::string("\"config\" must be an object, found ") +
                             JsonValue::typeName(config->type)
                       : "node " + quoted(node.id) + " has no \"config\"",
                config ? config->range : openingOf(n));
        } else {
            node.type = porthole::text(*config, "type", d, "\"config.type\"");
            node.kind = kindOf(node.type);
            if (!config->member("type")) {
                add(Severity::Error, "PH3004",
                    "node " + quoted(node.id) + " has no \"config.type\"", openingOf(*config));
            } else if (node.kind == WorkflowNodeKind::Unknown && !node.type.empty()) {
                std::vector<std::string> all;
                for (const auto& list :
                     {std::vector<const char*>(kTriggers.begin(), kTriggers.end()),
                      std::vector<const char*>(kActions.begin(), kActions.end()),
                      std::vector<const char*>(kFlow.begin(), kFlow.end())})
                    all.insert(all.end(), list.begin(), list.end());
                add(Severity::Warning, "PH3004",
                    "unknown node type " + quoted(node.type) + didYouMeanSuffix(node.type, all) +
                        "; Porthole treats its output as unknown",
                    config->member("type")->range);
            }
            const JsonNode* outlets = config->member("outlets");
            if (!outlets)
                outlets = config->member("options"); // older docs pages
            if (outlets && !outlets->isArray()) {
                add(Severity::Error, "PH3007",
                    std::string("\"outlets\" must be an array, found ") +
                        JsonValue::typeName(outlets->type),
                    outlets->range);
            } else if (outlets) {
                for (const JsonNode& o : outlets->children) {
                    WorkflowOutlet outlet;
                    outlet.json = &o;
                    if (!o.isObject() || !o.member("identifier") ||
                        !o.member("identifier")->isString()) {
                        add(Severity::Error, "PH3007", "an outlet needs a string \"identifier\"",
                            o.isObject() ? openingOf(o) : o.range);
                        continue;
                    }
                    outlet.id = o.member("identifier")->string;
                    for (const auto& seen : node.outlets)
                        if (seen.id == outlet.id)
                            add(Severity::Error, "PH3007",
                                "outlet " + quoted(outlet.id) + " appears twice in node " +
                                    quoted(node.id),
                                o.member("identifier")->range);
                    if (const JsonNode* e = o.member("expression"); e && e->isString())
                        outlet.expression = e;
                    else if (node.type == "CONDITION")
                        add(Severity::Error, "PH3007",
                            "a CONDITION outlet needs a string \"expression\" (bare jq, no braces)",
                            e ? e->range : openingOf(o));
                    node.outlets.push_back(std::move(outlet));
                }
            }
        }
        if (!node.id.empty()) {
            const auto [it, fresh] = m_index.try_emplace(node.id, int(m_nodes.size()));
            if (!fresh)
                add(Severity::Error, "PH3003",
                    "duplicate node identifier " + quoted(node.id) + " (first at line " +
                        std::to_string(m_nodes[size_t(it->second)]
                                           .json->member("identifier")
                                           ->range.begin.line) +
                        ")",
                    n.member("identifier")->range);
        }
        m_nodes.push_back(std::move(node));
    }

    const JsonNode* connections = root.member("connections");
    if (connections && !connections->isArray()) {
        add(Severity::Error, "PH3001",
            std::string("\"connections\" must be an array, found ") +
                JsonValue::typeName(connections->type),
            connections->range);
        return;
    }
    for (size_t i = 0; connections && i < connections->children.size(); ++i) {
        const JsonNode& c = connections->children[i];
        if (!c.isObject()) {
            add(Severity::Error, "PH3006",
                std::string("a connection must be an object, found ") + JsonValue::typeName(c.type),
                c.range);
            continue;
        }
        WorkflowConnection conn;
        conn.json = &c;
        conn.source = porthole::text(c, "sourceIdentifier", d, "\"sourceIdentifier\"");
        conn.target = porthole::text(c, "targetIdentifier", d, "\"targetIdentifier\"");
        for (const char* key : {"sourceIdentifier", "targetIdentifier"})
            if (!c.member(key))
                add(Severity::Error, "PH3006", std::string("a connection needs \"") + key + "\"",
                    openingOf(c));
        conn.outlet = porthole::text(c, "sourceOutletIdentifier", d, "\"sourceOutletIdentifier\"");
        if (conn.outlet.empty())
            conn.outlet =
                porthole::text(c, "sourceOptionIdentifier", d, "\"sourceOptionIdentifier\"");
        if (const JsonNode* f = c.member("fallback")) {
            if (f->type == JsonValue::Type::Bool)
                conn.fallback = f->boolean;
            else
                add(Severity::Error, "PH3006", "\"fallback\" must be true or false", f->range);
        }
        m_connections.push_back(std::move(conn));
    }
}

} // namespace porthole
