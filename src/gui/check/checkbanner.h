// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <vector>

namespace porthole {

struct CheckRun;

/// How a consumer check ended, for the banner the dialog closes with: pass or fail, the counts
/// and the first reason in words (the CLI's summary line is for scripts).
struct CheckBanner
{
    int completed = 0, failed = 0, missing = 0;
    QString firstReason; ///< "run 2: sent result FAILURE …"; empty when every run passed
    QString error;       ///< why the check could not run at all; empty otherwise

    /// Adds a round's runs; `round` names it in the first reason (a fault), empty for none.
    void add(const std::vector<CheckRun>& runs, const QString& round = {});
    bool passed() const { return error.isEmpty() && failed == 0 && missing == 0 && completed > 0; }
    /// "✔ Passed: all 3 runs completed as expected." or "✖ Failed: 1 of 3 runs passed (1
    /// failed, 1 never reported). First reason — run 2: …".
    QString text() const;
};

} // namespace porthole
