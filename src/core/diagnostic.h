// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// A place in a source text: 1-based line and column (columns count Unicode characters, not
/// bytes) and the 0-based byte offset into the UTF-8 text.
struct SourcePos
{
    int line = 1;
    int column = 1;
    int64_t offset = 0;
    bool operator==(const SourcePos&) const = default;
    auto operator<=>(const SourcePos& o) const { return offset <=> o.offset; }
};

/// A half-open range [begin, end) of a source text.
struct SourceRange
{
    SourcePos begin;
    SourcePos end;
    bool operator==(const SourceRange&) const = default;
};

enum class Severity
{
    Error,
    Warning,
    Note
};

/// A quick fix: replace `range` with `replacement`.
struct Fix
{
    std::string title;
    SourceRange range;
    std::string replacement;
};

/// One finding about a document, with a stable code (PHnnnn) that scripts may rely on.
struct Diagnostic
{
    Severity severity = Severity::Error;
    std::string code;
    std::string message;
    SourceRange range;
    std::optional<Fix> fix;
};

using Diagnostics = std::vector<Diagnostic>;

/// "error", "warning" or "note".
const char* severityName(Severity s);

/// Sorts by position (then severity, then code) so output is stable.
void sortDiagnostics(Diagnostics& diagnostics);

/// True if any diagnostic is an error.
bool hasErrors(const Diagnostics& diagnostics);

} // namespace porthole
