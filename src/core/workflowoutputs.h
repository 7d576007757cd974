// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workflow.h"

#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// What each node type hands to the nodes after it (port-reference.md §8's table): a default
/// output for previews, and the fields that output has, for lints. A KAFKA node's output is
/// what its consumer reports, so its fields are unknown (std::nullopt: anything may be read).
namespace WorkflowOutputs {

/// Inputs a SELF_SERVE_TRIGGER's `userInputs` schema would accept: each property's default,
/// else its first enum value, else an example for its format and type.
JsonValue sampleInputs(const JsonNode* userInputs);

/// The output `node` produces by default: for a trigger, what `.outputs.trigger` holds
/// (sample inputs, an event's {action, diff{before, after}}).
JsonValue defaultOutput(const WorkflowNode& node);

/// The fields a node's output has at the top: its `variables` keys when it sets them (they
/// replace the output), else its type's; nullopt when unknown.
std::optional<std::vector<std::string>> fields(const WorkflowNode& node);

/// The fields under `field` of the type's default output (WEBHOOK `response` → status, data);
/// nullopt when unknown or when `variables` replaced the output.
std::optional<std::vector<std::string>> subFields(const WorkflowNode& node,
                                                  const std::string& field);

/// The fields every trigger of the workflow offers as `.outputs.trigger.<f>`; nullopt when a
/// trigger's inputs are unknown.
std::optional<std::vector<std::string>> triggerFields(const Workflow& workflow);

} // namespace WorkflowOutputs
} // namespace porthole
