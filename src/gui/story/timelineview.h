// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class QTreeWidget;

namespace porthole {

class RunLedger;

/// One run's story from the run ledger: rendered, published, received, every report and log,
/// in time order with the gap since the previous event; follows the ledger while shown.
/// Ctrl+C and the buttons copy it as text or Markdown.
class TimelineView : public QWidget
{
    Q_OBJECT
public:
    explicit TimelineView(RunLedger* ledger, QWidget* parent = nullptr);

    /// Shows `runId`'s story (and follows it).
    void setRunId(const QString& runId);
    QString runId() const { return m_runId; }
    /// The story as the Copy buttons put it on the clipboard.
    QString text() const;
    QString markdown() const;
    /// The stage names shown, top to bottom ("rendered", "published", …), for tests.
    QStringList stages() const;
    /// The workflow run the shown run is or belongs to, when its node runs are known; its
    /// node runs are listed above the story (double-click one to show its story).
    QString workflowRunId() const;

public Q_SLOTS:
    void copyText();
    void copyMarkdown();

private:
    QPointer<RunLedger> m_ledger;
    QString m_runId;
    QLabel* m_title;
    QLabel* m_state;
    QTreeWidget* m_list;
    QTreeWidget* m_nodeRuns; // the workflow run and its node runs, when known
    void refreshNodeRuns();
    QString nodeRunsText() const;
    QPushButton* m_copyText;
    QPushButton* m_copyMarkdown;
    QTimer* m_refresh;
    void refresh();
};

} // namespace porthole
