// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonnode.h"

namespace porthole {

/// Checks a parsed document against the shape of Port's KAFKA action node
/// (port-reference.md §1). Unknown fields are warnings: Port may add fields before we do.
namespace NodeValidator {

/// Diagnostics for a parsed node (the root must exist).
Diagnostics validate(const JsonNode& root);

/// Parses and validates a node text: syntax and structure diagnostics, sorted by position.
Diagnostics lint(std::string_view text);

} // namespace NodeValidator
} // namespace porthole
