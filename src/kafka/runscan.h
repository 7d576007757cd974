// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "kafkaconfig.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace porthole {

/// Where to look for a run's messages.
struct RunScanOptions
{
    KafkaConfig config; ///< connection properties (profile + -X)
    std::string topic;  ///< ORG.runs
    std::string runId; ///< wfr_…, wfnr_… or r_…: a workflow run finds its node runs' messages
    int64_t sinceMs = -1; ///< start near this time (epoch ms, looked up); -1: from the beginning
    int connectTimeoutMs = 10000;
    /// The scan fails when nothing moves for this long (a vanished partition, a lost broker).
    int stallTimeoutMs = 15000;
};

/// How far a scan is; sent at most every ~200 ms and once at the end.
struct RunScanProgress
{
    int64_t scanned = 0;    ///< messages read so far
    int64_t remaining = 0;  ///< messages still before the end offsets (estimate for unread ones)
    int partitionsLeft = 0; ///< partitions not read to their end offset yet
    int partitions = 0;
};

/// What a scan found.
struct RunScanResult
{
    std::vector<KafkaRecord> messages; ///< the records naming the run, in partition order
    std::map<int32_t, int64_t> ends;   ///< each partition's end offset when the scan started
    int64_t scanned = 0;
    bool cancelled = false;
    /// Partitions whose oldest wanted messages were gone (retention): (wanted, first there).
    std::map<int32_t, std::pair<int64_t, int64_t>> dropped;
};

// Finds a run's messages on the runs topic without joining a group or committing: starts near
// a time (offsets-for-times, or the log start where the broker cannot look times up), reads all
// partitions at once (one consumer assigned to each) and stops at the end offsets of the moment
// it started, so a busy topic never keeps it going.
namespace RunScan {

/// Why a scan failed.
enum class Failure
{
    None,
    Unreachable, ///< the broker could not be asked (or stopped answering)
    Refused,     ///< the settings or the topic are wrong (missing topic, bad property)
};

/// Scans; nullopt with `error` (and `failure`) when the broker cannot be read. `cancel` (may be
/// null) ends the scan within ~100 ms with `cancelled` set and what was found so far.
std::optional<RunScanResult> run(const RunScanOptions& options,
                                 const std::function<void(const RunScanProgress&)>& progress,
                                 const std::atomic<bool>* cancel, std::string* error,
                                 Failure* failure = nullptr);

/// True when `value` names `runId` as a whole id (RunId's rules: "r_x" inside "wfr_x" is not
/// it, nor "wfnr_x" inside "wfnr_xy").
bool names(std::string_view value, std::string_view runId);

} // namespace RunScan
} // namespace porthole
