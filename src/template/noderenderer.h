// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"
#include "core/jsonvalue.h"
#include "jqengine.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// How renderNode renders and wraps a KAFKA node's payload.
struct RenderOptions
{
    bool strict = false; // Port's throwOnError
    /// An array payload: one message per element (Split, the default guess) or one message.
    enum class ArrayMode
    {
        Split,
        Single
    } arrayMode = ArrayMode::Split;
    /// The envelope template (see Envelope); null = the default guess.
    std::optional<JsonValue> envelope;
    int timeoutMs = 5000; // per expression, like Port's service
    /// Fork (default) isolates jq in a child process; InProcess is faster, for warm re-renders.
    Isolation isolation = Isolation::Fork;
    int memoryLimitMb = 2048;
    std::string orgId;       // shown to the envelope as .orgId
    bool spreadValue = true; // honour `{{ spreadValue() }}` keys (newer than npm 0.0.12)
};

/// One `{{…}}` of the node, for the editor.
struct TemplateInfo
{
    std::string path;            // JSON path of the string inside the node, e.g. config.payload.a
    bool inKey = false;          // the template is in an object key
    SourceRange range;           // of `{{…}}` in the node text, braces included
    std::string expression;      // between the braces
    bool ok = true;              // false when jq failed (error set)
    bool undefinedValue = false; // no output (`empty`, halt, error(non-string))
    JsonValue value;             // its value when ok
    std::string error;           // jq's message
};

/// Everything renderNode found out.
struct RenderedNode
{
    bool ok = false;
    std::string error;                 // first fatal error, readable
    JsonValue payload;                 // rendered config.payload
    std::vector<std::string> messages; // Kafka message values, compact JSON
    Diagnostics diagnostics;           // structure + template diagnostics, sorted
    std::vector<TemplateInfo> templates;
};

/// Validates a KAFKA node text, renders config.payload with Port's rules against `context`,
/// wraps it in the envelope and splits arrays: what Port would publish. Thread-safe.
RenderedNode renderNode(std::string_view nodeText, const JsonValue& context,
                        const RenderOptions& options = {});

} // namespace porthole
