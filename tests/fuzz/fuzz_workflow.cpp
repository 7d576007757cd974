// SPDX-License-Identifier: GPL-3.0-or-later
// Property: any bytes linted as a workflow never crash; the diagnostics come sorted with
// ranges (and quick fixes) inside the text. For the first nodes of a parsed workflow, every
// path the graph gives runs from a trigger along connections to that node, and a chained
// context, when one is built, holds outputs only of nodes that run before the node.
//
// jq runs as the app and the CLI run it (Isolation::Fork, a deadline and a memory limit):
// CONDITION outlets and variables are fuzzed too, and a jq program may loop or eat memory
// (see fuzz_template_renderer for why InProcess would report jq's behaviour as ours).
#include "template/workflowcontext.h"
#include "template/workflowlinter.h"

#include <cstdlib>

using namespace porthole;

namespace {

void check(bool ok)
{
    if (!ok)
        std::abort();
}

bool isEdge(const WorkflowGraph& g, int from, int to)
{
    for (int e : g.outgoing(from))
        if (g.edges()[size_t(e)].to == to)
            return true;
    return false;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    JqLimits limits;
    limits.isolation = Isolation::Fork;
    limits.timeoutMs = 200;
    limits.memoryLimitMb = 64;
    const Workflow w = Workflow::parse(text);
    const WorkflowGraph g(w);
    const Diagnostics diags = WorkflowLinter::lint(text, w, g, limits);
    int64_t last = 0;
    for (const auto& d : diags) {
        check(d.range.begin.offset >= last && d.range.end.offset <= int64_t(size));
        last = d.range.begin.offset;
        if (d.fix)
            check(d.fix->range.begin.offset >= 0 && d.fix->range.end.offset <= int64_t(size));
    }
    const auto& nodes = w.nodes();
    for (size_t n = 0; n < nodes.size() && n < 4; ++n) {
        for (const auto& path : g.paths(int(n), 4)) {
            check(!path.empty() && path.back() == int(n));
            check(nodes[size_t(path.front())].kind == WorkflowNodeKind::Trigger);
            for (size_t k = 1; k < path.size(); ++k)
                check(isEdge(g, path[k - 1], path[k]));
        }
        const Chain c = WorkflowContext::build(w, g, int(n), {}, limits);
        if (!c.ok)
            continue;
        check(c.path.back() == int(n));
        for (const auto& [id, value] : c.context["outputs"].members()) {
            const int x = w.indexOf(id);
            // The trigger's own id (which may be a duplicate's) or a node before the node.
            check(id == "trigger" || id == nodes[size_t(c.path.front())].id ||
                  (x >= 0 && x != int(n) && g.runsBefore(x, int(n))));
        }
    }
    return 0;
}
