// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// One `{{…}}` found in a string: [start, end) is the expression between the braces, in UTF-16
/// code units (JavaScript string indices), so the braces sit at start-2 and end.
struct BraceSpan
{
    int start = 0;
    int end = 0;
};

/// The result of scanning a string like Port's findInsideDoubleBracesIndices.
struct BraceScan
{
    std::vector<BraceSpan> spans;
    std::string error;   // empty when the string is well formed
    int errorIndex = -1; // UTF-16 index the error message names (the first brace of the pair)
    bool ok() const { return error.empty(); }
};

namespace BraceScanner {

/// Scans a JavaScript string exactly as Port's renderer does (port-reference.md §2 rule 5),
/// with the same error messages and indices.
BraceScan scan(std::u16string_view s);

} // namespace BraceScanner
} // namespace porthole
