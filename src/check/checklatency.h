// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrun.h"

#include <QString>

#include <vector>

namespace porthole {

/// How fast a consumer answered under the check: publish-to-first-report and
/// publish-to-completed percentiles, and the runs per second it sustained (completed runs over
/// the time from the first publish to the last completion).
struct CheckLatency
{
    struct Percentiles
    {
        qint64 p50 = -1, p95 = -1, p99 = -1; ///< ms; -1 when no run has the time
    };
    Percentiles firstReport, completed;
    double runsPerSecond = 0;
    int completedRuns = 0;
    qint64 spanMs = 0;

    static CheckLatency of(const std::vector<CheckRun>& runs);
    /// "latency: first-report p50=…ms p95=…ms p99=…ms; completed p50=… p95=… p99=…;
    /// sustained X runs/s (C completed in S s)".
    QString line() const;
};

} // namespace porthole
