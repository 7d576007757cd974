// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkawatcher.h"

#include "kafkaerrors.h"
#include "rdkafkaptr.h"
#include "startplan.h"

#include <algorithm>
#include <chrono>

namespace porthole {
namespace {

int64_t nowMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

std::string orgOf(const WatchOptions& o)
{
    if (!o.org.empty())
        return o.org;
    for (std::string_view suffix : {".runs", ".change.log"})
        if (o.topic.size() > suffix.size() &&
            std::string_view(o.topic).substr(o.topic.size() - suffix.size()) == suffix)
            return o.topic.substr(0, o.topic.size() - suffix.size());
    return {};
}

KafkaRecord toRecord(const rd_kafka_message_t* m)
{
    KafkaRecord r;
    r.topic = rd_kafka_topic_name(m->rkt);
    r.partition = m->partition;
    r.offset = m->offset;
    rd_kafka_timestamp_type_t tsType;
    r.timestamp = rd_kafka_message_timestamp(m, &tsType);
    r.timestampType = tsType == RD_KAFKA_TIMESTAMP_CREATE_TIME       ? TimestampType::CreateTime
                      : tsType == RD_KAFKA_TIMESTAMP_LOG_APPEND_TIME ? TimestampType::LogAppendTime
                                                                     : TimestampType::None;
    if (m->key)
        r.key.emplace(static_cast<const char*>(m->key), m->key_len);
    if (m->payload)
        r.value.emplace(static_cast<const char*>(m->payload), m->len);
    rd_kafka_headers_t* hdrs = nullptr;
    if (rd_kafka_message_headers(m, &hdrs) == RD_KAFKA_RESP_ERR_NO_ERROR) {
        const char* name;
        const void* val;
        size_t size;
        for (size_t i = 0;
             rd_kafka_header_get_all(hdrs, i, &name, &val, &size) == RD_KAFKA_RESP_ERR_NO_ERROR;
             ++i) {
            if (val)
                r.headers.emplace_back(name, std::string(static_cast<const char*>(val), size));
            else
                r.headers.emplace_back(name, std::nullopt);
        }
    }
    return r;
}

} // namespace

struct KafkaWatcher::Impl
{
    RdKafkaPtr rk;
    RdTopicPtr topic;
    RdQueuePtr consumerQueue; ///< for wake()
};

struct WatcherCallbacks
{
    static void error(rd_kafka_t*, int err, const char* reason, void* opaque)
    {
        static_cast<KafkaWatcher*>(opaque)->handleError(err, reason);
    }
};

std::unique_ptr<KafkaWatcher> KafkaWatcher::create(const WatchOptions& options,
                                                   StatusHandler onStatus, std::string* error)
{
    const std::string org = orgOf(options);
    // -X group.id is accepted as well as --group; either way it is checked the same.
    std::string group =
        options.groupId.empty() ? options.config.get("group.id").value_or("") : options.groupId;
    if (group.empty())
        group = org.empty() ? "porthole-inspector" : org + ".porthole-inspector";
    else if (!org.empty() && group.rfind(org + ".", 0) != 0) {
        *error = "group id '" + group + "' must start with '" + org +
                 ".': Port authorises only the organisation's own groups (or its user name)";
        return nullptr;
    }
    for (const char* key : {"enable.auto.commit", "auto.commit.enable", "enable.auto.offset.store"})
        if (auto v = options.config.get(key); v && *v != "false") {
            *error = std::string(key) + "=" + *v + " refused: the watcher never commits offsets";
            return nullptr;
        }

    KafkaConfig c;
    c.set("enable.partition.eof", "true");
    // A position outside the log (expired messages, a broker with a new log) restarts at the
    // log start; the dedupe below hides what was already shown, checkLogs() what is new.
    c.set("auto.offset.reset", "earliest");
    c.set("client.id", "porthole-watch");
    c.set("log_level", "0"); // errors come through the error callback; -X log_level=7 for debug
    // Small requests (offset lookups, catch-up queries) go out at once instead of waiting for
    // the peer's delayed ACK (~40 ms each on loopback).
    c.set("socket.nagle.disable", "true");
    // A broker that does not cut a fetch short when data arrives (librdkafka's mock cluster:
    // the sandbox) holds a new message for up to this long; 100 ms keeps the live view live.
    c.set("fetch.wait.max.ms", "100");
    // Kafka hands over a message larger than the fetch sizes whole (KIP-74), but librdkafka
    // drops any response over receive.message.max.bytes (100 MB) and fetches it again forever.
    // 256 MiB lets a 100 MB message through while a TLS listener or an HTTP server spoken to
    // in plain Kafka still fails at once (their first bytes read as sizes beyond 300 MB).
    c.set("receive.message.max.bytes", std::to_string(kReceiveMaxBytes));
    c.merge(options.config);
    c.set("group.id", group);
    c.set("enable.auto.commit", "false");
    c.set("enable.auto.offset.store", "false");
    RdConfPtr conf = buildConf(c, error);
    if (!conf)
        return nullptr;

    std::unique_ptr<KafkaWatcher> w(new KafkaWatcher);
    w->d = std::make_unique<Impl>();
    w->m_options = options;
    w->m_onStatus = std::move(onStatus);
    w->m_groupId = group;
    rd_kafka_conf_set_opaque(conf.get(), w.get());
    rd_kafka_conf_set_error_cb(conf.get(), &WatcherCallbacks::error);
    w->d->rk = newHandle(RD_KAFKA_CONSUMER, std::move(conf), error);
    if (!w->d->rk)
        return nullptr;
    rd_kafka_poll_set_consumer(w->d->rk.get());
    w->d->consumerQueue.reset(rd_kafka_queue_get_consumer(w->d->rk.get()));
    w->d->topic.reset(rd_kafka_topic_new(w->d->rk.get(), options.topic.c_str(), nullptr));
    return w;
}

KafkaWatcher::~KafkaWatcher()
{
    if (d && d->rk) {
        // No commit happens here: auto commit is off and nothing was ever stored.
        rd_kafka_consumer_close(d->rk.get());
        d->consumerQueue.reset();
        d->topic.reset();
        d->rk.reset();
    }
}

bool KafkaWatcher::start(std::string* error)
{
    rd_kafka_t* rk = d->rk.get();
    // Metadata in one-second slices, serving the error callback in between, so bad
    // credentials or certificates end the wait with their own reason.
    RdMetadataPtr md;
    rd_kafka_resp_err_t err = RD_KAFKA_RESP_ERR__TIMED_OUT;
    for (int waited = 0; waited < m_options.connectTimeoutMs && !md; waited += 1000) {
        const rd_kafka_metadata_t* raw = nullptr;
        err = rd_kafka_metadata(rk, 0, d->topic.get(), &raw, 1000);
        md.reset(raw);
        RdMessagePtr event(rd_kafka_consumer_poll(rk, 0));
        if (event && event->err)
            handleError(event->err, rd_kafka_message_errstr(event.get()));
        if (!m_fatal.empty()) {
            *error = m_fatal;
            return false;
        }
    }
    if (!md) {
        *error = "cannot read metadata of " + m_options.topic + " within " +
                 std::to_string(m_options.connectTimeoutMs / 1000) +
                 " s: " + rd_kafka_err2str(err) +
                 (m_lastWarning.empty() ? std::string() : " (" + m_lastWarning + ")");
        return false;
    }
    if (md->topic_cnt != 1 || md->topics[0].err) {
        const rd_kafka_resp_err_t terr =
            md->topic_cnt ? md->topics[0].err : RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
        *error = KafkaErrors::explain(terr, rd_kafka_err2str(terr), m_options.topic);
        return false;
    }
    m_partitions.clear();
    for (int i = 0; i < md->topics[0].partition_cnt; ++i) {
        const int32_t id = md->topics[0].partitions[i].id;
        const auto& only = m_options.partitions;
        if ((!m_options.partition || *m_options.partition == id) &&
            (only.empty() || std::find(only.begin(), only.end(), id) != only.end()))
            m_partitions.push_back(id);
    }
    if (m_partitions.empty()) {
        std::string wanted;
        if (m_options.partition)
            wanted = std::to_string(*m_options.partition);
        for (int32_t p : m_options.partitions)
            wanted += (wanted.empty() ? "" : ", ") + std::to_string(p);
        *error = "topic " + m_options.topic + " has no partition " + wanted;
        return false;
    }

    // Both ends of every partition in two ListOffsets requests, so the assignment names real
    // offsets: every partition is fetchable in the first Fetch. (With logical offsets each
    // partition waits for its own lookup, and a first Fetch holding only the partitions already
    // resolved can sit out fetch.wait.max.ms on a broker with nothing more for them.)
    static_assert(StartPlan::kBeginning == RD_KAFKA_OFFSET_BEGINNING &&
                  StartPlan::kEnd == RD_KAFKA_OFFSET_END &&
                  StartPlan::kTailBase == RD_KAFKA_OFFSET_TAIL_BASE);
    const StartPosition& from = m_options.from;
    const std::map<int32_t, int64_t> firsts = listOffsets(kEarliest, m_options.connectTimeoutMs);
    const std::map<int32_t, int64_t> ends = listOffsets(kLatest, m_options.connectTimeoutMs);
    StartPlan plan(from, m_partitions, firsts, ends);
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(int(m_partitions.size())));
    for (const auto& [p, offset] : plan.assignments())
        rd_kafka_topic_partition_list_add(list.get(), m_options.topic.c_str(), p)->offset = offset;
    if (from.kind == StartPosition::Kind::Timestamp) {
        const rd_kafka_resp_err_t terr =
            rd_kafka_offsets_for_times(rk, list.get(), m_options.connectTimeoutMs);
        if (terr) {
            *error =
                std::string("cannot look up offsets for the timestamp: ") + rd_kafka_err2str(terr);
            return false;
        }
        for (int i = 0; i < list->cnt; ++i) {
            auto& tp = list->elems[i];
            if (tp.offset < 0) { // no message at or after the time, or no lookup
                const auto lo = firsts.find(tp.partition), hi = ends.find(tp.partition);
                const bool holdsMessages =
                    lo != firsts.end() && hi != ends.end() && hi->second > lo->second;
                tp.offset = holdsMessages && timeLookupMissing(tp.partition, from.value)
                                ? RD_KAFKA_OFFSET_BEGINNING
                                : RD_KAFKA_OFFSET_END;
            } else {
                plan.want(tp.partition, tp.offset);
            }
        }
    }
    m_dropped = plan.dropped();
    if (const rd_kafka_resp_err_t aerr = rd_kafka_assign(rk, list.get())) {
        *error = std::string("cannot assign partitions: ") + rd_kafka_err2str(aerr);
        return false;
    }
    status(WatchStatus::Connected, "watching " + m_options.topic + " (" +
                                       std::to_string(m_partitions.size()) +
                                       (m_partitions.size() == 1 ? " partition" : " partitions") +
                                       ") without a consumer group membership");
    m_watching = true;
    return true;
}

