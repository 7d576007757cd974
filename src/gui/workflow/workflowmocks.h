// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <QString>

#include <map>
#include <string>

namespace porthole {

/// The outputs the user gave nodes of a workflow (the trigger's: its inputs) and the branches
/// they forced, remembered per workflow file in the app's settings and never written into the
/// workflow itself.
namespace WorkflowMocks {

/// node id → its mock output, for the workflow at `path` (empty when none or untitled).
std::map<std::string, JsonValue> load(const QString& path);
/// Stores `mocks` for `path` (an empty map forgets the file).
void save(const QString& path, const std::map<std::string, JsonValue>& mocks);

/// CONDITION/INPUT id → the outlet the user forced ("fallback" for it), for `path`.
std::map<std::string, std::string> loadForks(const QString& path);
/// Stores `forks` for `path` (an empty map forgets the file).
void saveForks(const QString& path, const std::map<std::string, std::string>& forks);

} // namespace WorkflowMocks
} // namespace porthole
