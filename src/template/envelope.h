// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"
#include "jqengine.h"

#include <string>

namespace porthole {

/// The JSON Port wraps around a rendered payload before publishing it. Port does not document
/// it (port-reference.md §1): the default is a GUESS from Port's execution agent
/// ({"context": {"runId": <node run id>, …}, "payload": …}). An envelope is itself a template,
/// rendered with Port's rules against {payload, context, node: {identifier, title}, orgId};
/// a string that is exactly "{{ .payload }}" receives the payload unchanged (not through jq).
namespace Envelope {

/// The default (guessed) envelope template.
JsonValue defaultTemplate();

/// The input an envelope template sees.
struct Input
{
    JsonValue payload;
    JsonValue context;
    std::string nodeIdentifier;
    std::string nodeTitle;
    std::string orgId;
};

/// The default envelope computed directly (same result as rendering defaultTemplate(), without
/// a trip through jq: the payload stays byte-identical and it costs microseconds).
JsonValue wrapDefault(const Input& input);

/// Wraps one payload; on failure returns false and sets `error`.
bool wrap(const JsonValue& envelopeTemplate, const Input& input, const JqLimits& limits,
          JsonValue* out, std::string* error);

} // namespace Envelope
} // namespace porthole
