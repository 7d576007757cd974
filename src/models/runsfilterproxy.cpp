// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsfilterproxy.h"

#include "runstablemodel.h"

#include <QElapsedTimer>

#include <algorithm>

namespace porthole {

namespace {
// How long one slice of filtering may hold the event loop.
constexpr int kSliceMs = 8;
} // namespace

RunsFilterProxy::RunsFilterProxy(QObject* parent) : QAbstractProxyModel(parent)
{
    m_scanTimer.setSingleShot(true);
    m_scanTimer.setInterval(0);
    connect(&m_scanTimer, &QTimer::timeout, this, [this] { scan(kSliceMs); });
}

void RunsFilterProxy::setSourceModel(QAbstractItemModel* source)
{
    beginResetModel();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = qobject_cast<RunsTableModel*>(source);
    QAbstractProxyModel::setSourceModel(m_source);
    m_seqs.clear();
    m_scanNext = m_source ? m_source->firstSeq() : 0;
    if (m_source) {
        connect(m_source, &QAbstractItemModel::rowsInserted, this,
                &RunsFilterProxy::sourceRowsInserted);
        connect(m_source, &QAbstractItemModel::rowsAboutToBeRemoved, this,
                &RunsFilterProxy::sourceRowsAboutToBeRemoved);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this,
                &RunsFilterProxy::sourceRowsRemoved);
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this,
                &RunsFilterProxy::beginResetModel);
        connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            m_seqs.clear();
            m_scanNext = m_source->firstSeq();
            endResetModel();
            scan(kSliceMs);
        });
        connect(m_source, &QAbstractItemModel::dataChanged, this,
                [this](const QModelIndex& tl, const QModelIndex& br, const QList<int>& roles) {
                    // Cells changed in place (a computed column): repaint what is shown.
                    if (!m_seqs.empty())
                        Q_EMIT dataChanged(index(0, tl.column()),
                                           index(rowCount() - 1, br.column()), roles);
                });
        connect(m_source, &QAbstractItemModel::headerDataChanged, this,
                &RunsFilterProxy::headerDataChanged);
        // Computed columns come and go (jq paths): the same columns here.
        connect(m_source, &QAbstractItemModel::columnsAboutToBeInserted, this,
                [this](const QModelIndex& p, int first, int last) {
                    if (!p.isValid())
                        beginInsertColumns({}, first, last);
                });
        connect(m_source, &QAbstractItemModel::columnsInserted, this, [this](const QModelIndex& p) {
            if (!p.isValid())
                endInsertColumns();
        });
        connect(m_source, &QAbstractItemModel::columnsAboutToBeRemoved, this,
                [this](const QModelIndex& p, int first, int last) {
                    if (!p.isValid())
                        beginRemoveColumns({}, first, last);
                });
        connect(m_source, &QAbstractItemModel::columnsRemoved, this, [this](const QModelIndex& p) {
            if (!p.isValid())
                endRemoveColumns();
        });
    }
    endResetModel();
    scan(kSliceMs);
}

void RunsFilterProxy::setText(const QString& text)
{
    const QStringList words = text.toCaseFolded().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words == m_words)
        return;
    m_words = words;
    restart();
}

void RunsFilterProxy::setKind(int kind)
{
    if (kind == m_kind)
        return;
    m_kind = kind;
    restart();
}

void RunsFilterProxy::setGate(Gate gate)
{
    m_gate = std::move(gate);
    restart();
}

void RunsFilterProxy::resume()
{
    if (!m_scanTimer.isActive())
        scan(kSliceMs);
}

