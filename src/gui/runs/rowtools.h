// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

#include <optional>
#include <utility>

class QAction;
class QMenu;
class QMessageBox;
class QTableView;

namespace porthole {

class RunsPane;
class ValueDiffDialog;

/// What the Runs table does with rows beyond one message's actions: compare the values of two
/// selected rows (ValueDiffDialog), and go to a partition and offset — select the row when it
/// is loaded, or (after checking the broker: the partition exists, the offset is not past the
/// end nor dropped) seek the watch there and select the row when it arrives.
class RowTools : public QObject
{
    Q_OBJECT
public:
    RowTools(RunsPane* pane, QTableView* table);

    /// "Compare values" (Ctrl+D while the Runs tab has the focus): enabled for two rows.
    QAction* compareAction() const { return m_compare; }
    /// Adds the row actions to the table's context menu.
    void addTo(QMenu* menu) const;
    /// The diff of the two selected rows, older on the left (nullptr unless exactly two).
    ValueDiffDialog* compareSelected();
    /// Asks for a partition and offset (from the selected row's), then goTo().
    void askGoToOffset();
    /// Selects the message at `partition`/`offset` when it is loaded (true). Otherwise asks the
    /// broker, then offers to seek the watch there (a question box named
    /// "runsGoToOffsetQuestion"); a partition or offset that is not there gets a warning
    /// ("runsGoToOffsetError") and `told`.
    bool goTo(int partition, qint64 offset);
    /// Starts the watch at `offset` and selects `partition`/`offset` when it arrives.
    void seekTo(int partition, qint64 offset);
    /// The message a seek waits for.
    std::optional<std::pair<int, qint64>> pending() const { return m_pending; }

Q_SIGNALS:
    /// Something to say in the pane's status line.
    void told(const QString& text);
    /// The broker answered a go-to for a message not loaded: `error` empty when it is there.
    void checked(const QString& error);
    /// The message a go-to or a seek looked for is selected now.
    void selected(int partition, qint64 offset);

private:
    RunsPane* m_pane;
    QTableView* m_table;
    QAction* m_compare;
    QAction* m_goTo;
    std::optional<std::pair<int, qint64>> m_pending;
    QPointer<QMessageBox> m_box; ///< the question or error shown now (one at a time)

    /// The loaded row (model row) at partition/offset, newest first; -1 when none.
    int findRow(int partition, qint64 offset, int from = 0) const;
    bool select(int row);
    void checkWithBroker(int partition, qint64 offset);
    void showBox(bool question, const QString& text, int partition, qint64 offset);
    void rowsArrived(int first, int last);
};

} // namespace porthole
