// SPDX-License-Identifier: GPL-3.0-or-later
#include "groupoffsets.h"

#include "rdkafkaptr.h"

#include <algorithm>

namespace porthole {
namespace {

struct AdminOptionsDeleter
{
    void operator()(rd_kafka_AdminOptions_t* p) const { rd_kafka_AdminOptions_destroy(p); }
};
struct EventDeleter
{
    void operator()(rd_kafka_event_t* p) const { rd_kafka_event_destroy(p); }
};
using AdminOptionsPtr = std::unique_ptr<rd_kafka_AdminOptions_t, AdminOptionsDeleter>;
using EventPtr = std::unique_ptr<rd_kafka_event_t, EventDeleter>;

AdminOptionsPtr adminOptions(rd_kafka_t* rk, rd_kafka_admin_op_t op, int timeoutMs)
{
    AdminOptionsPtr o(rd_kafka_AdminOptions_new(rk, op));
    char err[256];
    rd_kafka_AdminOptions_set_request_timeout(o.get(), timeoutMs, err, sizeof err);
    return o;
}

} // namespace

struct GroupOffsets::Impl
{
    RdKafkaPtr rk;
    RdQueuePtr queue; ///< admin results
};

std::unique_ptr<GroupOffsets> GroupOffsets::create(const KafkaConfig& config, std::string* error)
{
    KafkaConfig c;
    c.set("client.id", "porthole-groups");
    c.set("log_level", "0"); // answers come back as results; nothing to log
    c.set("socket.nagle.disable", "true");
    c.merge(config);
    // No group.id: this client never becomes a group member, and cannot commit.
    c.remove("group.id");
    c.set("enable.auto.commit", "false");
    RdConfPtr conf = buildConf(c, error);
    if (!conf)
        return nullptr;
    std::unique_ptr<GroupOffsets> g(new GroupOffsets);
    g->d = std::make_unique<Impl>();
    g->d->rk = newHandle(RD_KAFKA_CONSUMER, std::move(conf), error);
    if (!g->d->rk)
        return nullptr;
    g->d->queue.reset(rd_kafka_queue_new(g->d->rk.get()));
    return g;
}

GroupOffsets::~GroupOffsets() = default;

GroupListing GroupOffsets::list(const std::string& prefix, int timeoutMs)
{
    GroupListing out;
    rd_kafka_t* rk = d->rk.get();
    auto options = adminOptions(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPS, timeoutMs);
    rd_kafka_ListConsumerGroups(rk, options.get(), d->queue.get());
    EventPtr ev(rd_kafka_queue_poll(d->queue.get(), timeoutMs + 1000));
    if (!ev) {
        out.unavailable = "the broker did not answer ListGroups within " +
                          std::to_string(timeoutMs / 1000) + " s";
        return out;
    }
    if (rd_kafka_event_error(ev.get())) {
        out.unavailable = rd_kafka_event_error_string(ev.get());
        return out;
    }
    const auto* result = rd_kafka_event_ListConsumerGroups_result(ev.get());
    size_t errorCount = 0;
    const rd_kafka_error_t** errors =
        rd_kafka_ListConsumerGroups_result_errors(result, &errorCount);
    size_t count = 0;
    const rd_kafka_ConsumerGroupListing_t** groups =
        rd_kafka_ListConsumerGroups_result_valid(result, &count);
    for (size_t i = 0; i < count; ++i) {
        const std::string id = rd_kafka_ConsumerGroupListing_group_id(groups[i]);
        if (id.rfind(prefix, 0) == 0)
            out.groups.push_back(id);
    }
    std::sort(out.groups.begin(), out.groups.end());
    if (count == 0 && errorCount > 0) {
        // librdkafka's mock cluster (the sandbox) has no ListGroups: "Required feature not
        // supported by broker".
        const rd_kafka_error_t* e = errors[0];
        out.unavailable =
            rd_kafka_error_code(e) == RD_KAFKA_RESP_ERR__UNSUPPORTED_FEATURE
                ? "the broker cannot list consumer groups (it does not support "
                  "ListGroups; name them with --group)"
                : std::string("listing consumer groups failed: ") + rd_kafka_error_string(e);
    }
    return out;
}

std::optional<std::map<int32_t, int64_t>>
GroupOffsets::committed(const std::string& group, const std::string& topic,
                        const std::vector<int32_t>& partitions, std::string* error, int timeoutMs)
{
    rd_kafka_t* rk = d->rk.get();
    RdPartitionsPtr list(rd_kafka_topic_partition_list_new(int(partitions.size())));
    for (int32_t p : partitions)
        rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p);
    rd_kafka_ListConsumerGroupOffsets_t* request =
        rd_kafka_ListConsumerGroupOffsets_new(group.c_str(), list.get());
    auto options = adminOptions(rk, RD_KAFKA_ADMIN_OP_LISTCONSUMERGROUPOFFSETS, timeoutMs);
    // librdkafka 2.0.2 takes exactly one group per call.
    rd_kafka_ListConsumerGroupOffsets(rk, &request, 1, options.get(), d->queue.get());
    rd_kafka_ListConsumerGroupOffsets_destroy(request);
    EventPtr ev(rd_kafka_queue_poll(d->queue.get(), timeoutMs + 1000));
    if (!ev) {
        *error = "no answer to OffsetFetch for group " + group;
        return std::nullopt;
    }
    if (rd_kafka_event_error(ev.get())) {
        *error = std::string("cannot read the offsets of group ") + group + ": " +
                 rd_kafka_event_error_string(ev.get());
        return std::nullopt;
    }
    size_t n = 0;
    const rd_kafka_group_result_t** results = rd_kafka_ListConsumerGroupOffsets_result_groups(
        rd_kafka_event_ListConsumerGroupOffsets_result(ev.get()), &n);
    if (n != 1) {
        *error = "OffsetFetch for group " + group + " answered no group";
        return std::nullopt;
    }
    if (const rd_kafka_error_t* e = rd_kafka_group_result_error(results[0])) {
        *error = "cannot read the offsets of group " + group + ": " + rd_kafka_error_string(e);
        return std::nullopt;
    }
    std::map<int32_t, int64_t> out;
    for (int32_t p : partitions)
        out[p] = -1;
    if (const rd_kafka_topic_partition_list_t* got = rd_kafka_group_result_partitions(results[0]))
        for (int i = 0; i < got->cnt; ++i)
            if (topic == got->elems[i].topic && !got->elems[i].err)
                out[got->elems[i].partition] = got->elems[i].offset < 0 ? -1 : got->elems[i].offset;
    return out;
}

