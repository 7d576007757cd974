// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include <vector>

namespace porthole {

// A line diff (Myers' O(ND) shortest edit script) for comparing two messages' values. Debian
// 12 has libdtl-dev, but as a 2015 snapshot (1.20) that no one else here uses and that keeps
// (N+M)×D of trace; this one is ~100 lines, keeps only what its backtrack reads, and gives up
// cleanly on huge differences.
namespace LineDiff {

struct Line
{
    enum class Kind
    {
        Same,
        Removed, ///< only in the left text
        Added    ///< only in the right text
    };
    Kind kind = Kind::Same;
    int left = -1;  ///< line index in the left text; -1 for Added
    int right = -1; ///< line index in the right text; -1 for Removed
};

/// Edits beyond this many (after the common start and end are taken off) are not searched
/// for: the middle is reported as removed then added (the trace would grow as D²).
constexpr int kMaxEdits = 4000;

/// The lines of `left` and `right` in order, each the same, removed or added; the fewest edits
/// (when at most kMaxEdits; `gaveUp` says when not).
std::vector<Line> diff(const QStringList& left, const QStringList& right, bool* gaveUp = nullptr);

} // namespace LineDiff
} // namespace porthole
