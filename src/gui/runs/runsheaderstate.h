// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runstablemodel.h"

#include <functional>

class QHeaderView;
class QMenu;
class QPoint;

namespace porthole {

/// The runs table's columns as the user left them (order, widths, hidden ones), kept in
/// QSettings. A small spot on purpose: the typed settings unit replaces it when it lands.
namespace RunsHeaderState {

/// Applies the saved state, if any.
void restore(QHeaderView* header);
/// Saves the current state.
void save(QHeaderView* header);
/// A menu of the columns, each checkable to show or hide it, and "Reset columns"; `extend`
/// adds entries for the section under the mouse (jq columns).
void showMenu(QHeaderView* header, const QPoint& at,
              const std::function<void(QMenu*, int section)>& extend = {});

/// The Time column's mode as last chosen (local by default), and choosing one (remembered).
RunsTableModel::TimeMode timeMode();
void setTimeMode(RunsTableModel* model, RunsTableModel::TimeMode mode);
/// "Time shown as" local / UTC / relative, checkable, for the header's menu.
void addTimeModeMenu(QMenu* menu, RunsTableModel* model);

} // namespace RunsHeaderState
} // namespace porthole
