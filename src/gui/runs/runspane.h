// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"
#include "kafka/watchoptions.h"

#include <QWidget>

#include <functional>
#include <memory>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTimer;
class QToolButton;

namespace Ui {
class RunsPane;
}

namespace porthole {

class AutoScroller;
class EmptyTableNote;
class MessageActions;
class MessageDetailView;
class FilterBar;
class ElidedLabel;
class JqColumns;
class ReadPositionBar;
class RowTools;
class Session;
class RunsFilterProxy;
class RunsRecorder;
class RunsTableModel;
class WatchSession;

/// Watches a runs topic into a table that holds up to a million messages: read-only (assign +
/// seek, never a commit), from any position and chosen partitions, pausable; filterable by
/// words and kind, newest first or last, auto-scrolling unless the user scrolled away; the
/// selected message shown whole below. It reads the session's connection (the toolbar's
/// picker; a topic typed here overrides it for both Kafka tabs) and tells the session which
/// run is selected.
class RunsPane : public QWidget
{
    Q_OBJECT
public:
    /// `session` null: a private one (a pane on its own, in a test).
    explicit RunsPane(Session* session = nullptr, QWidget* parent = nullptr);
    ~RunsPane() override;

    Session* session() const { return m_shared; }
    /// Starts watching from the chosen position; stops a running watch first. The user's
    /// intent to watch stays until stopWatching(): a watch that failed starts again when the
    /// connection changes.
    void startWatching();
    /// Stops watching (the table keeps its rows).
    void stopWatching();
    bool isWatching() const { return m_watch != nullptr; }
    /// Empties the table; the selected message goes with it.
    void clearRows();
    /// Clears the quick filter, the jq filter and the kind: every row on show.
    void showAllRows();
    /// Selects the newest row that names `runId` (false when none is shown).
    bool selectRun(const QString& runId);
    /// The whole window for the table (the node editor hides) or the usual split.
    void setWide(bool wide);
    bool isWide() const;
    /// Pauses or resumes taking messages (the broker keeps them meanwhile).
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    RunsTableModel* model() const { return m_model; }
    RunsFilterProxy* proxy() const { return m_proxy; }
    ReadPositionBar* positionBar() const { return m_position; }
    /// The run id of the selected row (as the ledger files it), empty when none.
    QString selectedRunId() const;
    MessageDetailView* detail() const { return m_detail; }
    MessageActions* actions() const { return m_actions; }
    RunsRecorder* recorder() const { return m_recorder; }
    /// Compare two rows' values; go to a partition and offset (Run ▸ Go to offset…).
    RowTools* rowTools() const { return m_rowTools; }

Q_SIGNALS:
    /// The user asked for the whole window's width (true) or the usual split (false).
    void wideRequested(bool wide);

private:
    std::unique_ptr<Ui::RunsPane> m_ui; // the form (ui/runspane.ui); widgets below are its
    Session* m_shared;                  // the window's session (or this pane's own)
    RunsTableModel* m_model;
    RunsFilterProxy* m_proxy;
    QLineEdit* m_bootstrap; // read-only: the connection's brokers
    QLineEdit* m_topic;     // the topic in force; typing overrides the connection's
    QLabel* m_topicNote;    // says when the topic is an override
    ReadPositionBar* m_position;
    QPushButton* m_watchButton;
    QPushButton* m_pauseButton;
    QPushButton* m_clearButton;
    QCheckBox* m_newestFirst;
    QToolButton* m_wideButton;
    QLineEdit* m_filter;
    QTimer* m_filterDebounce;
    FilterBar* m_jqBar;               ///< the jq filter and the saved filters
    JqColumns* m_jqColumns = nullptr; ///< columns from jq paths (header menu)
    QComboBox* m_kind;
    QLabel* m_notice;     // the broker dropped what was asked for
    QLabel* m_scrollNote; // auto-scroll paused
    QTableView* m_table;
    MessageDetailView* m_detail;
    MessageActions* m_actions;
    RunsRecorder* m_recorder;
    RowTools* m_rowTools = nullptr;
    QToolButton* m_recordButton;
    ElidedLabel* m_status; // one line: rows shown, oldest dropped, then the broker's news
    std::unique_ptr<WatchSession> m_watch;
    bool m_wantWatch = false;  // the user asked to watch and has not stopped
    StartPosition m_watchFrom; // where the running watch started
    std::vector<int32_t> m_watchPartitions;
    QString m_connection;
    QStringList m_dropped;
    AutoScroller* m_scroller = nullptr;
    bool m_paused = false;

    void buildTable();
    void setupRecordAndActions();
    void setupGroupsPanel();
    void connectionChanged();
    void positionChosen();
    void showContextMenu(const QPoint& at);
    void showSelected();
    void saveSelectedValue();
    /// The status line; a new `connection` text replaces the last (with `detail`, more words
    /// for its tooltip), none keeps it and only counts again.
    void updateStatus(const QString& connection = {}, const QString& detail = {});
    void updateScrollNote();

    // Issue 22: the time mode, the Follow toggle, muted cells and the empty table's sentence.
    EmptyTableNote* m_emptyNote = nullptr;
    QString m_recording; // the recording the table shows (empty: a watch's rows, or none)
    void setupTableExtras();
    QString emptyText() const;
};

} // namespace porthole
