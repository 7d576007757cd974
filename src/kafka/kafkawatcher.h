// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "watchoptions.h"

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace porthole {

/// Connection news from a watcher (shown as status, never as a crash).
enum class WatchStatus
{
    Connected,
    BrokerDown,
    Recovered,
    OffsetsReset,
    Warning
};

/// A read-only consumer used from one thread: assign + seek, no group membership, never commits
/// offsets (enable.auto.commit=false, offsets never stored). Records come out in per-partition
/// order, each (partition, offset) once even when librdkafka refetches after a reconnect.
class KafkaWatcher
{
public:
    using StatusHandler = std::function<void(WatchStatus, const std::string&)>;
    /// The largest response accepted unless -X receive.message.max.bytes says otherwise.
    static constexpr int kReceiveMaxBytes = 256 * 1024 * 1024;

    /// Checks the options (group prefix, commit settings, properties) and creates the consumer.
    static std::unique_ptr<KafkaWatcher> create(const WatchOptions& options, StatusHandler onStatus,
                                                std::string* error);
    ~KafkaWatcher();

    /// Finds the partitions and assigns them at the start position (blocks up to the timeout).
    bool start(std::string* error);
    /// Thread-safe: makes a poll() waiting in another thread return at once.
    void wake() const;
    /// Waits up to `timeoutMs` for records, then takes what is ready, up to `max`.
    size_t poll(std::vector<KafkaRecord>& out, int timeoutMs, size_t max = 10000);
    /// True when every watched partition has been read to its end.
    bool atEnd() const { return !m_partitions.empty() && m_atEof.size() == m_partitions.size(); }
    /// The end offset (high watermark) of every watched partition now; empty on failure.
    std::map<int32_t, int64_t> endOffsets(int timeoutMs) const;
    /// True when every record before `ends` (from endOffsets) has been polled.
    bool hasReached(const std::map<int32_t, int64_t>& ends) const;
    /// True when `partition` has been read to its end and no record came since (a partition
    /// that starts at its end, as after a time lookup finding nothing newer, gets no record).
    bool atEnd(int32_t partition) const { return m_atEof.count(partition) > 0; }
    /// The next offset not yet polled in `partition`; -1 before its first record.
    int64_t position(int32_t partition) const
    {
        const auto it = m_next.find(partition);
        return it == m_next.end() ? -1 : it->second;
    }
    /// The partitions being watched.
    const std::vector<int32_t>& partitions() const { return m_partitions; }
    /// Set when the connection cannot work as configured (authentication, TLS).
    const std::string& fatalError() const { return m_fatal; }
    /// Partitions whose oldest wanted messages the broker had already dropped (retention) when
    /// watching started: partition -> (first offset wanted, first offset still there).
    const std::map<int32_t, std::pair<int64_t, int64_t>>& droppedBeforeStart() const
    {
        return m_dropped;
    }
    /// The group id used (never joined, never committed to).
    const std::string& groupId() const { return m_groupId; }

private:
    KafkaWatcher() = default;
    struct Impl;
    std::unique_ptr<Impl> d;
    WatchOptions m_options;
    StatusHandler m_onStatus;
    std::string m_groupId;
    std::vector<int32_t> m_partitions;
    std::map<int32_t, int64_t> m_next; ///< next unseen offset per partition (dedupe)
    std::set<int32_t> m_atEof;
    std::map<int32_t, std::pair<int64_t, int64_t>> m_dropped;
    std::map<int32_t, int64_t> m_notBefore; ///< skip older messages (no time lookup)
    bool m_down = false;
    bool m_watching = false; ///< start() succeeded: the settings worked once
    int64_t m_lastProbeMs = 0;
    std::string m_lastWarning;
    std::string m_lastTransport; // the latest connection error: why the brokers are down
    std::string m_fatal;

    void status(WatchStatus s, const std::string& text);
    void handleError(int err, const std::string& reason);
    void probeRecovery();
    void checkLogs();
    bool timeLookupMissing(int32_t partition, int64_t timestamp);
    static constexpr int64_t kEarliest = -2; ///< ListOffsets' "timestamps" for the log's ends
    static constexpr int64_t kLatest = -1;
    std::map<int32_t, int64_t> listOffsets(int64_t which, int timeoutMs) const;
    friend struct WatcherCallbacks;
};

} // namespace porthole
