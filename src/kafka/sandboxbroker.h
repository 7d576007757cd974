// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <memory>
#include <string>

namespace porthole {

/// The embedded Kafka broker: librdkafka's mock cluster (one broker) in this process on
/// 127.0.0.1, speaking the real protocol so kcat and python3-kafka can join. No SASL/TLS, and it
/// keeps only ~4 MB per partition (older message sets are dropped).
class SandboxBroker
{
public:
    static constexpr int kPartitions = 3;

    SandboxBroker();
    ~SandboxBroker();
    SandboxBroker(const SandboxBroker&) = delete;
    SandboxBroker& operator=(const SandboxBroker&) = delete;

    /// Starts on 127.0.0.1:port (0: a free port) with topics ORG.runs and ORG.change.log.
    bool start(const std::string& org, uint16_t port, std::string* error);
    /// Creates one more topic (kPartitions partitions) on the running broker.
    bool createTopic(const std::string& topic, std::string* error);
    /// Takes the broker down (every connection cut, new ones refused) or up again, as a restart
    /// does; the log and the groups' committed offsets stay. False when not running.
    bool setDown(bool down);
    /// Stops the broker; clients see it go away.
    void stop();

    bool isRunning() const;
    /// "127.0.0.1:PORT" while running.
    std::string bootstrap() const;
    uint16_t port() const;

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace porthole
