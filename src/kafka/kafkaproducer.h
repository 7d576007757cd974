// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "kafkaconfig.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

struct rd_kafka_headers_s;

namespace porthole {

/// One message to publish.
struct OutgoingMessage
{
    std::string topic;
    std::optional<std::string> key;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string value;
};

/// The fate of one sent message: where it landed, or why it did not.
struct DeliveryReport
{
    uint64_t index = 0; ///< order of send() calls, from 0
    std::string topic;
    int32_t partition = -1;
    int64_t offset = -1;
    double latencyMs = 0;
    std::string error; ///< empty when delivered
    int errorCode = 0; ///< librdkafka's code (see KafkaErrors::explain)
    bool delivered() const { return error.empty(); }
};

/// An idempotent producer used from one thread: send() queues, poll() serves delivery reports,
/// finish() waits and then purges what is left so that every message gets exactly one report
/// (delivered or failed), never none.
class KafkaProducer
{
public:
    using ReportHandler = std::function<void(const DeliveryReport&)>;
    using LogHandler = std::function<void(const std::string&)>;

    /// A producer for `config` (enable.idempotence=true unless the config says otherwise).
    static std::unique_ptr<KafkaProducer> create(const KafkaConfig& config, ReportHandler onReport,
                                                 LogHandler onError, std::string* error);
    ~KafkaProducer();

    /// Queues a message, serving reports while librdkafka's queue is full. A message that
    /// cannot be queued at all is reported failed at once.
    void send(const OutgoingMessage& message);
    /// Queues a recorded message again exactly: its topic, key, headers (null values too) and
    /// value (null: a tombstone); partition, offset and timestamp are left to Kafka.
    void send(const KafkaRecord& record);
    /// Serves delivery reports for up to `timeoutMs`.
    void poll(int timeoutMs);
    /// Waits up to `timeoutMs` for outstanding messages, then fails the rest.
    void finish(int timeoutMs);
    /// Messages sent but not yet reported.
    uint64_t outstanding() const { return m_sent - m_reported; }
    /// Set when the connection cannot work as configured (authentication, TLS): waiting will
    /// not help, finish() then fails what is left at once.
    const std::string& fatalError() const { return m_fatal; }
    /// How long every broker may refuse connections, with nothing delivered yet, before the
    /// producer gives up (fatalError() then says so): a dead broker fails in seconds instead of
    /// waiting out message.timeout.ms.
    static constexpr int kRefusedGraceMs = 2000;

private:
    KafkaProducer() = default;
    struct Impl;
    std::unique_ptr<Impl> d;
    ReportHandler m_onReport;
    LogHandler m_onError;
    uint64_t m_sent = 0;
    uint64_t m_reported = 0;
    std::string m_fatal;
    bool m_everDelivered = false;
    // The report delivered() fills for each message: reused, so a delivery builds no strings
    // (the topic's name is copied when the topic changes, not per message).
    DeliveryReport m_delivery;
    const void* m_deliveryTopic = nullptr;
    std::optional<std::chrono::steady_clock::time_point> m_allDownSince;
    std::string m_refused; // the latest "connection refused" or unresolvable name from librdkafka

    void report(DeliveryReport& r); // may rewrite r.error (a purge says why)
    void noteError(int code, const std::string& text);
    void checkAllRefused();
    void produce(const std::string& topic, const char* key, size_t keyLen, const char* value,
                 size_t valueLen, rd_kafka_headers_s* headers);
    friend struct ProducerCallbacks;
};

} // namespace porthole
