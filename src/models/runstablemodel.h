// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "messagestore.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <QStringList>

class QTimer;

#include <functional>
#include <vector>

namespace porthole {

class GroupCommits;
class RunLedger;

/// The runs topic as a table: one row per message, oldest first (the proxy can turn it). Rows
/// arrive in batches (one beginInsertRows per batch) and are stored compactly (MessageStore:
/// raw bytes plus a small entry); cells are formatted only when a view asks, which is for the
/// rows on screen. The row count and the bytes held are capped: the oldest rows go first, in
/// one removal.
class RunsTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Partition,
        Offset,
        Kind,
        Key,
        RunId,
        Status,    ///< the run's latest accepted report, from the run ledger
        Signature, ///< valid / invalid / missing / older than 5 min, plus an "agent" tag
        Consumed,  ///< ✓ per watched group whose committed offset is past it (GroupCommits)
        Size,
        Value,
        ColumnCount
    };
    enum Role
    {
        KindRole = Qt::UserRole + 1, ///< MessageKind as int
        SeqRole,                     ///< the message's sequence number (qulonglong)
        SignatureWhyRole, ///< why the signature is invalid or missing (for the detail view)
        RunStateRole,     ///< the row's run's RunState as int (the view picks icon and colour)
        RunIdRole,        ///< the id the row's run is filed under in the ledger (QString)
        ExportRole,       ///< the cell as a CSV export writes it (Time as ISO-8601 UTC, ms)
        MutedRole,        ///< true for a cell that says what is absent ("no key", "tombstone")
    };
    /// How the Time column shows a timestamp (the tooltip and exports are always ISO-8601).
    enum class TimeMode
    {
        Local,    ///< 2026-01-15 14:03:07.123 in the machine's time zone
        Utc,      ///< 2026-01-15 13:03:07.123Z
        Relative, ///< "12 s ago", refreshed while shown
    };
    /// ISO-8601 in UTC with milliseconds ("2026-01-15T13:03:07.123Z"); empty for none (< 0).
    static QString isoTime(qint64 msecsSinceEpoch);
    /// "12 s ago", "3 min ago", "5 h ago", "2 d ago" ("in 4 s" for a clock ahead).
    static QString relativeTime(qint64 msecsSinceEpoch, qint64 nowMsecs);
    /// What a Status cell means, for the view's icon and colour (never colour alone).
    enum class RunState
    {
        None,       ///< nothing reported (or no run id)
        InProgress, ///< IN_PROGRESS
        Succeeded,  ///< COMPLETED + SUCCESS, or a classic run's SUCCESS
        Failed,     ///< COMPLETED + FAILED, or a classic run's FAILURE
        Cancelled,  ///< COMPLETED + CANCELLED
        Other,      ///< any other status Port accepted
    };
    static RunState runState(const QString& status, const QString& result);

    explicit RunsTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    void setTimeMode(TimeMode mode);
    TimeMode timeMode() const { return m_timeMode; }

    /// Appends a batch from the watcher.
    void appendBatch(const porthole::MessageBatch& batch);
    /// Removes every row.
    void clear();
    /// The most rows kept (older ones are dropped first).
    void setCapacity(int rows);
    int capacity() const { return m_capacity; }
    /// The most message bytes kept (keys, headers, values); older rows are dropped first, the
    /// newest row always stays. A few huge messages must not take the machine's memory.
    void setByteBudget(qint64 bytes);
    qint64 byteBudget() const { return m_byteBudget; }
    /// The message bytes held now.
    qint64 heldBytes() const { return m_bytes; }
    /// Where the Signature column takes the client secret to verify with (read once per
    /// batch; empty: signatures are only reported present or missing).
    void setSecretSource(std::function<QString()> source) { m_secretSource = std::move(source); }
    /// The run ledger the Status column reads; its stateChanged() repaints the rows of that run
    /// (found through the ledger's Received events, so the table keeps no index of its own).
    void setLedger(RunLedger* ledger);
    /// The watched groups' committed offsets the Consumed column reads (repainted on change).
    void setGroupCommits(GroupCommits* commits);
    /// How many messages were dropped because of the caps.
    qint64 droppedCount() const { return m_dropped; }
    /// Every message received since the last clear() (held or dropped).
    qint64 receivedCount() const { return m_received; }
    /// The message bytes (as heldBytes() counts them) received since the last clear().
    qint64 receivedBytes() const { return m_receivedBytes; }

    /// The message in a row, whole (a copy).
    KafkaRecord record(int row) const { return m_store.record(m_store.entry(size_t(row))); }
    MessageInfo info(int row) const { return m_store.info(m_store.entry(size_t(row))); }
    const MessageStore& store() const { return m_store; }
    /// Sequence numbers only grow; a row is `seq - firstSeq()`.
    uint64_t firstSeq() const { return m_store.firstSeq(); }

    /// True when every word (case-folded) occurs in the row's kind, key, run ids or value.
    bool rowMatches(int row, const QStringList& foldedWords) const;

    /// The value as the table's preview shows it (start of the value, one line).
    QString preview(int row) const;

    /// Columns computed elsewhere (jq paths: the GUI evaluates them), after ColumnCount.
    /// `cell` answers data() for them (row, extra column index, role); it is asked only for
    /// the cells a view shows.
    using ExtraCell = std::function<QVariant(int row, int extra, int role)>;
    void setExtraCell(ExtraCell cell) { m_extraCell = std::move(cell); }
    /// Adds an extra column after the others; removes one (0-based among the extras).
    void appendExtraColumn(const QString& title);
    void removeExtraColumn(int extra);
    int extraColumnCount() const { return int(m_extraTitles.size()); }
    /// The extra columns' cells changed (values computed): views repaint them.
    void extraCellsChanged();

private:
    MessageStore m_store;
    std::function<QString()> m_secretSource;
    QPointer<RunLedger> m_ledger;
    QPointer<GroupCommits> m_commits;
    std::vector<QString> m_signatureTexts; ///< the Signature cells seen (entries keep an index)
    QStringList m_extraTitles;
    ExtraCell m_extraCell;
    TimeMode m_timeMode = TimeMode::Local;
    QTimer* m_relativeTick = nullptr; ///< repaints relative times while that mode is on
    int m_capacity = 1000000;
    qint64 m_byteBudget = 512LL * 1024 * 1024;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
    qint64 m_received = 0;
    qint64 m_receivedBytes = 0;
    void trimTo(int rows);
    void trimToBudget();
    QString cell(const MessageStore::Entry& e, int column) const;
    QString timeCell(qint64 msecs) const;
    QString consumedTip(const MessageStore::Entry& e) const;
    uint8_t signatureIndex(const QString& text);
    QString signatureWhy(int row) const;
    QString runIdOf(const MessageStore::Entry& e) const;
    void runStateChanged(const QString& runId);
};

} // namespace porthole
