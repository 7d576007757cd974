// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "check/diagnosis.h"
#include "check/rundiagnoser.h"

#include <QDialog>
#include <QFutureWatcher>

#include <atomic>
#include <memory>
#include <optional>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTextBrowser;

namespace porthole {

class Session;

/// Run ▸ Diagnose a run… (Ctrl+Shift+D): "why is this run stuck?" in one view. Takes a pasted
/// id (wfnr_/wfr_/r_) or the selected row's run, runs the CLI's diagnosis (RunDiagnoser) on a
/// worker thread with progress and Cancel, and shows the verdict and its evidence in words
/// (the message's partition, offset and time; each watched group's committed offset, lag and
/// oldest waiting age; Port's answer) with jumps to the row, the group and the timeline, all
/// asked of the session.
class DiagnoseDialog : public QDialog
{
    Q_OBJECT
public:
    explicit DiagnoseDialog(Session* session, QWidget* parent = nullptr);
    ~DiagnoseDialog() override;

    /// Opens one dialog per window whenever the session asks for a diagnosis (the menu, a
    /// row's context menu, the timeline); `window` parents it.
    static void serve(Session* session, QWidget* window);

    /// Fills in `runId` (empty: the selected row's) and diagnoses it.
    void diagnose(const QString& runId);
    /// Starts with the id in the box; false (and the reason shown) when it is not a run id.
    bool start();
    void cancel();
    bool isRunning() const { return m_running; }
    /// The last verdict ("" before one, or after an error).
    QString verdict() const;

Q_SIGNALS:
    /// A diagnosis ended (with a verdict or an error).
    void finished();

private:
    Session* m_session;
    QLineEdit* m_runId;
    QPushButton* m_useSelected;
    QPushButton* m_start;
    QPushButton* m_cancel;
    QProgressBar* m_progress;
    QLabel* m_verdict;
    QLabel* m_summary;
    QTextBrowser* m_evidence;
    QPushButton* m_showRow;
    QPushButton* m_showTimeline;
    QFutureWatcher<DiagnoseOutcome> m_watcher;
    std::shared_ptr<std::atomic<bool>> m_cancelFlag;
    std::optional<Diagnosis> m_last;
    QString m_lastRun;
    bool m_running = false; ///< (the watcher learns of a started future only later)
    bool m_restart = false; ///< another run was asked for while one was running
    void progressed(const RunScanProgress& p);
    void done();
    void showVerdict(const Diagnosis& d);
    void anchorClicked(const QUrl& url);
};

} // namespace porthole