void KafkaWatcher::wake() const
{
    if (d->consumerQueue)
        rd_kafka_queue_yield(d->consumerQueue.get());
}

size_t KafkaWatcher::poll(std::vector<KafkaRecord>& out, int timeoutMs, size_t max)
{
    size_t added = 0;
    int wait = timeoutMs;
    while (added < max) {
        RdMessagePtr m(rd_kafka_consumer_poll(d->rk.get(), wait));
        wait = 0;
        if (!m)
            break;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            m_atEof.insert(m->partition);
            continue;
        }
        if (m->err) {
            handleError(m->err, rd_kafka_message_errstr(m.get()));
            continue;
        }
        if (m_down) {
            m_down = false;
            checkLogs(); // before the news, so nothing produced after it is taken as old
            status(WatchStatus::Recovered, "broker reachable again");
        }
        auto [it, inserted] = m_next.try_emplace(m->partition, m->offset + 1);
        if (!inserted) {
            if (m->offset < it->second)
                continue; // already shown (refetched after a reconnect)
            it->second = m->offset + 1;
        }
        if (!m_notBefore.empty()) {
            // Reading from the start where the broker could not look the time up: skip what
            // is older, up to the first message at or after the time (Kafka's own rule).
            const auto nb = m_notBefore.find(m->partition);
            rd_kafka_timestamp_type_t tsType;
            if (nb != m_notBefore.end() &&
                rd_kafka_message_timestamp(m.get(), &tsType) < nb->second)
                continue;
            if (nb != m_notBefore.end())
                m_notBefore.erase(nb);
        }
        m_atEof.erase(m->partition);
        out.push_back(toRecord(m.get()));
        ++added;
    }
    if (m_down)
        probeRecovery();
    return added;
}

