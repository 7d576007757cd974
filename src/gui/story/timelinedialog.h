// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

namespace porthole {

class RunLedger;
class TimelineView;

/// A window beside the main one with one run's timeline; stays open (not modal) and follows
/// the run live, so a report sent from the Report tab shows up while it is open.
class TimelineDialog : public QDialog
{
    Q_OBJECT
public:
    explicit TimelineDialog(RunLedger* ledger, QWidget* parent = nullptr);

    /// Shows `runId`'s story and brings the window up.
    void showRun(const QString& runId);
    TimelineView* view() const { return m_view; }

Q_SIGNALS:
    /// The user asked why the shown run is where it is (Diagnose…).
    void diagnoseRequested(const QString& runId);

private:
    TimelineView* m_view;
    QString m_runId;
};

} // namespace porthole
