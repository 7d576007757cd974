// SPDX-License-Identifier: GPL-3.0-or-later
// The state of one workflow run the runner walks; private to porthole_flow.
#pragma once

#include "workflowrunner.h"

#include "core/workflowgraph.h"

#include <memory>
#include <string>

namespace porthole {

/// A node or workflow id in a log line: "build-image".
inline QString quoted(const std::string& s)
{
    return QLatin1Char('"') + QString::fromStdString(s) + QLatin1Char('"');
}

struct WorkflowRunner::Run
{
    QString id;
    std::string text; // the workflow as stored when the run was created
    std::unique_ptr<Workflow> workflow;
    std::unique_ptr<WorkflowGraph> graph;
    JsonValue context;                       // .secrets, .workflow, .workflowRun
    JsonValue outputs = JsonValue::object(); // .outputs, as the nodes that ran made it
    int next = -1;                           // the node that runs next
    int waitingNode = -1;                    // a KAFKA node waiting for its consumer
    size_t steps = 0;
    bool done = false;
};

} // namespace porthole
