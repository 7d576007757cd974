// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "sentreport.h"

#include <QAbstractTableModel>
#include <QVector>

namespace porthole {

/// The reports sent this session, newest first: time, run, what was sent, HTTP status. Kept in
/// memory only (at most kMaxEntries); entries hold redacted exchanges, never the client secret.
class ReportHistoryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Run,
        Sent,
        Http,
        ColumnCount
    };
    static constexpr int kMaxEntries = 500;

    explicit ReportHistoryModel(QObject* parent = nullptr);

    /// Adds a report at the top (row 0); the oldest goes beyond kMaxEntries.
    void add(const SentReport& report);
    /// The report shown in `row`.
    const SentReport& at(int row) const { return m_reports.at(row); }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QVector<SentReport> m_reports; // newest first
};

} // namespace porthole