std::optional<std::vector<int32_t>> GroupOffsets::partitions(const std::string& topic,
                                                             std::string* error, int timeoutMs)
{
    RdTopicPtr t(rd_kafka_topic_new(d->rk.get(), topic.c_str(), nullptr));
    const rd_kafka_metadata_t* raw = nullptr;
    const rd_kafka_resp_err_t err = rd_kafka_metadata(d->rk.get(), 0, t.get(), &raw, timeoutMs);
    RdMetadataPtr md(raw);
    if (err || !md || md->topic_cnt != 1) {
        *error = "cannot read the partitions of " + topic + ": " + rd_kafka_err2str(err);
        return std::nullopt;
    }
    if (md->topics[0].err) {
        *error = topic + ": " + rd_kafka_err2str(md->topics[0].err);
        return std::nullopt;
    }
    std::vector<int32_t> out;
    for (int i = 0; i < md->topics[0].partition_cnt; ++i)
        out.push_back(md->topics[0].partitions[i].id);
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<std::map<int32_t, std::pair<int64_t, int64_t>>>
GroupOffsets::watermarks(const std::string& topic, const std::vector<int32_t>& partitions,
                         std::string* error, int timeoutMs)
{
    std::map<int32_t, std::pair<int64_t, int64_t>> out;
    // Two ListOffsets requests for all partitions ("times" -2 and -1 mean the log's two ends).
    for (const int64_t which : {int64_t(-2), int64_t(-1)}) {
        RdPartitionsPtr list(rd_kafka_topic_partition_list_new(int(partitions.size())));
        for (int32_t p : partitions)
            rd_kafka_topic_partition_list_add(list.get(), topic.c_str(), p)->offset = which;
        if (const rd_kafka_resp_err_t err =
                rd_kafka_offsets_for_times(d->rk.get(), list.get(), timeoutMs)) {
            *error = "cannot read the offsets of " + topic + ": " + rd_kafka_err2str(err);
            return std::nullopt;
        }
        for (int i = 0; i < list->cnt; ++i) {
            const auto& tp = list->elems[i];
            if (tp.err) {
                *error = "partition " + std::to_string(tp.partition) + " of " + topic + ": " +
                         rd_kafka_err2str(tp.err);
                return std::nullopt;
            }
            (which == -2 ? out[tp.partition].first : out[tp.partition].second) = tp.offset;
        }
    }
    return out;
}

std::optional<int64_t> GroupOffsets::timestampAt(const std::string& topic, int32_t partition,
                                                 int64_t offset, int timeoutMs)
{
    // The simple consumer API reads one partition from an offset with no group at all.
    RdTopicPtr t(rd_kafka_topic_new(d->rk.get(), topic.c_str(), nullptr));
    if (rd_kafka_consume_start(t.get(), partition, offset) == -1)
        return std::nullopt;
    std::optional<int64_t> ts;
    RdMessagePtr m(rd_kafka_consume(t.get(), partition, timeoutMs));
    if (m && !m->err)
        ts = rd_kafka_message_timestamp(m.get(), nullptr);
    m.reset();
    rd_kafka_consume_stop(t.get(), partition);
    if (ts && *ts < 0)
        ts.reset();
    return ts;
}

std::optional<std::vector<GroupPosition>>
GroupOffsets::positions(const std::string& group, const std::string& topic,
                        const std::vector<int32_t>& partitions, int64_t nowMs, std::string* error)
{
    const auto committedOffsets = committed(group, topic, partitions, error);
    if (!committedOffsets)
        return std::nullopt;
    const auto marks = watermarks(topic, partitions, error);
    if (!marks)
        return std::nullopt;
    std::vector<GroupPosition> out;
    for (int32_t p : partitions) {
        GroupPosition g;
        g.group = group;
        g.partition = p;
        g.committed = committedOffsets->at(p);
        const auto [first, end] = marks->at(p);
        g.end = end;
        if (g.committed >= 0) {
            g.lag = std::max<int64_t>(0, end - g.committed);
            // The oldest message still waiting: at the committed offset, or the log's first
            // when retention already dropped that one.
            const int64_t waiting = std::max(g.committed, first);
            if (waiting < end)
                if (const auto ts = timestampAt(topic, p, waiting))
                    g.oldestWaitingS = double(std::max<int64_t>(0, nowMs - *ts)) / 1000.0;
        }
        out.push_back(g);
    }
    return out;
}

} // namespace porthole
