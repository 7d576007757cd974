// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishsession.h"

#include "core/portsignature.h"

#include <chrono>
#include <ctime>

namespace porthole {

struct PublishSession::Signing
{
    std::vector<PortSignature::Prepared> prepared;
};

PublishSession::PublishSession(PublishPlan plan) : m_plan(std::move(plan))
{
    m_ids.reserve(m_plan.values.size());
    for (const std::string& value : m_plan.values) {
        ValueIds v;
        v.spots = FreshRunIds::find(value);
        v.ids = MessageDecoder::findIds(value);
        for (size_t i = v.spots.size(); i-- > 0;)
            v.firstOfKind[int(v.spots[i].kind)] = int(i) + 1;
        m_ids.push_back(std::move(v));
    }
}

PublishSession::~PublishSession() = default;

bool PublishSession::prepare(std::string* error)
{
    m_prepared = true;
    m_signing.reset();
    if (m_plan.signingSecret && !m_plan.messages.empty()) {
        *error = "replayed messages are sent exactly as recorded: they cannot be signed again";
        return false;
    }
    if (!m_plan.signingSecret)
        return true;
    // Each value is checked once; with fresh run ids each message is prepared again when it
    // is sent (ids are letters and digits: a value that signs still signs with other ids).
    auto signing = std::make_unique<Signing>();
    signing->prepared.reserve(m_plan.values.size());
    for (size_t i = 0; i < m_plan.values.size(); ++i) {
        std::string why;
        auto p = PortSignature::prepare(m_plan.values[i], &why);
        if (!p) {
            *error = "message " + std::to_string(i + 1) + " cannot be signed: " + why;
            return false;
        }
        signing->prepared.push_back(std::move(*p));
    }
    m_signing = std::move(signing);
    return true;
}

bool PublishSession::freshRunIds() const
{
    return m_plan.times > 1 && !m_plan.sameRunIds && !isReplay();
}

uint64_t PublishSession::total() const
{
    const size_t count = m_plan.messages.empty() ? m_plan.values.size() : m_plan.messages.size();
    return uint64_t(m_plan.times) * count;
}

std::string PublishSession::unsignedValueAt(uint64_t n) const
{
    std::string out;
    unsignedValueInto(n, &out);
    return out;
}

void PublishSession::unsignedValueInto(uint64_t n, std::string* out) const
{
    const size_t count = m_plan.values.size();
    const size_t index = n % count;
    if (freshRunIds())
        m_freshIds.applyTo(m_plan.values[index], m_ids[index].spots, n / count, out);
    else
        *out = m_plan.values[index]; // assigning keeps out's buffer
}

std::string PublishSession::valueAt(uint64_t n, int64_t timestamp) const
{
    std::string out;
    valueInto(n, timestamp, &out);
    return out;
}

void PublishSession::valueInto(uint64_t n, int64_t timestamp, std::string* out) const
{
    if (!m_signing)
        return unsignedValueInto(n, out);
    const std::string& secret = *m_plan.signingSecret;
    const size_t index = n % m_plan.values.size();
    if (!freshRunIds()) {
        *out = PortSignature::sign(m_signing->prepared[index], timestamp, secret);
        return;
    }
    unsignedValueInto(n, out);
    std::string unused;
    if (const auto prepared = PortSignature::prepare(*out, &unused))
        *out = PortSignature::sign(*prepared, timestamp, secret);
}

PublishSession::IdAt PublishSession::idAt(uint64_t n, RunId::Kind kind) const
{
    IdAt at;
    if (isReplay() || m_plan.values.empty() || n >= total())
        return at;
    const ValueIds& v = m_ids[n % m_plan.values.size()];
    if (!freshRunIds()) {
        if (!v.ids.of(kind).isNull())
            at.same = &v.ids.of(kind);
    } else if (const int first = v.firstOfKind[int(kind)]) {
        // Every id of a fresh round is in Port's form, so findIds takes the kind's first one.
        at.spot = &v.spots[size_t(first - 1)];
        at.round = n / m_plan.values.size();
    }
    return at;
}

RunId PublishSession::runIdAt(uint64_t n, RunId::Kind kind) const
{
    const IdAt at = idAt(n, kind);
    return at.same ? *at.same : at.spot ? m_freshIds.fresh(*at.spot, at.round) : RunId();
}

bool PublishSession::appendReportRunId(uint64_t n, std::string* out) const
{
    for (const auto kind :
         {RunId::Kind::NodeRun, RunId::Kind::ActionRun, RunId::Kind::WorkflowRun}) {
        const IdAt at = idAt(n, kind);
        if (at.same)
            out->append(at.same->text());
        else if (at.spot)
            m_freshIds.appendFresh(*at.spot, at.round, out);
        else
            continue;
        return true;
    }
    return false;
}

PublishSummary PublishSession::run(const ReportHandler& onReport,
                                   const std::function<void()>& onIdle,
                                   const std::atomic<bool>* cancel,
                                   const std::function<void(const std::string&)>& onLog)
{
    using Clock = std::chrono::steady_clock;
    PublishSummary s;
    const bool replay = !m_plan.messages.empty();
    const size_t count = replay ? m_plan.messages.size() : m_plan.values.size();
    s.total = uint64_t(m_plan.times) * count;
    const auto cancelled = [cancel] { return cancel && cancel->load(); };
    const auto idle = [&onIdle] {
        if (onIdle)
            onIdle();
    };
    const auto tally = [&](const DeliveryReport& r) {
        (r.delivered() ? s.delivered : s.failed)++;
        if (!r.delivered() && s.firstFailure.error.empty())
            s.firstFailure = r;
        onReport(r);
    };
    if (!m_prepared && !prepare(&m_setupError))
        return s;
    auto producer = KafkaProducer::create(
        m_plan.config, tally,
        [&onLog](const std::string& text) {
            if (onLog)
                onLog(text);
        },
        &m_setupError);
    if (!producer)
        return s;

    const auto started = Clock::now();
    OutgoingMessage message = m_plan.proto;
    for (long long round = 0; round < m_plan.times; ++round) {
        for (size_t i = 0; i < count; ++i) {
            if (!producer->fatalError().empty() || cancelled())
                break; // bad credentials or certificates: sending more cannot help
            if (m_plan.perSecond > 0) {
                const auto due =
                    started + std::chrono::duration_cast<Clock::duration>(
                                  std::chrono::duration<double>(double(s.sent) / m_plan.perSecond));
                while (Clock::now() < due && !cancelled()) {
                    const auto left =
                        std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now());
                    producer->poll(int(std::max<int64_t>(1, left.count())));
                    idle();
                }
            }
            // Signed at the second it is sent, as Port does.
            if (replay) {
                producer->send(m_plan.messages[i]);
            } else {
                valueInto(uint64_t(round) * count + i, int64_t(std::time(nullptr)), &message.value);
                producer->send(message);
            }
            ++s.sent;
            producer->poll(0);
            if ((s.sent & 255) == 0)
                idle();
        }
    }
    s.cancelled = cancelled();
    // Each message gets its report within message.timeout.ms; whatever is left after that is
    // purged and reported failed. A cancelled run purges at once.
    const int timeout = std::stoi(m_plan.config.get("message.timeout.ms").value_or("30000"));
    producer->finish(s.cancelled ? 0 : timeout + 5000);
    s.fatal = producer->fatalError();
    // Messages never handed to librdkafka (stopped by a fatal error or cancel) fail too.
    for (uint64_t index = s.sent; index < s.total; ++index) {
        DeliveryReport r;
        r.index = index;
        r.topic = replay ? m_plan.messages[index % count].topic : m_plan.proto.topic;
        r.error = "not sent: " + (s.fatal.empty() ? std::string("cancelled") : s.fatal);
        tally(r);
    }
    idle();
    return s;
}

} // namespace porthole
