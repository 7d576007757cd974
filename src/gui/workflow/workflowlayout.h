// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workflowgraph.h"

#include <QPointF>

#include <vector>

namespace porthole {

/// Where each node of a workflow graph goes: layers by depth from the trigger (the longest
/// path, so every connection points down), nodes of a layer side by side, ordered by where
/// their parents stand so branches that join cross as little as possible. Nodes on a cycle or
/// unreachable from the order go in a last layer.
struct WorkflowLayout
{
    std::vector<int> layer;      // per node
    std::vector<QPointF> centre; // per node, scene coordinates
    std::vector<std::vector<int>> layers;

    static WorkflowLayout compute(const Workflow& workflow, const WorkflowGraph& graph,
                                  double nodeWidth, double nodeHeight, double gapX, double gapY);
};

} // namespace porthole