std::map<int32_t, int64_t> KafkaWatcher::endOffsets(int timeoutMs) const
{
    // One request for every partition: a query per partition would queue behind the
    // consumer's long-polling fetches one by one.
    std::map<int32_t, int64_t> ends = listOffsets(kLatest, timeoutMs);
    for (auto& [p, end] : ends)
        if (end == 0)
            end = -1; // an empty log holds nothing to wait for
    return ends;
}

bool KafkaWatcher::hasReached(const std::map<int32_t, int64_t>& ends) const
{
    for (const auto& [p, end] : ends) {
        if (end < 0)
            continue;
        const auto it = m_next.find(p);
        if (it == m_next.end() || it->second < end)
            return false;
    }
    return true;
}

void KafkaWatcher::status(WatchStatus s, const std::string& text)
{
    if (m_onStatus)
        m_onStatus(s, text);
}

void KafkaWatcher::handleError(int err, const std::string& reason)
{
    // A restarting broker accepts connections before its TLS listener is ready and drops them
    // mid-handshake. Once these settings have worked, that is the outage, not a bad setting.
    if (m_watching && KafkaErrors::handshakeCutOff(reason)) {
        if (!m_down) {
            m_down = true;
            m_lastProbeMs = nowMs();
            status(WatchStatus::BrokerDown, "broker unreachable: " + reason);
        }
        return;
    }
    if (auto fatal = KafkaErrors::fatalConnectionError(err, reason)) {
        if (m_fatal.empty())
            m_fatal = *fatal;
        return;
    }
    if (err == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN) {
        if (!m_down) {
            m_down = true;
            m_lastProbeMs = nowMs();
            // "1/1 brokers are down" says nothing of why; the error before it does.
            status(WatchStatus::BrokerDown,
                   "broker unreachable: " + (m_lastTransport.empty() ? reason : m_lastTransport));
        }
        return;
    }
    if (err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__RESOLVE)
        m_lastTransport = reason;
    if (m_down && (err == RD_KAFKA_RESP_ERR__TRANSPORT || err == RD_KAFKA_RESP_ERR__RESOLVE))
        return; // the same outage, reported once
    if (reason != m_lastWarning) {
        m_lastWarning = reason;
        status(WatchStatus::Warning, reason);
    }
}

