// SPDX-License-Identifier: GPL-3.0-or-later
#include "syntheticsource.h"

#include <chrono>
#include <cstdio>

namespace porthole::bench {

namespace {

// 16 id characters from n (stable, distinct per n).
std::string idChars(qint64 n, char salt)
{
    static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    std::string s(16, 'A');
    uint64_t v = uint64_t(n) * 2654435761u + uint64_t(salt);
    for (int i = 15; i >= 0; --i) {
        s[size_t(i)] = alphabet[v % 62];
        v /= 62;
    }
    return s;
}

} // namespace

SyntheticSource::SyntheticSource(qint64 count, double perSecond, QObject* parent)
    : QObject(parent), m_count(count), m_perSecond(perSecond)
{
    qRegisterMetaType<porthole::MessageBatch>();
}

SyntheticSource::~SyntheticSource()
{
    stop();
}

QString SyntheticSource::nodeRunId(qint64 n)
{
    return QString::fromStdString("wfnr_" + idChars(n, 'n'));
}

WatchedMessage SyntheticSource::make(qint64 n)
{
    auto r = std::make_shared<KafkaRecord>();
    r->topic = "bench.runs";
    r->partition = int32_t(n % 3);
    r->offset = n / 3;
    r->timestamp = 1764000000000 + n;
    r->key = "wfr_" + idChars(n, 'w');
    // ~200 bytes, shaped like the envelope Port publishes around a node's payload.
    char buf[320];
    const int len = std::snprintf(
        buf, sizeof buf,
        R"({"context":{"runId":"wfnr_%s","workflowRunId":"wfr_%s","nodeIdentifier":"deploy",)"
        R"("orgId":"org_bench"},"payload":{"service":"svc-%lld","version":"1.%lld.0",)"
        R"("env":"%s"}})",
        idChars(n, 'n').c_str(), idChars(n, 'w').c_str(), n % 97, n % 13,
        n % 2 ? "production" : "staging");
    r->value = std::string(buf, size_t(len));
    WatchedMessage m;
    m.info = MessageDecoder::decode(*r);
    m.record = std::move(r);
    return m;
}

void SyntheticSource::start()
{
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void SyntheticSource::stop()
{
    m_stop = true;
    m_inFlight.release(8); // unblock a waiting producer
    if (m_thread.joinable())
        m_thread.join();
}

void SyntheticSource::run()
{
    using Clock = std::chrono::steady_clock;
    const auto begin = Clock::now();
    qint64 made = 0;
    while (!m_stop && (m_count < 0 || made < m_count)) {
        qint64 want;
        if (m_perSecond > 0) {
            // Paced like the watcher's worker: a batch at most every 50 ms.
            std::this_thread::sleep_for(std::chrono::milliseconds(WatchWorker::kBatchIntervalMs));
            const double s = std::chrono::duration<double>(Clock::now() - begin).count();
            want = qint64(s * m_perSecond) - made;
        } else {
            m_inFlight.acquire();
            want = 5000;
        }
        if (m_count >= 0)
            want = std::min(want, m_count - made);
        if (want <= 0 || m_stop)
            continue;
        auto batch = std::make_shared<std::vector<WatchedMessage>>();
        batch->reserve(size_t(want));
        for (qint64 i = 0; i < want; ++i)
            batch->push_back(make(made + i));
        made += want;
        Q_EMIT messagesReceived(batch);
    }
}

} // namespace porthole::bench
