// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflowgraph.h"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// What a chained context is built from besides the workflow.
struct ChainOptions
{
    std::optional<JsonValue> inputs;        // the trigger's inputs; else from its schema
    std::map<std::string, JsonValue> mocks; // node id → the output it gives (replaces default)
    /// node id → its output as a real run recorded it (variables.outputs of GET
    /// /v1/workflows/runs/{wfr}): used as it is, its `variables` already applied.
    std::map<std::string, JsonValue> recorded;
    std::map<std::string, std::string> forks; // CONDITION/INPUT id → outlet id or "fallback"
    /// The run context around the outputs: .workflow, .workflowRun, .workflowNodeRun,
    /// .secrets (its workflowRun.trigger.identifier is set to the trigger that fires).
    JsonValue base = JsonValue::object();
};

/// The jq a walk needs; src/template provides it (core has no jq).
class ChainEvaluator
{
public:
    virtual ~ChainEvaluator() = default;
    /// A CONDITION outlet's bare jq against the context: true/false, or nullopt and `error`.
    virtual std::optional<bool> condition(const std::string& expression, const JsonValue& context,
                                          std::string* error) = 0;
    /// A node's `variables` rendered against `context` (which holds `.result`).
    virtual std::optional<JsonValue> variables(const JsonValue& variables, const JsonValue& context,
                                               std::string* error) = 0;
};

/// The context a node's templates see in a run that reaches it (port-reference.md §8).
struct Chain
{
    bool ok = false;
    std::string error;
    JsonValue context;
    std::vector<int> path;                      // trigger … node
    std::map<std::string, std::string> sources; // node id → where its output came from
    std::vector<std::string> notes;             // branch choices and guesses, for people
};

namespace WorkflowChain {

/// Walks from a trigger that reaches `target` the way Port would run it: each node before it
/// gives its output (mock, else its type's default; its `variables` rendered against
/// `.result` and replacing it), CONDITION outlets are evaluated (first true, else fallback)
/// unless forced; a branch that cannot reach `target` is left for one that can, with a note.
Chain build(const Workflow& workflow, const WorkflowGraph& graph, int target,
            const ChainOptions& options, ChainEvaluator& jq);

/// A real run as the chain's source: `answer` is the body of GET /v1/workflows/runs/{wfr}
/// (Port's or the sandbox's). Its variables.outputs become `recorded` (the trigger's become
/// `inputs`), the run's id and createdAt go into `base`'s .workflowRun, and the node run of
/// `node` into .workflowNodeRun when the run reached it. False with `error` when the answer
/// has no variables.outputs. One home for the CLI's `render --run` and the app's Workflow tab.
bool useRun(const JsonValue& answer, const std::string& runId, const std::string& node,
            ChainOptions* options, std::string* error);

} // namespace WorkflowChain
} // namespace porthole
