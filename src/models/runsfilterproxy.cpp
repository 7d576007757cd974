#include "runsfilterproxy.h"

#include "runstablemodel.h"

namespace porthole {

RunsFilterProxy::RunsFilterProxy(QObject* parent) : QSortFilterProxyModel(parent) {}

void RunsFilterProxy::setText(const QString& text)
{
    m_words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    invalidateRowsFilter();
}

void RunsFilterProxy::setKind(int kind)
{
    m_kind = kind;
    invalidateRowsFilter();
}

bool RunsFilterProxy::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const
{
    const QModelIndex idx = sourceModel()->index(sourceRow, 0, sourceParent);
    if (m_kind >= 0 && idx.data(RunsTableModel::KindRole).toInt() != m_kind)
        return false;
    if (m_words.isEmpty())
        return true;
    const QString text = idx.data(RunsTableModel::SearchTextRole).toString();
    for (const QString& w : m_words)
        if (!text.contains(w))
            return false;
    return true;
}

} // namespace porthole
