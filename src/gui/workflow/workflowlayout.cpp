// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowlayout.h"

#include <algorithm>

namespace porthole {

WorkflowLayout WorkflowLayout::compute(const Workflow& workflow, const WorkflowGraph& graph,
                                       double nodeWidth, double nodeHeight, double gapX,
                                       double gapY)
{
    const size_t n = workflow.nodes().size();
    WorkflowLayout out;
    out.layer.assign(n, -1);
    out.centre.assign(n, QPointF());
    int deepest = 0;
    // graph.order() puts every node after the nodes with a connection into it: one pass gives
    // the longest path from a trigger.
    for (int node : graph.order()) {
        if (out.layer[size_t(node)] < 0)
            out.layer[size_t(node)] = 0;
        for (int e : graph.outgoing(node)) {
            const int to = graph.edges()[size_t(e)].to;
            out.layer[size_t(to)] = std::max(out.layer[size_t(to)], out.layer[size_t(node)] + 1);
        }
        deepest = std::max(deepest, out.layer[size_t(node)]);
    }
    std::vector<bool> ordered(n, false);
    for (int node : graph.order())
        ordered[size_t(node)] = true;
    bool leftOver = false;
    for (size_t i = 0; i < n; ++i)
        if (out.layer[i] < 0 || !ordered[i]) {
            out.layer[i] = deepest + 1;
            leftOver = true;
        }
    out.layers.assign(size_t(deepest + 1 + (leftOver ? 1 : 0)), {});
    for (size_t i = 0; i < n; ++i)
        out.layers[size_t(out.layer[i])].push_back(int(i));
    const double rowStep = nodeHeight + gapY;
    const double colStep = nodeWidth + gapX;
    for (size_t l = 0; l < out.layers.size(); ++l) {
        auto& row = out.layers[l];
        // Barycentre of the parents already placed (document order breaks ties).
        std::vector<double> key(n, 0);
        for (int node : row) {
            double sum = 0;
            int count = 0;
            for (int e : graph.incoming(node)) {
                const int from = graph.edges()[size_t(e)].from;
                if (out.layer[size_t(from)] < int(l)) {
                    sum += out.centre[size_t(from)].x();
                    ++count;
                }
            }
            key[size_t(node)] = count ? sum / count : 0;
        }
        std::stable_sort(row.begin(), row.end(),
                         [&](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
        for (size_t k = 0; k < row.size(); ++k)
            out.centre[size_t(row[k])] =
                QPointF((double(k) - double(row.size() - 1) / 2) * colStep, double(l) * rowStep);
    }
    return out;
}

} // namespace porthole
