// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "linediff.h"

#include <QString>
#include <QStringList>

#include <optional>
#include <string>
#include <vector>

namespace porthole {

// Two messages' values compared the way a reader wants: JSON in one canonical pretty form
// (members sorted by key at every depth, two-space indent, written by JsWriter) so that member
// order and spacing never show as changes, and a count of the keys that differ; anything else
// as its text (binary as a hex dump). The Runs table's "Compare values" shows the result.
namespace ValueDiff {

/// Values longer than this are compared by their start only (the dialog says so).
constexpr size_t kMaxBytes = 2 * 1024 * 1024;

/// How one value reads for the diff.
struct Side
{
    enum class Form
    {
        Null, ///< a tombstone: no lines
        Json, ///< canonical pretty JSON
        Text, ///< UTF-8 as it is
        Hex   ///< not UTF-8: a hex dump
    };
    Form form = Form::Null;
    QStringList lines;
    bool cut = false; ///< only the first kMaxBytes were compared
};

/// One key whose value differs between two JSON values. Objects are compared key by key at
/// every depth; anything else (arrays, scalars, a change of type) as a whole.
struct KeyChange
{
    enum class Kind
    {
        Changed,
        Added,  ///< only on the right
        Removed ///< only on the left
    };
    QString path; ///< "payload.status"; "" for the whole value (not both objects)
    Kind kind = Kind::Changed;
};

struct Result
{
    Side left, right;
    std::vector<LineDiff::Line> lines;
    bool gaveUp = false;         ///< too many edits: the middle is all removed, all added
    bool bothJson = false;       ///< `keys` is meaningful
    std::vector<KeyChange> keys; ///< sorted by path
    int removedLines = 0, addedLines = 0;
};

/// The canonical form of a value (nullopt: a tombstone).
Side canonical(const std::optional<std::string>& value);
/// Compares two values.
Result compare(const std::optional<std::string>& left, const std::optional<std::string>& right);

} // namespace ValueDiff
} // namespace porthole
