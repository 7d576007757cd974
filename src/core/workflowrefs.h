// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// A read of `.outputs` or `.secrets` inside a jq expression, found without jq so lints can
/// check it against the graph: `.outputs["fetch-service"].response.data` names the node
/// "fetch-service" and the fields "response", "data". Offsets are bytes into the expression.
struct WorkflowRef
{
    std::string name; // the node id (or secret name)
    size_t begin = 0; // of the whole reference, from the dot of `.outputs`
    size_t end = 0;   // after the last step read
    size_t nameBegin = 0, nameEnd = 0;
    bool hyphenatedDot = false;      // `.outputs.my-node`: jq reads a subtraction
    std::vector<std::string> fields; // up to two steps after the name
    std::vector<std::pair<size_t, size_t>> fieldRanges;
};

namespace WorkflowRefs {

/// Every `.ROOT<step>…` at the top of the expression's data (not `.a.ROOT`), outside string
/// literals but inside their `\(…)` interpolations; `root` is "outputs" or "secrets".
std::vector<WorkflowRef> find(std::string_view expression, std::string_view root);

} // namespace WorkflowRefs
} // namespace porthole
