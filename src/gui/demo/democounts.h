// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace porthole {

/// What the demo saw of its run, each counted where it shows: published from the Publish tab's
/// result, received from the Runs table's rows, reported and completed from the calls the
/// sandbox's Port API recorded for the run.
struct DemoCounts
{
    int published = 0; ///< messages the Publish tab delivered
    int received = 0;  ///< Runs table rows naming the demo's node run
    int reported = 0;  ///< runs the API accepted at least one report (PATCH/logs) for
    int completed = 0; ///< runs the API accepted COMPLETED for (2xx)
    int failed = 0;    ///< of those, the ones completed with result FAILED

    /// True when all four match and are above zero.
    bool complete() const;
    /// "demo: published=N received=N reported=N completed=N failed=F".
    QString line() const;
};

} // namespace porthole
