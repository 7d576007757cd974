// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "diagnosis.h"
#include "kafka/kafkaconfig.h"
#include "kafka/runscan.h"
#include "portapi/portclientconfig.h"

#include <QString>

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// What to diagnose and where: the CLI's `diagnose` arguments and the app's dialog both fill it.
struct DiagnoseRequest
{
    RunId run;          ///< wfr_…, wfnr_… or r_…
    KafkaConfig config; ///< the connection's properties
    std::string org;
    std::string topic;                   ///< ORG.runs
    std::vector<std::string> groups;     ///< empty: list ORG.* where the broker can
    std::optional<PortClientConfig> api; ///< Port's API; absent: Port is not asked
    std::optional<int64_t> sinceMs;      ///< where the scan starts; absent: Port's creation time
    int timeoutMs = 10000;               ///< connecting, each broker query
    int64_t nowMs = 0;
};

/// The verdict, or why there is none.
struct DiagnoseOutcome
{
    std::optional<Diagnosis> diagnosis;
    QString error;      ///< set when there is no diagnosis
    bool usage = false; ///< the request itself is wrong (exit 2), else unreachable (exit 3)
};

// The steps of a diagnosis, one home for `porthole-cli diagnose` and the app's "Diagnose a
// run…": Port's record first where the id names it (its creation time narrows the scan), the
// run's messages on the topic (RunScan), a node run's record through the workflow run its
// message names, then the groups' committed offsets on those partitions (admin API only: never
// joins, never commits). Blocking: the app runs it on a worker thread. Port's calls wait in a
// local event loop of the calling thread.
namespace RunDiagnoser {

/// Runs every step; `progress` hears the scan, `cancel` (may be null) ends the scan early
/// (the verdict then says how far it read).
DiagnoseOutcome run(const DiagnoseRequest& request,
                    const std::function<void(const RunScanProgress&)>& progress,
                    const std::atomic<bool>* cancel);

} // namespace RunDiagnoser
} // namespace porthole
