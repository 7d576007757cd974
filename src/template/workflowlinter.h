// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"
#include "core/workflowgraph.h"
#include "jqengine.h"

#include <string_view>

namespace porthole {

/// `porthole-cli lint --workflow`: a whole workflow's problems with positions in its file.
///   PH30xx  the document's shape (Workflow)          PH31xx  the graph (WorkflowGraph)
///   PH1xxx/PH2xxx  each KAFKA node's fields and every templated field, as `lint` reports
///   them (a dot access on a hyphenated id is an error here)
///   PH3201 error    `.outputs["x"]`: no node x (did you mean …?)
///   PH3202 error    `.outputs["x"]`: x runs after or beside this node, never before it
///   PH3203 warning  `.outputs.trigger.f`: the trigger has no input f
///   PH3204 warning  a field the upstream node's output never has (its type's or its variables')
///   PH3205 warning  x runs on only some of the paths that join at this node
namespace WorkflowLinter {

/// Templated fields: KAFKA payload; WEBHOOK url, headers, body; UPSERT_ENTITY mapping; AI
/// prompts; every node's variables and links; CONDITION expressions (bare jq, no braces).
/// One render of all of them: one jq compile and one sandboxed evaluation per workflow.
Diagnostics lint(std::string_view text, const JqLimits& limits = {});

Diagnostics lint(std::string_view text, const Workflow& workflow, const WorkflowGraph& graph,
                 const JqLimits& limits = {});

} // namespace WorkflowLinter
} // namespace porthole
