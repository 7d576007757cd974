// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

class Workflow;
class WorkflowGraph;

/// One completion proposal for the text inside a node's `{{ }}`.
struct Completion
{
    std::string text;         ///< what is inserted in place of the prefix
    std::string detail;       ///< "string", "jq builtin/1", "jq 1.7 only: Port runs 1.6", …
    bool unavailable = false; ///< not in jq 1.6 (Port's renderer): shown, marked, never first
};

/// Where the cursor stands for completion: inside a template or not, and the word before it.
struct CompletionSpot
{
    bool inTemplate = false;
    int64_t prefixBegin = 0; ///< byte offset where the prefix starts
    std::string prefix;      ///< ".trigger.by.u", "asc", "@ba", or empty
};

/// Finds the template and the word the cursor at byte `cursor` is in.
CompletionSpot completionSpot(std::string_view text, int64_t cursor);
/// Proposals for `prefix`: context paths (".a.b", ".list[0]") taken from `context` when it
/// starts with ".", jq formats for "@", else jq 1.6 builtins (and 1.7-only ones, marked).
std::vector<Completion> completionsFor(std::string_view prefix, const JsonValue& context);

/// What a workflow tells completion about `.outputs[…]` for one node: the nodes whose outputs
/// it may read (they run before it) and the top fields their outputs have.
struct WorkflowHints
{
    struct Node
    {
        std::string id;
        std::string type;
        std::vector<std::string> fields; // empty: unknown (a KAFKA node's consumer decides)
        bool runsBefore = true;          // false: it runs after or beside (offered, marked)
    };
    std::vector<Node> nodes;
};
/// The hints for node `target` of a workflow (see WorkflowOutputs::fields).
WorkflowHints workflowHints(const Workflow& workflow, const WorkflowGraph& graph, int target);
/// As above, and inside `.outputs[` the workflow's node ids (`.outputs["id"]`), then after
/// `.outputs["id"].` the fields that node's output has: from `hints` when given, and from
/// `context`'s `.outputs` (a chained context holds what the nodes before produce).
std::vector<Completion> completionsFor(std::string_view prefix, const JsonValue& context,
                                       const WorkflowHints* hints);

/// jq 1.6's builtins as "name/arity" (what `builtins` lists, minus private "_" ones).
const std::vector<std::string>& jq16Builtins();

} // namespace porthole
