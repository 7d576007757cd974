// SPDX-License-Identifier: GPL-3.0-or-later
// RunsPane's consumer groups panel: the Groups button, where the panel goes in the split and
// how much room it gets when it appears (runspane.cpp was past 600 lines).
#include "runspane.h"

#include "gui/diagnose/groupspanel.h"
#include "gui/session/session.h"
#include "models/runstablemodel.h"
#include "ui_runspane.h"

#include <QSettings>
#include <QToolButton>

#include <algorithm>

namespace porthole {

void RunsPane::setupGroupsPanel()
{
    // The consumer groups between the table and the detail, shown by the Groups button (the
    // choice remembered); its polling feeds the session's GroupCommits, the Consumed column.
    m_model->setGroupCommits(m_shared->groupCommits());
    auto* groups = new GroupsPanel(m_shared, this);
    m_ui->runsSplit->insertWidget(1, groups);
    auto* toggle = new QToolButton(this);
    toggle->setObjectName(QStringLiteral("runsGroups"));
    toggle->setText(tr("&Groups"));
    toggle->setCheckable(true);
    toggle->setToolTip(tr("Consumer groups: committed offsets, lag and oldest waiting message "
                          "per partition (read from outside, never joining)"));
    // In the filter row, after Follow: the read-position row has no room left at 1024 wide
    // (its start combo and Partitions box were cut to a few letters there).
    m_ui->filterRow->addWidget(toggle);
    const QString key = QStringLiteral("runs/groupsShown");
    toggle->setChecked(QSettings().value(key, false).toBool());
    groups->setVisible(toggle->isChecked());
    // Shown: room for a few groups and the chart (up to 45% of the height), the rest shared
    // by the table and the detail as they were, the table keeping eight lines (at 1024x700
    // the detail alone had too little to give: the chart opened about 60 px tall). `before`
    // is the split before the panel appeared, which QSplitter takes its first room from.
    const auto place = [this, groups](QList<int> before) {
        const QList<int> sizes = m_ui->runsSplit->sizes();
        if (sizes.size() != 3 || before.size() != 3 || !groups->isVisible())
            return;
        const int line = fontMetrics().height();
        const int total = sizes[0] + sizes[1] + sizes[2];
        const int panel = std::min(16 * line, total * 45 / 100);
        if (sizes[1] >= panel)
            return; // it has its room (the user's, or given before)
        const int rest = total - panel;
        const int shared = std::max(1, before[0] + before[2]);
        const int table = std::min(rest, std::max(8 * line, rest * before[0] / shared));
        m_ui->runsSplit->setSizes({table, panel, rest - table});
    };
    connect(toggle, &QToolButton::toggled, this, [this, groups, key, place](bool on) {
        const QList<int> before = m_ui->runsSplit->sizes();
        groups->setVisible(on);
        QSettings().setValue(key, on);
        place(before);
    });
    connect(groups, &GroupsPanel::refreshed, this, [this, groups, place, done = false]() mutable {
        if (!done && groups->isVisible()) { // once, when the pane has its real size
            done = true;
            place(m_ui->runsSplit->sizes());
        }
    });
    connect(m_shared, &Session::groupRequested, this, [toggle, groups](const QString& group) {
        toggle->setChecked(true);
        groups->addGroup(group); // a group the diagnosis named stays watched
        groups->selectGroup(group);
    });
    connect(m_shared, &Session::runRowRequested, this, [this](const QString& run) {
        if (!selectRun(run))
            updateStatus(tr("%1 is not among the rows shown (cleared, filtered out or not read "
                            "yet)")
                             .arg(run));
    });
}

} // namespace porthole
