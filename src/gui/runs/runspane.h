#pragma once

#include "core/messagedecoder.h"
#include "gui/connection/kafkatarget.h"

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
class MessageActions;
class MessageDetailView;
class FilterBar;
class ElidedLabel;
class JqColumns;
class ReadPositionBar;
class RunsFilterProxy;
class RunsRecorder;
class RunsTableModel;
class WatchSession;

/// Watches a runs topic into a table that holds up to a million messages: read-only (assign +
/// seek, never a commit), from any position and chosen partitions, pausable; filterable by
/// words and kind, newest first or last, auto-scrolling unless the user scrolled away; the
/// selected message shown whole below.
class RunsPane : public QWidget
{
    Q_OBJECT
public:
    explicit RunsPane(QWidget* parent = nullptr);
    ~RunsPane() override;

    /// Uses `target`: its brokers fill the Broker field, its security and SASL properties (the
    /// password in memory only) apply to every connection this tab makes.
    void setConnection(const KafkaTarget& target);

    /// Starts watching from the chosen position; stops a running watch first.
    void startWatching();
    /// Stops watching (the table keeps its rows).
    void stopWatching();
    bool isWatching() const { return m_session != nullptr; }
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
    /// Tells whether brokers are the sandbox's (re-publishing elsewhere asks first).
    void setSandboxTest(std::function<bool(const QString& bootstrap)> test);

Q_SIGNALS:
    /// The user asked for the whole window's width (true) or the usual split (false).
    void wideRequested(bool wide);
    /// The user asked for a run's timeline (row double-clicked or its context menu).
    void timelineRequested(const QString& runId);
    /// The selected message's value (a JSON object) should become the preview's context.
    void useAsContextRequested(const QByteArray& json);
    /// The Report tab should report on the selected message's run.
    void reportRequested(porthole::MessageKind kind, const porthole::RunIds& ids);

private:
    std::unique_ptr<Ui::RunsPane> m_ui; // the form (ui/runspane.ui); widgets below are its
    RunsTableModel* m_model;
    RunsFilterProxy* m_proxy;
    KafkaConfig m_kafka; // security and SASL properties of the chosen connection
    QLineEdit* m_bootstrap;
    QLineEdit* m_topic;
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
    QToolButton* m_recordButton;
    ElidedLabel* m_status; // one line: rows shown, oldest dropped, then the broker's news
    std::unique_ptr<WatchSession> m_session;
    QString m_connection;
    QStringList m_dropped;
    AutoScroller* m_scroller = nullptr;
    bool m_paused = false;

    void buildTable();
    void setupRecordAndActions();
    void showSelected();
    void saveSelectedValue();
    /// The status line; a new `connection` text replaces the last (with `detail`, more words
    /// for its tooltip), none keeps it and only counts again.
    void updateStatus(const QString& connection = {}, const QString& detail = {});
    void updateScrollNote();
};

} // namespace porthole
