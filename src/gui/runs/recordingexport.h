// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <functional>
#include <vector>

class QAbstractItemModel;
class QWidget;

namespace porthole {

class JqColumns;
class RunsTableModel;

/// Writes the rows a view shows (its filter and order) to a file: JSON Lines exactly as
/// `porthole-cli watch` prints them (a recording that Open recording and `publish --replay`
/// read back byte for byte), or CSV of the given columns. Runs in slices with progress and
/// cancel (ViewWalker); the file appears only when complete (QSaveFile).
class RecordingExport
{
public:
    enum class Format
    {
        JsonLines,
        Csv
    };
    /// `done(ok, rows, error)`: ok false after cancel (nothing written) or a write error.
    using DoneHandler = std::function<void(bool ok, qint64 rows, const QString& error)>;

    /// Starts the export; returns at once. `columns` (CSV only): the model's columns to write,
    /// in order; the Value column is written whole (binary as "base64:…"); a jq column (an
    /// extra column of the model, `jq` given) as its cells show it, computed for every row.
    static void start(const RunsTableModel* model, const QAbstractItemModel* view,
                      const QString& path, Format format, const std::vector<int>& columns,
                      QWidget* parent, DoneHandler done, JqColumns* jq = nullptr);
    /// One CSV field, quoted when it must be (RFC 4180).
    static QString csvField(const QString& text);
};

} // namespace porthole
