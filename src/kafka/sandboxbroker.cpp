// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxbroker.h"

#include "kafkaconfig.h"
#include "loopbackbind.h"
#include "rdkafkaptr.h"

#include <librdkafka/rdkafka_mock.h>

#include <cstring>
#include <mutex>

namespace porthole {

struct SandboxBroker::Impl
{
    RdKafkaPtr host; // the mock cluster lives on a handle; destroyed after the cluster
    rd_kafka_mock_cluster_t* cluster = nullptr;
    std::string bootstrap;
    uint16_t port = 0;
};

SandboxBroker::SandboxBroker() : d(std::make_unique<Impl>()) {}

SandboxBroker::~SandboxBroker()
{
    stop();
}

bool SandboxBroker::start(const std::string& org, uint16_t port, std::string* error)
{
    stop();
    KafkaConfig config;
    config.set("log_level", "0"); // the host has no brokers of its own, and the mock's
    // protocol complaints (a TLS client saying hello) are the client's news, not ours
    std::string why;
    d->host = newHandle(RD_KAFKA_PRODUCER, buildConf(config, &why), &why);
    if (!d->host) {
        *error = "cannot create the sandbox host: " + why;
        return false;
    }
    {
        // Serialised: the bind override is process-wide.
        static std::mutex mutex;
        const std::lock_guard lock(mutex);
        LoopbackBind::arm(port);
        d->cluster = rd_kafka_mock_cluster_new(d->host.get(), 1);
        const int bindErrno = LoopbackBind::disarm();
        if (bindErrno != 0 || !d->cluster) {
            *error = "cannot listen on 127.0.0.1:" + std::to_string(port) + ": " +
                     (bindErrno ? std::strerror(bindErrno) : "the mock cluster failed to start");
            stop();
            return false;
        }
    }
    d->bootstrap = rd_kafka_mock_cluster_bootstraps(d->cluster);
    d->port = uint16_t(std::stoi(d->bootstrap.substr(d->bootstrap.rfind(':') + 1)));
    if (port != 0 && d->port != port) {
        *error =
            "the sandbox listens on " + d->bootstrap + " instead of port " + std::to_string(port);
        stop();
        return false;
    }
    for (const char* suffix : {".runs", ".change.log"})
        if (!createTopic(org + suffix, error)) {
            stop();
            return false;
        }
    return true;
}

bool SandboxBroker::createTopic(const std::string& topic, std::string* error)
{
    if (!d->cluster) {
        *error = "the sandbox is not running";
        return false;
    }
    const rd_kafka_resp_err_t err =
        rd_kafka_mock_topic_create(d->cluster, topic.c_str(), kPartitions, 1);
    if (err) {
        *error = "cannot create topic " + topic + ": " + rd_kafka_err2str(err);
        return false;
    }
    return true;
}

void SandboxBroker::stop()
{
    if (d->cluster)
        rd_kafka_mock_cluster_destroy(d->cluster);
    d->cluster = nullptr;
    d->host.reset();
    d->bootstrap.clear();
    d->port = 0;
}

bool SandboxBroker::setDown(bool down)
{
    if (!d->cluster)
        return false;
    // The mock cluster's own restart: it keeps its partitions and committed offsets in memory.
    const rd_kafka_resp_err_t err = down ? rd_kafka_mock_broker_set_down(d->cluster, -1)
                                         : rd_kafka_mock_broker_set_up(d->cluster, -1);
    return err == RD_KAFKA_RESP_ERR_NO_ERROR;
}

bool SandboxBroker::isRunning() const
{
    return d->cluster != nullptr;
}

std::string SandboxBroker::bootstrap() const
{
    return d->bootstrap;
}

uint16_t SandboxBroker::port() const
{
    return d->port;
}

} // namespace porthole
