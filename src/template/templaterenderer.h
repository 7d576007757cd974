// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bracescanner.h"
#include "core/jsonvalue.h"
#include "jqengine.h"

#include <string>
#include <vector>

namespace porthole {

/// How to render: Port's throwOnError, the newer `{{ spreadValue() }}` keys, jq limits.
struct TemplateSettings
{
    bool strict = false;
    bool spreadValue = true; // documented by Port; npm 0.0.12 predates it
    JqLimits limits;
};

/// One step of a JSON path: an object key or an array index.
struct PathStep
{
    bool isIndex = false;
    int index = 0;
    std::string key;
};
using JsonPath = std::vector<PathStep>;

/// "payload.items[2][\"my-key\"]"-style text of a path.
std::string pathText(const JsonPath& path);

/// One `{{…}}` of a string and what jq made of it.
struct TemplateResult
{
    BraceSpan span;         // UTF-16 indices of the expression inside the string
    std::string expression; // the text between the braces (WTF-8)
    std::string body;       // what jq compiled (JqFilter::body)
    JqOutcome outcome;
};

/// A string of the document (a value or a key) that holds templates or a brace error.
struct TemplateTrace
{
    JsonPath path; // of the value, or of the member whose key this is
    bool isKey = false;
    std::string text;        // the string as JSON.parse gives it
    bool typed = false;      // rule 3: the result keeps its JSON type
    std::string scanError;   // rule 5 message, empty when none
    int scanErrorIndex = -1; // UTF-16 index inside text
    std::vector<TemplateResult> templates;
};

/// The result of rendering a document.
struct RenderOutcome
{
    bool ok = false;
    JsonValue value;   // may be undefined (a whole-document "{{ empty }}")
    std::string error; // the message Port's renderer would throw
    std::vector<TemplateTrace> traces;
};

/// Port's renderRecursively (port-reference.md §2) over a JSON.parse'd document.
namespace TemplateRenderer {

/// Renders `document` against `context`. All expressions are evaluated in one engine call
/// (one compile for all new ones); errors are then raised in the order Port raises them.
RenderOutcome render(const JsonValue& document, const JsonValue& context,
                     const TemplateSettings& settings, JqEngine& engine);

/// The same on the shared engine (locks it).
RenderOutcome render(const JsonValue& document, const JsonValue& context,
                     const TemplateSettings& settings = {});

} // namespace TemplateRenderer
} // namespace porthole
