// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"
#include "core/runid.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// The context a template sees (port-reference.md §3): presets for workflows and for
/// self-service actions/automations, realistic ids, load/save. (It would sit well in core; it
/// lives here until core wants it.)
namespace ContextModel {

enum class Preset
{
    Workflow,
    Action
};

/// A fresh id of `kind` in Port's form (RunId::generate): "wfr_", "wfnr_" or "r_" + 16.
std::string generateId(RunId::Kind kind);

/// An ISO 8601 UTC timestamp with milliseconds, e.g. "2026-11-24T09:00:00.000Z", for now.
std::string nowIso();

/// A context with every documented variable and fresh ids. The workflow preset's trigger
/// node is `triggerNodeId` (its outputs are also .outputs.trigger).
JsonValue preset(Preset kind, const std::string& triggerNodeId = "trigger");

/// The same context with new run ids and timestamps (for a new run).
JsonValue refreshIds(const JsonValue& context);

/// The documented variable paths of a preset, for completion ("."-paths, bracket form for
/// hyphenated names).
std::vector<std::string> variables(Preset kind);

/// Reads a context file (a JSON object); nullopt and `error` on failure.
std::optional<JsonValue> load(const std::string& path, std::string* error);

/// Writes a context as indented JSON; false and `error` on failure.
bool save(const std::string& path, const JsonValue& context, std::string* error);

} // namespace ContextModel
} // namespace porthole
