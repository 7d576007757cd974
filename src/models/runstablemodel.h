#pragma once

#include "core/watchedmessage.h"

#include <QAbstractTableModel>

#include <deque>
#include <functional>

namespace porthole {

/// The runs topic as a table: one row per message, newest last. Rows arrive in batches (one
/// beginInsertRows per batch), display strings are computed once per message, and the row count
/// is capped: when a batch overflows the cap, the oldest rows go in one removal.
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
        Value,
        Size,
        Signature, ///< valid / invalid / missing / older than 5 min, plus an "agent" tag
        ColumnCount
    };
    enum Role
    {
        RecordRole = Qt::UserRole + 1,
        KindRole,
        SearchTextRole,
        SignatureWhyRole ///< why the signature is invalid or missing (for the detail view)
    };

    explicit RunsTableModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

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
    /// The message shown in a row.
    const WatchedMessage& message(int row) const { return m_rows[size_t(row)].message; }
    /// Where the Signature column takes the client secret to verify with (read once per
    /// batch; empty: signatures are only reported present or missing).
    void setSecretSource(std::function<QString()> source) { m_secretSource = std::move(source); }
    /// How many messages were dropped because of the cap.
    qint64 droppedCount() const { return m_dropped; }

private:
    struct Row
    {
        WatchedMessage message;
        QString cells[ColumnCount];
        QString search; // lower-case text the filter matches against
        QString signatureWhy;
    };
    std::deque<Row> m_rows;
    int m_capacity = 200000;
    qint64 m_byteBudget = 512LL * 1024 * 1024;
    qint64 m_bytes = 0;
    qint64 m_dropped = 0;
    std::function<QString()> m_secretSource;
    static Row makeRow(const WatchedMessage& m, const std::string& secret);
    void trimTo(int rows);
    void trimToBudget();
};

} // namespace porthole
