// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workflowchain.h"
#include "jqengine.h"

#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// The jq half of a chained context (the walk itself is WorkflowChain, in core): CONDITION
/// outlets evaluated and `variables` rendered with Port's rules, on the shared engine.
class JqChainEvaluator : public ChainEvaluator
{
public:
    explicit JqChainEvaluator(JqLimits limits = {}) : m_limits(limits) {}
    std::optional<bool> condition(const std::string& expression, const JsonValue& context,
                                  std::string* error) override;
    std::optional<JsonValue> variables(const JsonValue& variables, const JsonValue& context,
                                       std::string* error) override;
    /// The template a CONDITION outlet's bare jq is evaluated (and linted) as.
    static std::string conditionTemplate(const std::string& expression);

private:
    JqLimits m_limits;
};

namespace WorkflowContext {

/// The names every template of the workflow reads as `.secrets["name"]`, in first-use order.
std::vector<std::string> secretNames(const Workflow& workflow);

/// The run context around the outputs (port-reference.md §3): .secrets with a placeholder per
/// name used, .workflow, and fresh well-formed .workflowRun/.workflowNodeRun ids.
JsonValue base(const Workflow& workflow);

/// Compiles every template a walk to `target` may evaluate, in one jq program.
void prewarm(const Workflow& workflow, const WorkflowGraph& graph, int target,
             const JqLimits& limits = {});

/// The chained context of node `target` (WorkflowChain::build with `base()` under what
/// `options.base` sets, jq from JqChainEvaluator).
Chain build(const Workflow& workflow, const WorkflowGraph& graph, int target, ChainOptions options,
            const JqLimits& limits = {});

} // namespace WorkflowContext
} // namespace porthole
