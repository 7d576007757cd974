#pragma once

#include <QSortFilterProxyModel>

namespace porthole {

/// Filters the runs table by kind and by text (case-insensitive, over kind, key, run ids and the
/// value preview). Matching uses strings precomputed by RunsTableModel, so it stays cheap.
class RunsFilterProxy : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject* parent = nullptr);

    /// Shows only rows whose text contains every word of `text`.
    void setText(const QString& text);
    /// Shows only one kind (MessageKind as int), or all with -1.
    void setKind(int kind);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    QStringList m_words;
    int m_kind = -1;
};

} // namespace porthole
