// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaproducer.h"

#include "kafkaerrors.h"
#include "rdkafkaptr.h"

#include <map>

namespace porthole {

struct KafkaProducer::Impl
{
    RdKafkaPtr rk;
    // Topic handles, made once per topic: producev(RD_KAFKA_V_TOPIC) takes librdkafka's
    // topic lock and a reference for every message.
    std::map<std::string, RdTopicPtr, std::less<>> topics;
    const std::string* lastName = nullptr;
    rd_kafka_topic_t* last = nullptr;
    rd_kafka_topic_t* topic(const std::string& name)
    {
        if (lastName && *lastName == name)
            return last;
        auto it = topics.find(name);
        if (it == topics.end()) {
            RdTopicPtr handle(rd_kafka_topic_new(rk.get(), name.c_str(), nullptr));
            if (!handle)
                return nullptr;
            it = topics.emplace(name, std::move(handle)).first;
        }
        lastName = &it->first;
        last = it->second.get();
        return last;
    }
};

// librdkafka calls these from poll()/flush() on the thread that owns the producer.
struct ProducerCallbacks
{
    static void delivered(rd_kafka_t*, const rd_kafka_message_t* m, void* opaque)
    {
        auto* self = static_cast<KafkaProducer*>(opaque);
        DeliveryReport& r = self->m_delivery;
        r.index = uint64_t(reinterpret_cast<uintptr_t>(m->_private));
        if (m->rkt != self->m_deliveryTopic) {
            r.topic = rd_kafka_topic_name(m->rkt);
            self->m_deliveryTopic = m->rkt;
        }
        r.partition = m->partition;
        r.offset = m->err ? -1 : m->offset;
        // librdkafka times each message from produce() on: no clock reads of our own (two per
        // message were 3% of a publish's CPU).
        const int64_t us = rd_kafka_message_latency(m);
        r.latencyMs = us >= 0 ? double(us) / 1000.0 : 0;
        r.error.clear();
        r.errorCode = m->err;
        if (m->err)
            r.error = rd_kafka_err2str(m->err);
        self->report(r);
    }
    static void error(rd_kafka_t* rk, int err, const char* reason, void* opaque)
    {
        auto* self = static_cast<KafkaProducer*>(opaque);
        std::string text = reason;
        if (err == RD_KAFKA_RESP_ERR__FATAL) {
            char buf[512];
            rd_kafka_fatal_error(rk, buf, sizeof buf);
            text = std::string("fatal: ") + buf;
        }
        self->noteError(err, text);
        if (self->m_onError)
            self->m_onError(text);
    }
};

std::unique_ptr<KafkaProducer> KafkaProducer::create(const KafkaConfig& config,
                                                     ReportHandler onReport, LogHandler onError,
                                                     std::string* error)
{
    KafkaConfig c;
    c.set("enable.idempotence", "true");
    c.set("log_level", "0"); // errors come through the error callback; -X log_level=7 for debug
    c.merge(config);
    RdConfPtr conf = buildConf(c, error);
    if (!conf)
        return nullptr;
    std::unique_ptr<KafkaProducer> p(new KafkaProducer);
    p->d = std::make_unique<Impl>();
    p->m_onReport = std::move(onReport);
    p->m_onError = std::move(onError);
    rd_kafka_conf_set_opaque(conf.get(), p.get());
    rd_kafka_conf_set_dr_msg_cb(conf.get(), &ProducerCallbacks::delivered);
    rd_kafka_conf_set_error_cb(conf.get(), &ProducerCallbacks::error);
    p->d->rk = newHandle(RD_KAFKA_PRODUCER, std::move(conf), error);
    if (!p->d->rk)
        return nullptr;
    return p;
}

KafkaProducer::~KafkaProducer()
{
    if (d && d->rk && outstanding() > 0)
        finish(0);
    if (d)
        d->topics.clear(); // topic handles go before the handle that owns them
}

void KafkaProducer::noteError(int code, const std::string& text)
{
    if (auto fatal = KafkaErrors::fatalConnectionError(code, text); fatal && m_fatal.empty())
        m_fatal = *fatal;
    if (m_everDelivered)
        return; // a broker that worked and went away may come back: librdkafka keeps trying
    if ((code == RD_KAFKA_RESP_ERR__TRANSPORT &&
         text.find("Connection refused") != std::string::npos) ||
        code == RD_KAFKA_RESP_ERR__RESOLVE) // a name that does not resolve will not either
        m_refused = text;
    if (code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN && !m_allDownSince)
        m_allDownSince = std::chrono::steady_clock::now();
}

void KafkaProducer::checkAllRefused()
{
    // What the connection test calls "connection refused": every broker is down and they
    // refuse connections. librdkafka would retry until message.timeout.ms and then say only
    // "Message timed out"; a short grace lets a broker that is just starting come up.
    if (!m_fatal.empty() || m_everDelivered || !m_allDownSince || m_refused.empty())
        return;
    if (std::chrono::steady_clock::now() - *m_allDownSince <
        std::chrono::milliseconds(kRefusedGraceMs))
        return;
    // librdkafka's own words last: KafkaErrors::readable() shortens them for a main line.
    if (m_refused.find("Connection refused") == std::string::npos)
        m_fatal = "no broker answered: " + KafkaErrors::cause(m_refused) + ": " + m_refused;
    else
        m_fatal = "no broker answered (connection refused: is the broker running, is the address "
                  "right?): " +
                  m_refused;
}

void KafkaProducer::report(DeliveryReport& r)
{
    if (r.delivered())
        m_everDelivered = true;
    else if (!m_fatal.empty() && (r.errorCode == RD_KAFKA_RESP_ERR__PURGE_QUEUE ||
                                  r.errorCode == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT))
        r.error = "not delivered: " + m_fatal; // purged because of it: say why

    ++m_reported;
    if (m_onReport)
        m_onReport(r);
}

void KafkaProducer::send(const OutgoingMessage& m)
{
    rd_kafka_headers_t* headers = nullptr;
    if (!m.headers.empty()) {
        headers = rd_kafka_headers_new(m.headers.size());
        for (const auto& [k, v] : m.headers)
            rd_kafka_header_add(headers, k.data(), ssize_t(k.size()), v.data(), ssize_t(v.size()));
    }
    produce(m.topic, m.key ? m.key->data() : nullptr, m.key ? m.key->size() : 0, m.value.data(),
            m.value.size(), headers);
}

void KafkaProducer::send(const KafkaRecord& r)
{
    rd_kafka_headers_t* headers = nullptr;
    if (!r.headers.empty()) {
        headers = rd_kafka_headers_new(r.headers.size());
        // A null header value stays null: librdkafka sends it as such (not as "").
        for (const auto& [k, v] : r.headers)
            rd_kafka_header_add(headers, k.data(), ssize_t(k.size()), v ? v->data() : nullptr,
                                v ? ssize_t(v->size()) : 0);
    }
    produce(r.topic, r.key ? r.key->data() : nullptr, r.key ? r.key->size() : 0,
            r.value ? r.value->data() : nullptr, r.value ? r.value->size() : 0, headers);
}

void KafkaProducer::produce(const std::string& topic, const char* key, size_t keyLen,
                            const char* value, size_t valueLen, rd_kafka_headers_s* headers)
{
    const uint64_t index = m_sent++;
    rd_kafka_topic_t* rkt = d->topic(topic);
    for (;;) {
        // A topic librdkafka refuses (a bad name) fails the message as producev would.
        const rd_kafka_resp_err_t err =
            !rkt ? (rd_kafka_last_error() ? rd_kafka_last_error() : RD_KAFKA_RESP_ERR__INVALID_ARG)
                 : rd_kafka_producev(d->rk.get(), RD_KAFKA_V_RKT(rkt),
                                     RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
                                     RD_KAFKA_V_VALUE(const_cast<char*>(value), valueLen),
                                     RD_KAFKA_V_KEY(key, keyLen), RD_KAFKA_V_HEADERS(headers),
                                     RD_KAFKA_V_OPAQUE(reinterpret_cast<void*>(uintptr_t(index))),
                                     RD_KAFKA_V_END);
        if (err == RD_KAFKA_RESP_ERR_NO_ERROR)
            return; // librdkafka owns the headers now
        if (err == RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            rd_kafka_poll(d->rk.get(), 10);
            continue;
        }
        if (headers)
            rd_kafka_headers_destroy(headers);
        DeliveryReport r;
        r.index = index;
        r.topic = topic;
        r.error = rd_kafka_err2str(err);
        r.errorCode = err;
        report(r);
        return;
    }
}

void KafkaProducer::poll(int timeoutMs)
{
    rd_kafka_poll(d->rk.get(), timeoutMs);
    checkAllRefused();
}

void KafkaProducer::finish(int timeoutMs)
{
    // Flushed in slices so that a fatal connection error ends the wait at once.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeoutMs);
    while (outstanding() > 0 && m_fatal.empty() && std::chrono::steady_clock::now() < deadline) {
        rd_kafka_flush(d->rk.get(), 100);
        checkAllRefused();
    }
    if (outstanding() == 0)
        return;
    // Whatever is still queued or in flight is purged: each purged message gets a delivery
    // report with a purge error, so nothing disappears without a line.
    rd_kafka_purge(d->rk.get(), RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    for (int i = 0; i < 100 && outstanding() > 0; ++i)
        rd_kafka_poll(d->rk.get(), 50);
}

} // namespace porthole