// While the broker is away, a cheap watermark query every second tells when it is back; then
// each partition's log is checked: a restarted broker may have a new, shorter log whose
// offsets repeat ones already shown, so the dedupe must forget that partition.
void KafkaWatcher::probeRecovery()
{
    const int64_t now = nowMs();
    if (now - m_lastProbeMs < 1000)
        return;
    m_lastProbeMs = now;
    // Metadata honours its timeout; a watermark query does not while the broker is away (its
    // request waits for socket.timeout.ms), so it is only used once the broker answered.
    const rd_kafka_metadata_t* raw = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(d->rk.get(), 0, d->topic.get(), &raw, 1000);
    RdMetadataPtr md(raw);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR)
        return;
    m_down = false;
    checkLogs(); // before the news, so nothing produced after it is taken as old
    status(WatchStatus::Recovered, "broker reachable again");
}

// Some brokers (librdkafka's mock cluster: the sandbox) answer every time lookup with "none".
// A real broker finds a partition's first message for time 0 whenever it has one; when this
// one does not (the caller knows the partition holds messages), the partition is read from its
// start and the older messages are skipped here.
bool KafkaWatcher::timeLookupMissing(int32_t partition, int64_t timestamp)
{
    RdPartitionsPtr probe(rd_kafka_topic_partition_list_new(1));
    rd_kafka_topic_partition_list_add(probe.get(), m_options.topic.c_str(), partition)->offset = 0;
    if (rd_kafka_offsets_for_times(d->rk.get(), probe.get(), m_options.connectTimeoutMs) ||
        probe->elems[0].offset >= 0)
        return false;
    m_notBefore[partition] = timestamp;
    return true;
}

/// One ListOffsets request for every watched partition: `which` is kEarliest or kLatest (the
/// high watermark). Empty when the broker does not answer for all of them.
std::map<int32_t, int64_t> KafkaWatcher::listOffsets(int64_t which, int timeoutMs) const
{
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(int(m_partitions.size())));
    for (int32_t p : m_partitions)
        rd_kafka_topic_partition_list_add(list.get(), m_options.topic.c_str(), p)->offset = which;
    if (rd_kafka_offsets_for_times(d->rk.get(), list.get(), timeoutMs) !=
        RD_KAFKA_RESP_ERR_NO_ERROR)
        return {};
    std::map<int32_t, int64_t> offsets;
    for (int i = 0; i < list->cnt; ++i) {
        if (list->elems[i].err || list->elems[i].offset < 0)
            return {};
        offsets[list->elems[i].partition] = list->elems[i].offset;
    }
    return offsets;
}

void KafkaWatcher::checkLogs()
{
    std::vector<std::pair<int32_t, int64_t>> restarted;
    for (const auto& [p, next] : m_next) {
        int64_t lo = 0, hi = 0;
        if (rd_kafka_query_watermark_offsets(d->rk.get(), m_options.topic.c_str(), p, &lo, &hi,
                                             2000) == RD_KAFKA_RESP_ERR_NO_ERROR &&
            next > hi)
            restarted.emplace_back(p, lo);
    }
    for (const auto& [p, lo] : restarted) {
        m_next.erase(p);
        status(WatchStatus::OffsetsReset, "partition " + std::to_string(p) +
                                              ": the broker has a new, shorter log (offsets "
                                              "start again at " +
                                              std::to_string(lo) + "); showing it from there");
    }
}

} // namespace porthole
