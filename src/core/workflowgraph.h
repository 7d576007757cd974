// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow.h"

#include <vector>

namespace porthole {

/// The run graph of a Workflow: which node runs after which (port-reference.md §8's rules),
/// its order, the paths from a trigger to each node and where branches join (fan-in). Built in
/// O(nodes + connections); questions about one node cost at most one more walk.
class WorkflowGraph
{
public:
    explicit WorkflowGraph(const Workflow& workflow);

    /// An edge: connection `connection` leads from node `from` to node `to` (both known).
    struct Edge
    {
        int from = -1;
        int to = -1;
        int connection = -1;
    };
    const std::vector<Edge>& edges() const { return m_edges; }
    const std::vector<int>& outgoing(int node) const { return m_out[size_t(node)]; }
    const std::vector<int>& incoming(int node) const { return m_in[size_t(node)]; }
    const std::vector<int>& triggers() const { return m_triggers; }

    /// Nodes in an order where each comes after every node with a connection into it (nodes on
    /// a cycle are left out).
    const std::vector<int>& order() const { return m_order; }
    bool reachable(int node) const { return m_reachable[size_t(node)]; }
    /// Two or more connections end here: branches join (fan-in).
    bool isFanIn(int node) const { return m_in[size_t(node)].size() > 1; }
    /// True when `before` runs before `node` on some path (a connection path leads to it).
    bool runsBefore(int before, int node) const;
    /// True when every path from a trigger to `node` passes `before` (so its output is there
    /// whichever branch ran).
    bool onEveryPath(int before, int node) const;
    /// Up to `limit` paths from a trigger to `node` (node indices, trigger first).
    std::vector<std::vector<int>> paths(int node, size_t limit = 16) const;
    /// The nodes of one cycle (first node repeated at the end), empty when acyclic.
    const std::vector<int>& cycle() const { return m_cycle; }

    /// The graph rules: unknown ends, fan-out, a trigger as a target, unlabelled or unknown
    /// outlets, unused outlets, unreachable nodes, cycles, no trigger.
    Diagnostics lint() const;

private:
    const Workflow& m_w;
    std::vector<Edge> m_edges;
    std::vector<std::vector<int>> m_out, m_in; // edge indices
    std::vector<int> m_triggers, m_order, m_cycle, m_idom, m_depth;
    std::vector<int> m_position; // in m_order, -1 on a cycle
    std::vector<bool> m_reachable;
    void findCycle(const std::vector<int>& indegreeLeft);
    void computeDominators();
};

} // namespace porthole
