// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include <functional>
#include <string>
#include <vector>

namespace porthole {

class JqColumns;
class RunsTableModel;

/// The jq columns of a CSV export: fills each row's jq cells with exactly the text the table
/// shows, for every row exported, not only those on screen. Plain paths (and cached cells) at
/// once; the others in blocks through the jq columns' bounded worker, while the export waits.
/// Rows come out in the order they went in.
class JqExportCells : public QObject
{
    Q_OBJECT
public:
    /// A jq column of the export: where its cell sits in a row, and its expression.
    struct Column
    {
        int position;
        QString expression;
    };
    static constexpr size_t kBlockRows = 256;

    JqExportCells(JqColumns* jq, const RunsTableModel* model, std::vector<Column> columns,
                  QObject* parent = nullptr);

    /// Takes the model's `row` with its cells (the jq ones to fill); true when the block is
    /// full: call complete() before adding more.
    bool add(int row, QStringList cells);
    bool empty() const { return m_rows.empty(); }
    /// Fills the block's remaining cells; `ready(rows)` gets them in order (at once when no
    /// cell needs the worker, else later on this thread), and the block starts empty again.
    void complete(std::function<void(std::vector<QStringList>)> ready);

private:
    JqColumns* m_jq;
    const RunsTableModel* m_model;
    std::vector<Column> m_columns;
    std::vector<QStringList> m_rows;
    std::vector<std::string> m_lines;          ///< per block row: the message, when needed
    std::vector<std::vector<size_t>> m_needed; ///< per column: block rows waiting for jq
};

} // namespace porthole
