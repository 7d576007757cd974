// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqexportcells.h"

#include "jqcolumns.h"

#include "core/messagedecoder.h"
#include "models/runstablemodel.h"

#include <memory>

namespace porthole {

JqExportCells::JqExportCells(JqColumns* jq, const RunsTableModel* model,
                             std::vector<Column> columns, QObject* parent)
    : QObject(parent), m_jq(jq), m_model(model), m_columns(std::move(columns)),
      m_needed(m_columns.size())
{}

bool JqExportCells::add(int row, QStringList cells)
{
    const size_t at = m_rows.size();
    m_lines.emplace_back();
    for (size_t c = 0; c < m_columns.size(); ++c) {
        if (const auto text = m_jq->knownText(row, m_columns[c].expression)) {
            cells[m_columns[c].position] = *text;
            continue;
        }
        if (m_lines[at].empty())
            m_lines[at] = MessageDecoder::toJsonLine(m_model->record(row));
        m_needed[c].push_back(at);
    }
    m_rows.push_back(std::move(cells));
    return m_rows.size() >= kBlockRows;
}

void JqExportCells::complete(std::function<void(std::vector<QStringList>)> ready)
{
    // The block's state moves into the requests: add() may start the next block meanwhile.
    auto rows = std::make_shared<std::vector<QStringList>>(std::move(m_rows));
    auto lines = std::move(m_lines);
    auto needed = std::move(m_needed);
    m_rows.clear();
    m_lines.clear();
    m_needed.assign(m_columns.size(), {});
    auto outstanding = std::make_shared<int>(0);
    for (const auto& n : needed)
        *outstanding += n.empty() ? 0 : 1;
    if (*outstanding == 0) {
        ready(std::move(*rows));
        return;
    }
    for (size_t c = 0; c < m_columns.size(); ++c) {
        if (needed[c].empty())
            continue;
        std::vector<std::string> batch;
        batch.reserve(needed[c].size());
        for (size_t at : needed[c])
            batch.push_back(lines[at]);
        m_jq->evaluate(m_columns[c].expression, std::move(batch), this,
                       [rows, outstanding, ready, at = std::move(needed[c]),
                        position = m_columns[c].position](const QStringList& texts) {
                           for (size_t i = 0; i < at.size() && i < size_t(texts.size()); ++i)
                               (*rows)[at[i]][position] = texts[qsizetype(i)];
                           if (--*outstanding == 0)
                               ready(std::move(*rows));
                       });
    }
}

} // namespace porthole