void RunsFilterProxy::setNewestFirst(bool newestFirst)
{
    if (newestFirst == m_newestFirst)
        return;
    // The same rows in the other order: positions stay, only the mapping turns.
    Q_EMIT layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    std::vector<std::pair<uint64_t, int>> sources;
    sources.reserve(size_t(before.size()));
    for (const QModelIndex& i : before)
        sources.emplace_back(m_seqs[size_t(proxyRow(size_t(i.row())))], i.column());
    m_newestFirst = newestFirst;
    QModelIndexList after;
    after.reserve(before.size());
    for (const auto& [seq, column] : sources) {
        const auto it = std::lower_bound(m_seqs.begin(), m_seqs.end(), seq);
        after.append(index(proxyRow(size_t(it - m_seqs.begin())), column));
    }
    changePersistentIndexList(before, after);
    Q_EMIT layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

bool RunsFilterProxy::isFiltering() const
{
    return pendingRows() > 0;
}

qint64 RunsFilterProxy::pendingRows() const
{
    if (!m_source)
        return 0;
    const uint64_t end = m_source->firstSeq() + uint64_t(m_source->rowCount());
    return qint64(end - std::max(m_scanNext, m_source->firstSeq()));
}

bool RunsFilterProxy::accepts(int sourceRow) const
{
    if (m_kind >= 0 && int(m_source->store().entry(size_t(sourceRow)).kind) != m_kind)
        return false;
    return m_words.isEmpty() || m_source->rowMatches(sourceRow, m_words);
}

void RunsFilterProxy::restart()
{
    beginResetModel();
    m_seqs.clear();
    m_scanNext = m_source ? m_source->firstSeq() : 0;
    endResetModel();
    m_scanTimer.stop();
    m_announce = true;
    scan(kSliceMs);
}

void RunsFilterProxy::scan(int budgetMs)
{
    if (!m_source)
        return;
    const uint64_t first = m_source->firstSeq();
    const uint64_t end = first + uint64_t(m_source->rowCount());
    m_scanNext = std::max(m_scanNext, first);
    std::vector<uint64_t> accepted;
    if (acceptsAll()) {
        accepted.reserve(size_t(end - m_scanNext));
        for (uint64_t s = m_scanNext; s < end; ++s)
            accepted.push_back(s);
        m_scanNext = end;
    } else {
        QElapsedTimer clock;
        clock.start();
        while (m_scanNext < end) {
            // The clock is read every 256 rows: reading it costs more than a row.
            const uint64_t stop = std::min(end, m_scanNext + 256);
            bool waiting = false;
            for (; m_scanNext < stop; ++m_scanNext) {
                if (m_gate) {
                    const int verdict = m_gate(m_scanNext);
                    if (verdict < 0) {
                        waiting = true; // resume() comes back here
                        break;
                    }
                    if (verdict == 0)
                        continue;
                }
                if (accepts(int(m_scanNext - first)))
                    accepted.push_back(m_scanNext);
            }
            if (waiting || clock.elapsed() >= budgetMs)
                break;
        }
    }
    if (!accepted.empty()) {
        const int n = int(m_seqs.size());
        const int k = int(accepted.size());
        // Oldest first: they go below; newest first: above.
        if (m_newestFirst)
            beginInsertRows({}, 0, k - 1);
        else
            beginInsertRows({}, n, n + k - 1);
        m_seqs.insert(m_seqs.end(), accepted.begin(), accepted.end());
        endInsertRows();
    }
    if (m_scanNext < end && !(m_gate && m_gate(m_scanNext) < 0))
        m_scanTimer.start();
    else if (m_announce) {
        m_announce = false;
        Q_EMIT filterFinished();
    }
}

void RunsFilterProxy::sourceRowsInserted()
{
    // New rows come at the end; a filter still being applied reaches them in order.
    if (!m_scanTimer.isActive())
        scan(kSliceMs);
}

void RunsFilterProxy::sourceRowsAboutToBeRemoved(const QModelIndex& parent, int first, int last)
{
    if (parent.isValid())
        return;
    const uint64_t base = m_source->firstSeq();
    const auto from = std::lower_bound(m_seqs.begin(), m_seqs.end(), base + uint64_t(first));
    const auto to = std::upper_bound(from, m_seqs.end(), base + uint64_t(last));
    m_removeFrom = size_t(from - m_seqs.begin());
    m_removeTo = size_t(to - m_seqs.begin());
    if (m_removeFrom == m_removeTo)
        return;
    if (m_newestFirst)
        beginRemoveRows({}, proxyRow(m_removeTo - 1), proxyRow(m_removeFrom));
    else
        beginRemoveRows({}, int(m_removeFrom), int(m_removeTo - 1));
}

void RunsFilterProxy::sourceRowsRemoved()
{
    if (m_removeFrom == m_removeTo)
        return;
    m_seqs.erase(m_seqs.begin() + long(m_removeFrom), m_seqs.begin() + long(m_removeTo));
    m_removeFrom = m_removeTo = 0;
    endRemoveRows();
}

QModelIndex RunsFilterProxy::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= rowCount() || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex RunsFilterProxy::parent(const QModelIndex&) const
{
    return {};
}

int RunsFilterProxy::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_seqs.size());
}

int RunsFilterProxy::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

bool RunsFilterProxy::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_seqs.empty();
}

QModelIndex RunsFilterProxy::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.model() != this ||
        proxyIndex.row() >= int(m_seqs.size()))
        return {};
    const size_t position = size_t(proxyRow(size_t(proxyIndex.row())));
    const uint64_t seq = m_seqs[position];
    if (seq < m_source->firstSeq())
        return {};
    return m_source->index(int(seq - m_source->firstSeq()), proxyIndex.column());
}

QModelIndex RunsFilterProxy::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid())
        return {};
    const uint64_t seq = m_source->firstSeq() + uint64_t(sourceIndex.row());
    const auto it = std::lower_bound(m_seqs.begin(), m_seqs.end(), seq);
    if (it == m_seqs.end() || *it != seq)
        return {};
    return index(proxyRow(size_t(it - m_seqs.begin())), sourceIndex.column());
}

QVariant RunsFilterProxy::headerData(int section, Qt::Orientation o, int role) const
{
    if (o == Qt::Horizontal && m_source)
        return m_source->headerData(section, o, role);
    return QAbstractProxyModel::headerData(section, o, role);
}

} // namespace porthole
