// SPDX-License-Identifier: GPL-3.0-or-later
#include "reporthistorymodel.h"

#include "gui/systemtheme.h"
#include <QBrush>
#include <QColor>

namespace porthole {

ReportHistoryModel::ReportHistoryModel(QObject* parent) : QAbstractTableModel(parent) {}

void ReportHistoryModel::add(const SentReport& report)
{
    if (m_reports.size() >= kMaxEntries) {
        beginRemoveRows({}, int(m_reports.size()) - 1, int(m_reports.size()) - 1);
        m_reports.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_reports.prepend(report);
    endInsertRows();
}

int ReportHistoryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_reports.size());
}

int ReportHistoryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ReportHistoryModel::data(const QModelIndex& index, int role) const
{
    if (!index.isValid() || index.row() >= m_reports.size())
        return {};
    const SentReport& r = m_reports.at(index.row());
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Time:
            return r.at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        case Run:
            return r.runId;
        case Sent:
            return r.whatWasSent();
        case Http:
            // The number and a word: a refusal is not told by colour alone.
            return r.httpStatus ? QStringLiteral("%1 %2")
                                      .arg(r.httpStatus)
                                      .arg(r.isSuccess() ? tr("ok") : tr("refused"))
                                : tr("no answer");
        default:
            return {};
        }
    }
    if (role == Qt::ToolTipRole)
        return QStringLiteral("%1\n%2 %3")
            .arg(r.endpoint.label(), QString::fromLatin1(r.method), r.url);
    if (role == Qt::ForegroundRole && index.column() == Http && !r.isSuccess())
        return QBrush(SystemTheme::color(SystemTheme::Tone::Problem));
    return {};
}

QVariant ReportHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Run:
        return tr("Run");
    case Sent:
        return tr("Sent");
    case Http:
        return tr("HTTP");
    default:
        return {};
    }
}

} // namespace porthole
