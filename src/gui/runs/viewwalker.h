// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <cstdint>
#include <functional>
#include <vector>

class QAbstractItemModel;
class QProgressDialog;
class QTimer;
class QWidget;

namespace porthole {

class RunsTableModel;

/// Goes through the rows a view shows (in its order) on the UI thread in slices of ~25 ms, so
/// a million rows never freeze the window, with a progress dialog that can cancel. Rows are
/// taken by sequence number when the walk starts: rows the model drops meanwhile (capacity)
/// are skipped, rows that arrive meanwhile are not included.
class ViewWalker : public QObject
{
    Q_OBJECT
public:
    using RowHandler = std::function<bool(int sourceRow)>; ///< false: stop with an error
    using DoneHandler = std::function<void(bool completed, qint64 rows)>;

    ViewWalker(const RunsTableModel* model, const QAbstractItemModel* view, QWidget* parent);
    ~ViewWalker() override;

    /// Starts the walk; `onRow` per row, then `onDone` (also after cancel or an error). The
    /// walker deletes itself after onDone.
    void start(const QString& label, RowHandler onRow, DoneHandler onDone);
    /// Stops at the next slice (as the dialog's Cancel does).
    void cancel() { m_cancelled = true; }
    /// Called once every row has been visited, before onDone; it may hold() the walk to finish
    /// work of its own (onDone then comes after release()).
    void setOnEnd(std::function<void()> onEnd) { m_onEnd = std::move(onEnd); }
    /// Waits after the current row (asynchronous work on the rows so far) until release();
    /// progress and Cancel stay live meanwhile (a cancel ends the walk at once).
    void hold() { m_held = true; }
    void release();
    /// The rows the walk will visit.
    qint64 total() const { return qint64(m_seqs.size()); }

private:
    const RunsTableModel* m_model;
    std::vector<uint64_t> m_seqs;
    size_t m_next = 0;
    qint64 m_done = 0;
    bool m_cancelled = false;
    bool m_held = false;
    bool m_ended = false;    ///< onEnd called
    bool m_finished = false; ///< onDone called
    QPointer<QProgressDialog> m_progress;
    QTimer* m_timer;
    RowHandler m_onRow;
    DoneHandler m_onDone;
    std::function<void()> m_onEnd;

    void slice();
    void finish(bool completed);
};

} // namespace porthole
