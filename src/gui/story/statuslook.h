// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runstablemodel.h"

#include <QColor>
#include <QIcon>

class QPalette;

namespace porthole {

/// How a run's state looks wherever it is shown (Runs table, timeline): an icon whose shape
/// differs per state (a check, a cross, a clock, a bar) and a colour that reads on the palette,
/// so the state never rests on colour alone.
namespace StatusLook {

QIcon icon(RunsTableModel::RunState state);
/// The text colour for the state on `palette` (darker on light themes, lighter on dark ones).
QColor color(RunsTableModel::RunState state, const QPalette& palette);

} // namespace StatusLook

} // namespace porthole
