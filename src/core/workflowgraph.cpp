// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowgraph.h"

#include "didyoumean.h"
#include "jsonnoderange.h"

#include <algorithm>
#include <deque>

namespace porthole {

namespace {

std::string q(std::string_view s)
{
    return "\"" + std::string(s) + "\"";
}

const JsonNode* member(const JsonNode* obj, const char* key)
{
    return obj && obj->isObject() ? obj->member(key) : nullptr;
}

// Where a diagnostic about a connection's end points: the identifier's value, else the object.
SourceRange at(const WorkflowConnection& c, const char* key)
{
    if (const JsonNode* v = member(c.json, key))
        return v->range;
    return openingOf(*c.json);
}

SourceRange idRange(const WorkflowNode& n)
{
    if (const JsonNode* v = member(n.json, "identifier"))
        return v->range;
    return openingOf(*n.json);
}

} // namespace

WorkflowGraph::WorkflowGraph(const Workflow& workflow) : m_w(workflow)
{
    const auto& nodes = m_w.nodes();
    const size_t n = nodes.size();
    m_out.resize(n);
    m_in.resize(n);
    m_reachable.assign(n, false);
    for (size_t i = 0; i < n; ++i)
        if (nodes[i].kind == WorkflowNodeKind::Trigger)
            m_triggers.push_back(int(i));
    const auto& conns = m_w.connections();
    for (size_t c = 0; c < conns.size(); ++c) {
        const int from = m_w.indexOf(conns[c].source);
        const int to = m_w.indexOf(conns[c].target);
        if (from < 0 || to < 0)
            continue;
        m_out[size_t(from)].push_back(int(m_edges.size()));
        m_in[size_t(to)].push_back(int(m_edges.size()));
        m_edges.push_back({from, to, int(c)});
    }
    // Kahn's algorithm: whatever keeps an indegree is on (or behind) a cycle.
    std::vector<int> indegree(n);
    std::deque<int> ready;
    for (size_t i = 0; i < n; ++i) {
        indegree[i] = int(m_in[i].size());
        if (indegree[i] == 0)
            ready.push_back(int(i));
    }
    while (!ready.empty()) {
        const int v = ready.front();
        ready.pop_front();
        m_order.push_back(v);
        for (int e : m_out[size_t(v)])
            if (--indegree[size_t(m_edges[size_t(e)].to)] == 0)
                ready.push_back(m_edges[size_t(e)].to);
    }
    m_position.assign(n, -1);
    for (size_t i = 0; i < m_order.size(); ++i)
        m_position[size_t(m_order[i])] = int(i);
    if (m_order.size() < n)
        findCycle(indegree);
    std::deque<int> todo(m_triggers.begin(), m_triggers.end());
    for (int t : m_triggers)
        m_reachable[size_t(t)] = true;
    while (!todo.empty()) {
        const int v = todo.front();
        todo.pop_front();
        for (int e : m_out[size_t(v)]) {
            const int to = m_edges[size_t(e)].to;
            if (!m_reachable[size_t(to)]) {
                m_reachable[size_t(to)] = true;
                todo.push_back(to);
            }
        }
    }
    computeDominators();
}

void WorkflowGraph::findCycle(const std::vector<int>& indegreeLeft)
{
    // Every node Kahn left has a predecessor that was left too: walking back must repeat.
    int v = -1;
    for (size_t i = 0; i < indegreeLeft.size() && v < 0; ++i)
        if (indegreeLeft[i] > 0)
            v = int(i);
    std::vector<int> seenAt(indegreeLeft.size(), -1);
    std::vector<int> walk;
    while (v >= 0 && seenAt[size_t(v)] < 0) {
        seenAt[size_t(v)] = int(walk.size());
        walk.push_back(v);
        int next = -1;
        for (int e : m_in[size_t(v)])
            if (indegreeLeft[size_t(m_edges[size_t(e)].from)] > 0) {
                next = m_edges[size_t(e)].from;
                break;
            }
        v = next;
    }
    if (v < 0)
        return;
    m_cycle.assign(walk.begin() + seenAt[size_t(v)], walk.end());
    std::reverse(m_cycle.begin(), m_cycle.end()); // walked backwards
    m_cycle.push_back(m_cycle.front());
}

void WorkflowGraph::computeDominators()
{
    // On the acyclic part, in order: a node's immediate dominator is the nearest common
    // dominator of its predecessors; a virtual root (index n) sits above every trigger.
    const int root = int(m_w.nodes().size());
    m_idom.assign(size_t(root) + 1, -1);
    m_depth.assign(size_t(root) + 1, 0);
    m_idom[size_t(root)] = root;
    for (int v : m_order) {
        if (!m_reachable[size_t(v)])
            continue;
        int idom = -1;
        if (m_w.nodes()[size_t(v)].kind == WorkflowNodeKind::Trigger)
            idom = root;
        for (int e : m_in[size_t(v)]) {
            int p = m_edges[size_t(e)].from;
            if (!m_reachable[size_t(p)] || m_idom[size_t(p)] < 0)
                continue;
            if (idom < 0) {
                idom = p;
                continue;
            }
            int a = idom;
            while (a != p) {
                if (m_depth[size_t(a)] >= m_depth[size_t(p)] && a != root)
                    a = m_idom[size_t(a)];
                else
                    p = m_idom[size_t(p)];
            }
            idom = a;
        }
        if (idom < 0)
            continue;
        m_idom[size_t(v)] = idom;
        m_depth[size_t(v)] = m_depth[size_t(idom)] + 1;
    }
}

bool WorkflowGraph::runsBefore(int before, int node) const
{
    const size_t n = m_w.nodes().size();
    if (before < 0 || node < 0 || size_t(before) >= n || size_t(node) >= n)
        return false;
    // In the acyclic part order decides at once when `before` comes later; otherwise search
    // backwards, skipping nodes ordered before it (no path from them reaches it).
    const int pb = m_position[size_t(before)];
    const int pn = m_position[size_t(node)];
    if (pb >= 0 && pn >= 0 && pb >= pn)
        return false;
    std::vector<bool> seen(n, false);
    std::vector<int> todo{node};
    while (!todo.empty()) {
        const int v = todo.back();
        todo.pop_back();
        for (int e : m_in[size_t(v)]) {
            const int from = m_edges[size_t(e)].from;
            if (from == before)
                return true;
            if (seen[size_t(from)] ||
                (pb >= 0 && m_position[size_t(from)] >= 0 && m_position[size_t(from)] < pb))
                continue;
            seen[size_t(from)] = true;
            todo.push_back(from);
        }
    }
    return false;
}

bool WorkflowGraph::onEveryPath(int before, int node) const
{
    const int root = int(m_w.nodes().size());
    if (before < 0 || node < 0 || before >= root || node >= root)
        return false;
    if (m_idom[size_t(node)] < 0 || m_idom[size_t(before)] < 0)
        return runsBefore(before, node);
    // A dominator sits above the node in the dominator tree: climb to its depth only.
    int x = m_idom[size_t(node)];
    while (x != root && x >= 0 && m_depth[size_t(x)] > m_depth[size_t(before)])
        x = m_idom[size_t(x)];
    return x == before;
}

std::vector<std::vector<int>> WorkflowGraph::paths(int node, size_t limit) const
{
    // Backwards from the node over the acyclic part, as a tree of (node, parent) entries so a
    // long path costs one entry per step; the walk is bounded whatever the graph.
    if (node < 0 || size_t(node) >= m_w.nodes().size())
        return {};
    const std::vector<int>& position = m_position;
    struct Entry
    {
        int node;
        int parent;
    };
    std::vector<Entry> tree{{node, -1}};
    std::vector<std::vector<int>> out;
    constexpr size_t kBudget = 200000;
    for (size_t i = 0; i < tree.size() && out.size() < limit && tree.size() < kBudget; ++i) {
        const int v = tree[i].node;
        if (m_w.nodes()[size_t(v)].kind == WorkflowNodeKind::Trigger) {
            std::vector<int> path;
            for (int k = int(i); k >= 0; k = tree[size_t(k)].parent)
                path.push_back(tree[size_t(k)].node);
            out.push_back(std::move(path));
            continue;
        }
        for (int e : m_in[size_t(v)]) {
            const int from = m_edges[size_t(e)].from;
            if (position[size_t(from)] >= 0 && position[size_t(from)] < position[size_t(v)])
                tree.push_back({from, int(i)});
        }
    }
    return out;
}

Diagnostics WorkflowGraph::lint() const
{
    Diagnostics d;
    auto add = [&](Severity s, const char* code, std::string msg, SourceRange r) {
        d.push_back({s, code, std::move(msg), r, {}});
    };
    const auto& nodes = m_w.nodes();
    const auto& conns = m_w.connections();
    const std::vector<std::string> ids = m_w.identifiers();
    if (!m_w.nodesJson())
        return d;
    if (m_triggers.empty())
        add(Severity::Error, "PH3109",
            "the workflow has no trigger node (SELF_SERVE_TRIGGER, EVENT_TRIGGER or "
            "SCHEDULE_TRIGGER): it can never run",
            openingOf(*m_w.nodesJson()));

    std::vector<std::vector<int>> byOutlet(nodes.size());
    for (size_t c = 0; c < conns.size(); ++c) {
        const WorkflowConnection& conn = conns[c];
        for (const auto& [key, id] : {std::pair{"sourceIdentifier", &conn.source},
                                      std::pair{"targetIdentifier", &conn.target}})
            if (!id->empty() && m_w.indexOf(*id) < 0)
                add(Severity::Error, "PH3101",
                    "connection " + std::string(key[0] == 's' ? "from" : "to") + " unknown node " +
                        q(*id) + didYouMeanSuffix(*id, ids),
                    at(conn, key));
        const int from = m_w.indexOf(conn.source);
        const int to = m_w.indexOf(conn.target);
        if (to >= 0 && nodes[size_t(to)].kind == WorkflowNodeKind::Trigger)
            add(Severity::Error, "PH3103",
                "trigger " + q(conn.target) +
                    " cannot be a connection's target: a trigger "
                    "only starts a run",
                at(conn, "targetIdentifier"));
        if (from < 0)
            continue;
        const WorkflowNode& src = nodes[size_t(from)];
        const bool branching = src.kind == WorkflowNodeKind::Flow;
        if (branching && conn.outlet.empty() && !conn.fallback)
            add(Severity::Error, "PH3104",
                "a connection from " + src.type + " node " + q(src.id) +
                    " needs \"sourceOutletIdentifier\" or \"fallback\": true",
                openingOf(*conn.json));
        if (!conn.outlet.empty()) {
            std::vector<std::string> outletIds;
            for (const auto& o : src.outlets)
                outletIds.push_back(o.id);
            const JsonNode* v = member(conn.json, "sourceOutletIdentifier");
            if (!v)
                v = member(conn.json, "sourceOptionIdentifier");
            if (!branching)
                add(Severity::Warning, "PH3106",
                    "node " + q(src.id) + " is a " + src.type + " node and has no outlets",
                    v->range);
            else if (std::find(outletIds.begin(), outletIds.end(), conn.outlet) == outletIds.end())
                add(Severity::Error, "PH3106",
                    "node " + q(src.id) + " has no outlet " + q(conn.outlet) +
                        didYouMeanSuffix(conn.outlet, outletIds),
                    v->range);
        }
        byOutlet[size_t(from)].push_back(int(c));
    }

    for (size_t i = 0; i < nodes.size(); ++i) {
        const WorkflowNode& n = nodes[i];
        const auto& out = byOutlet[i];
        if (n.kind != WorkflowNodeKind::Flow) {
            for (size_t k = 1; k < out.size(); ++k)
                add(Severity::Error, "PH3102",
                    "node " + q(n.id) + " already connects to " + q(conns[size_t(out[0])].target) +
                        ": only CONDITION and INPUT nodes may have more than one outgoing "
                        "connection (no fan-out)",
                    at(conns[size_t(out[k])], "sourceIdentifier"));
        } else {
            // One connection per outlet and one fallback; every outlet used.
            std::vector<std::string> used;
            bool fallback = false;
            for (int c : out) {
                const auto& conn = conns[size_t(c)];
                const std::string label = conn.fallback ? std::string("\x01") : conn.outlet;
                if (label.empty())
                    continue;
                if (std::find(used.begin(), used.end(), label) != used.end())
                    add(Severity::Error, "PH3110",
                        (conn.fallback ? std::string("a second fallback connection")
                                       : "a second connection from outlet " + q(conn.outlet)) +
                            " of node " + q(n.id) + ": each outlet leads to one node",
                        openingOf(*conn.json));
                used.push_back(label);
                fallback = fallback || conn.fallback;
            }
            for (const auto& o : n.outlets)
                if (std::find(used.begin(), used.end(), o.id) == used.end())
                    add(Severity::Warning, "PH3105",
                        "outlet " + q(o.id) + " of node " + q(n.id) +
                            " leads nowhere: no connection uses it (the run ends there)",
                        o.json->member("identifier")->range);
        }
        if (!m_reachable[i] && n.kind != WorkflowNodeKind::Trigger && !m_triggers.empty() &&
            m_w.indexOf(n.id) == int(i)) // a duplicate id is reported as that
            add(Severity::Warning, "PH3107",
                "node " + q(n.id) + " is unreachable: no path leads to it from a trigger",
                idRange(n));
    }
    if (!m_cycle.empty()) {
        std::string path;
        for (size_t k = 0; k < m_cycle.size() && k < 12; ++k)
            path += (k ? " → " : "") + nodes[size_t(m_cycle[k])].id;
        if (m_cycle.size() > 12)
            path += " → …";
        const int last = m_cycle[m_cycle.size() - 2];
        SourceRange r = idRange(nodes[size_t(m_cycle.front())]);
        for (int e : m_out[size_t(last)])
            if (m_edges[size_t(e)].to == m_cycle.front())
                r = at(conns[size_t(m_edges[size_t(e)].connection)], "targetIdentifier");
        add(Severity::Error, "PH3108",
            "cycle: " + path + "; a workflow's connections must not loop", r);
    }
    return d;
}

} // namespace porthole
