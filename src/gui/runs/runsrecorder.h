// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "gui/session/kafkatarget.h"
#include "recordingexport.h"

#include <QObject>

#include <functional>

class QMenu;
class QTableView;
class QWidget;

namespace porthole {

class JqColumns;
class RecordingLoader;
class Replayer;
class RunsTableModel;

/// Record and replay for the Runs tab: export the rows the table shows to JSON Lines (watch's
/// format) or CSV, open a recording into the table without a broker, publish the rows shown
/// (or one message) again with their own keys, headers and bytes. Dialogs ask for files and
/// confirm publishing anywhere but the sandbox; the *To/*From functions do the work without
/// dialogs (tests call them).
class RunsRecorder : public QObject
{
    Q_OBJECT
public:
    RunsRecorder(RunsTableModel* model, QTableView* table, QWidget* parent);
    ~RunsRecorder() override;

    /// Where replays go: the Runs tab's brokers, security settings and topic, read when used.
    void setTarget(std::function<KafkaTarget()> target) { m_target = std::move(target); }
    /// Tells whether brokers are the sandbox (publishing elsewhere asks first).
    void setSandboxTest(std::function<bool(const QString&)> test) { m_isSandbox = std::move(test); }
    /// The table's jq columns: CSV exports write them too (as the cells show them).
    void setJqColumns(JqColumns* jq) { m_jq = jq; }
    /// The menu of the tab's Record button.
    QMenu* menu() const { return m_menu; }

    void exportWithDialog(RecordingExport::Format format);
    void openWithDialog();
    void replayWithDialog();
    void republishWithDialog(const KafkaRecord& record);

    /// Writes the rows shown to `path`; done() is emitted when finished.
    void exportTo(const QString& path, RecordingExport::Format format);
    /// Replaces the table's rows with the recording at `path` (loading() first).
    bool openFrom(const QString& path, QString* error);
    /// Drops a recording still loading: none of its rows arrive any more, and no done() (the
    /// table is a watch's now).
    void discardOpen();
    /// Publishes the rows shown to `topic` (empty: each message's own topic).
    void replayTo(const std::string& topic);
    /// Publishes one message again to `topic`.
    void republishTo(const KafkaRecord& record, const std::string& topic);
    bool isBusy() const;

Q_SIGNALS:
    /// A recording is about to fill the table (the pane stops watching).
    void loading(const QString& path);
    /// An export, open or replay finished; `text` says how it went.
    void done(bool ok, const QString& text);

private:
    RunsTableModel* m_model;
    QTableView* m_table;
    QMenu* m_menu;
    RecordingLoader* m_loader;
    Replayer* m_replayer;
    JqColumns* m_jq = nullptr;
    std::function<KafkaTarget()> m_target;
    std::function<bool(const QString&)> m_isSandbox;
    bool m_exporting = false;

    QWidget* parentWidget() const;
    bool confirmPublish(qint64 count, const QString& topic);
    std::vector<int> visibleColumns() const;
};

} // namespace porthole
