// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupprobe.h"

#include "kafkaconfig.h"
#include "rdkafkaptr.h"

namespace porthole {

struct GroupProbe::Impl
{
    RdKafkaPtr rk;
};

std::unique_ptr<GroupProbe> GroupProbe::create(const std::string& bootstrap,
                                               const std::string& topic, int partitions,
                                               const std::string& group, std::string* error)
{
    KafkaConfig c;
    c.set("bootstrap.servers", bootstrap);
    c.set("group.id", group);
    c.set("enable.auto.commit", "false");
    c.set("log_level", "0"); // a refused commit is the answer we look for, not an error to log
    c.set("socket.timeout.ms", "5000"); // bounds the synchronous commit (loopback broker)
    RdConfPtr conf = buildConf(c, error);
    if (!conf)
        return nullptr;
    std::unique_ptr<GroupProbe> p(new GroupProbe);
    p->d = std::make_unique<Impl>();
    p->d->rk = newHandle(RD_KAFKA_CONSUMER, std::move(conf), error);
    if (!p->d->rk)
        return nullptr;
    p->m_topic = topic;
    p->m_partitions = partitions;
    return p;
}

GroupProbe::~GroupProbe()
{
    // Never subscribed: closing only ends the coordinator connection, it leaves no group.
    if (d && d->rk)
        rd_kafka_consumer_close(d->rk.get());
}

int GroupProbe::commitZero()
{
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(m_partitions));
    for (int p = 0; p < m_partitions; ++p)
        rd_kafka_topic_partition_list_add(list.get(), m_topic.c_str(), p)->offset =
            m_start.empty() ? 0 : m_start.at(size_t(p));
    // Synchronous: bounded by socket.timeout.ms (rd_kafka_commit has no timeout of its own).
    rd_kafka_resp_err_t err = rd_kafka_commit(d->rk.get(), list.get(), 0);
    for (int i = 0; err == RD_KAFKA_RESP_ERR_NO_ERROR && i < list->cnt; ++i)
        err = list->elems[i].err;
    return int(err);
}

bool GroupProbe::precommit(std::string* error)
{
    const int err = commitZero();
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        return true;
    *error = m_error = std::string("cannot store the group's starting offsets: ") +
                       rd_kafka_err2str(rd_kafka_resp_err_t(err));
    return false;
}

bool GroupProbe::precommitAtEnd(std::string* error)
{
    // A real broker's topic holds older messages: the group starts after them.
    m_start.assign(size_t(m_partitions), 0);
    for (int p = 0; p < m_partitions; ++p) {
        int64_t low = 0, high = 0;
        const rd_kafka_resp_err_t err =
            rd_kafka_query_watermark_offsets(d->rk.get(), m_topic.c_str(), p, &low, &high, 5000);
        if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
            *error = m_error =
                "cannot read " + m_topic + "'s end offsets: " + rd_kafka_err2str(err);
            return false;
        }
        m_start[size_t(p)] = high;
    }
    return precommit(error);
}

GroupProbe::State GroupProbe::probe()
{
    const int err = commitZero();
    if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
        return State::NotJoined;
    if (err == RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID || err == RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION ||
        err == RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
        return State::Joined;
    m_error = rd_kafka_err2str(rd_kafka_resp_err_t(err));
    return State::Error;
}

std::map<int32_t, int64_t> GroupProbe::committed(int timeoutMs)
{
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(m_partitions));
    for (int p = 0; p < m_partitions; ++p)
        rd_kafka_topic_partition_list_add(list.get(), m_topic.c_str(), p);
    std::map<int32_t, int64_t> out;
    const rd_kafka_resp_err_t err = rd_kafka_committed(d->rk.get(), list.get(), timeoutMs);
    if (err != RD_KAFKA_RESP_ERR_NO_ERROR) {
        m_error = rd_kafka_err2str(err);
        return out;
    }
    for (int i = 0; i < list->cnt; ++i)
        out[list->elems[i].partition] = list->elems[i].err ? -1 : list->elems[i].offset;
    return out;
}

} // namespace porthole
