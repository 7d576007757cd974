// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"
#include "core/jsonnode.h"
#include "noderenderer.h"
#include "templaterenderer.h"

#include <string_view>

namespace porthole {

/// Template diagnostics with stable codes and quick fixes:
///   PH2001 error    stray or nested `{{`/`}}` (the brace scanner fails the whole payload)
///   PH2002 error    a templated key that evaluates to something other than a string/null
///   PH2101 error    Go/Sprig template syntax (`date "2006-…"`, `| upper`, `printf`, …)
///   PH2102 warning  Helm/Go values (`.Values`, `.Release`) that Port's context never has
///   PH2103 error    a field named e and digits (`.e2`): jq 1.6 lexes it as a number
///   PH2201 error/warning  dot access on a hyphenated name (`.outputs.my-node.x` subtracts)
///   PH2301 warning  a template that fails: Port renders null (lenient) or fails (strict)
///   PH2302 note     a template with no output: the key is omitted / the text says "undefined"
///   PH2401 warning  jq ≥ 1.7 syntax or builtins: local jq 1.6 rejects what Port may accept
namespace TemplateLinter {

/// Where UTF-16 index `u16` of a string literal's decoded text sits in the source. `literal`
/// is the literal's range, quotes included.
SourcePos positionInLiteral(std::string_view text, const SourceRange& literal, int u16);

/// The literal range of the value at `path` under `base` (or of its key), if found.
const SourceRange* literalRange(const JsonNode& base, const JsonPath& path, bool isKey);

/// Diagnostics for the traces of rendering the node whose payload node is `payload`.
/// `runtime`: the context is real, so runtime errors are worth reporting too.
Diagnostics lint(std::string_view text, const JsonNode& payload,
                 const std::vector<TemplateTrace>& traces, bool runtime);

/// One TemplateInfo per `{{…}}` of the traces.
std::vector<TemplateInfo> templates(std::string_view text, const JsonNode& payload,
                                    const std::vector<TemplateTrace>& traces,
                                    const std::string& pathPrefix);

/// Everything `porthole-cli lint` reports: JSON syntax, node structure and template lints,
/// sorted by position. Without a context only context-independent problems are reported.
Diagnostics lintNode(std::string_view nodeText, const JsonValue* context = nullptr,
                     const JqLimits& limits = {});

/// A fixed expression for Go/Sprig syntax, or "" when there is no automatic fix.
std::string fixGoSyntax(const std::string& expression);

} // namespace TemplateLinter
} // namespace porthole
