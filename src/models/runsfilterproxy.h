// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractProxyModel>
#include <QStringList>
#include <QTimer>

#include <cstdint>
#include <deque>
#include <functional>

namespace porthole {

class RunsTableModel;

/// Filters a RunsTableModel by kind and by words (case-insensitive, over kind, key, run ids and
/// the value) and can show the newest message first. Built for a million rows: it keeps the
/// accepted messages' sequence numbers, so rows arriving at the end and rows dropped at the
/// front cost only their own number, never a pass over the table. A new filter is applied in
/// slices of a few milliseconds, so the window keeps answering while it runs.
class RunsFilterProxy : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit RunsFilterProxy(QObject* parent = nullptr);

    /// Must be a RunsTableModel (anything else is ignored).
    void setSourceModel(QAbstractItemModel* source) override;

    /// Shows only rows whose text contains every word of `text`.
    void setText(const QString& text);
    /// Shows only one kind (MessageKind as int), or all with -1.
    void setKind(int kind);
    /// A verdict from outside (a jq filter evaluated on another thread), by sequence number:
    /// 1 shows the row, 0 hides it, -1 is not known yet. Rows are shown in order, so the scan
    /// waits at the first unknown one until resume() says more verdicts are known. An empty
    /// function removes the gate. Applies to every row again, like a new text.
    using Gate = std::function<int(uint64_t seq)>;
    void setGate(Gate gate);
    bool hasGate() const { return bool(m_gate); }
    /// More verdicts are known: carry on where the scan waits.
    void resume();
    /// Newest message in the first row.
    void setNewestFirst(bool newestFirst);
    bool newestFirst() const { return m_newestFirst; }
    /// True while a new filter is still being applied to the rows already held.
    bool isFiltering() const;
    /// Source rows still to look at.
    qint64 pendingRows() const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// A new filter (text, kind) has been applied to every row held.
    void filterFinished();

private:
    RunsTableModel* m_source = nullptr;
    std::deque<uint64_t> m_seqs; ///< accepted messages, oldest first
    uint64_t m_scanNext = 0;     ///< the next message to look at
    QStringList m_words;
    Gate m_gate;
    int m_kind = -1;
    bool m_newestFirst = false;
    bool m_announce = false; ///< filterFinished() is due when the scan completes
    QTimer m_scanTimer;
    // A removal announced by the source, carried out when it is done.
    size_t m_removeFrom = 0;
    size_t m_removeTo = 0;

    bool accepts(int sourceRow) const;
    bool acceptsAll() const { return m_words.isEmpty() && m_kind < 0 && !m_gate; }
    void restart();
    void scan(int budgetMs);
    int proxyRow(size_t position) const
    {
        return m_newestFirst ? int(m_seqs.size() - 1 - position) : int(position);
    }
    void sourceRowsInserted();
    void sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last);
    void sourceRowsRemoved();
};

} // namespace porthole
