// SPDX-License-Identifier: GPL-3.0-or-later
#include "runscan.h"

#include "core/runid.h"
#include "kafkawatcher.h"

#include <algorithm>
#include <chrono>

namespace porthole::RunScan {
namespace {

int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

// Done with a partition: everything before its end offset read, or read to its end since (a
// partition assigned at its end after a time lookup gets no record at all).
bool partitionDone(const KafkaWatcher& w, int32_t p, int64_t end)
{
    return end <= 0 || w.atEnd(p) || w.position(p) >= end;
}

RunScanProgress progressOf(const KafkaWatcher& w, const std::map<int32_t, int64_t>& ends,
                           int64_t scanned)
{
    RunScanProgress p;
    p.scanned = scanned;
    p.partitions = int(ends.size());
    for (const auto& [partition, end] : ends) {
        if (partitionDone(w, partition, end))
            continue;
        ++p.partitionsLeft;
        const int64_t pos = w.position(partition);
        p.remaining += pos < 0 ? end : end - pos; // unread: at most the whole log
    }
    return p;
}

} // namespace

bool names(std::string_view value, std::string_view runId)
{
    if (runId.empty())
        return false;
    for (size_t hit = value.find(runId); hit != std::string_view::npos;
         hit = value.find(runId, hit + 1)) {
        // RunId's own reading of the bytes from here decides: the id must stand alone.
        size_t pos = hit;
        const RunId id = RunId::findNext(value, pos);
        if (!id.isNull() && id.text() == runId && pos == hit + runId.size())
            return true;
    }
    return false;
}

std::optional<RunScanResult> run(const RunScanOptions& options,
                                 const std::function<void(const RunScanProgress&)>& progress,
                                 const std::atomic<bool>* cancel, std::string* error,
                                 Failure* failure)
{
    Failure dummy;
    Failure& why = failure ? *failure : dummy;
    why = Failure::None;
    WatchOptions w;
    w.config = options.config;
    w.topic = options.topic;
    w.connectTimeoutMs = options.connectTimeoutMs;
    if (options.sinceMs >= 0) {
        w.from.kind = StartPosition::Kind::Timestamp;
        w.from.value = options.sinceMs;
    } else {
        w.from.kind = StartPosition::Kind::Beginning;
    }
    bool brokerDown = false;
    std::string lastProblem;
    auto watcher = KafkaWatcher::create(
        w,
        [&](WatchStatus s, const std::string& text) {
            if (s == WatchStatus::BrokerDown)
                brokerDown = true;
            if (s == WatchStatus::BrokerDown || s == WatchStatus::Warning)
                lastProblem = text;
        },
        error);
    if (!watcher) {
        why = Failure::Refused;
        return std::nullopt;
    }
    if (!watcher->start(error)) {
        why = error->find("cannot read metadata") == 0 ? Failure::Unreachable : Failure::Refused;
        return std::nullopt;
    }
    RunScanResult result;
    result.dropped = watcher->droppedBeforeStart();
    // The end offsets now: what is published after this moment is not waited for.
    result.ends = watcher->endOffsets(options.connectTimeoutMs);
    for (auto& [p, end] : result.ends)
        end = std::max<int64_t>(end, 0); // endOffsets says -1 for an empty log: its end is 0
    if (result.ends.empty()) {
        *error = "cannot read the end offsets of " + options.topic +
                 (lastProblem.empty() ? std::string() : ": " + lastProblem);
        why = Failure::Unreachable;
        return std::nullopt;
    }
    std::vector<KafkaRecord> batch;
    int64_t lastReport = 0;
    int64_t lastMove = nowMs();
    int64_t lastPositions = 0;
    const auto allDone = [&] {
        for (const auto& [p, end] : result.ends)
            if (!partitionDone(*watcher, p, end))
                return false;
        return true;
    };
    while (!allDone()) {
        if (cancel && cancel->load()) {
            result.cancelled = true;
            break;
        }
        batch.clear();
        const size_t got = watcher->poll(batch, 100, 5000);
        for (KafkaRecord& r : batch) {
            const auto end = result.ends.find(r.partition);
            if (end == result.ends.end() || r.offset >= end->second)
                continue; // published after the scan started
            ++result.scanned;
            if (r.value && names(*r.value, options.runId))
                result.messages.push_back(std::move(r));
        }
        const int64_t now = nowMs();
        // Positions move even when every record is skipped (older than the start time).
        int64_t positions = 0;
        for (const auto& [p, end] : result.ends)
            positions += watcher->position(p) + (watcher->atEnd(p) ? 1 : 0);
        if (got > 0 || positions != lastPositions) {
            lastMove = now;
            lastPositions = positions;
        }
        if (!watcher->fatalError().empty() || brokerDown) {
            *error = "the broker stopped answering during the scan: " +
                     (watcher->fatalError().empty() ? lastProblem : watcher->fatalError());
            why = Failure::Unreachable;
            return std::nullopt;
        }
        if (now - lastMove > options.stallTimeoutMs && !allDone()) {
            *error = "the scan made no progress for " +
                     std::to_string(options.stallTimeoutMs / 1000) + " s" +
                     (lastProblem.empty() ? std::string() : ": " + lastProblem);
            why = Failure::Unreachable;
            return std::nullopt;
        }
        if (progress && now - lastReport >= 200) {
            lastReport = now;
            progress(progressOf(*watcher, result.ends, result.scanned));
        }
    }
    if (progress)
        progress(progressOf(*watcher, result.ends, result.scanned));
    return result;
}

} // namespace porthole::RunScan
