// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkaconfig.h"
#include "kafkaproducer.h"

#include "core/freshrunids.h"
#include "core/messagedecoder.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// What to publish: the values, where to, how often, and whether to sign them like Port.
struct PublishPlan
{
    KafkaConfig config;              ///< connection (bootstrap.servers, security, -X)
    OutgoingMessage proto;           ///< topic, key and record headers of every message
    std::vector<std::string> values; ///< message values, sent in order
    /// Replay: recorded messages sent again exactly (own topic, key, headers, value, nulls
    /// included); when not empty, `proto` and `values` are not used and signing is refused.
    std::vector<KafkaRecord> messages;
    long long times = 1; ///< the values are sent this many times
    /// With times > 1 every round carries fresh run ids (FreshRunIds), as Port makes a new run
    /// each time it publishes; true keeps the values' own ids in every round. Replayed
    /// messages always keep theirs.
    bool sameRunIds = false;
    double perSecond = 0; ///< at most this many messages per second; 0 = no limit
    /// When set, every value is signed like Port (headers.X-Port-Signature/-Timestamp) with
    /// this client secret at the second it is sent; values that cannot be signed stop prepare().
    std::optional<std::string> signingSecret;
};

/// How a publish ended.
struct PublishSummary
{
    uint64_t total = 0; ///< values × times
    uint64_t sent = 0;  ///< handed to the producer
    uint64_t delivered = 0;
    uint64_t failed = 0; ///< reported failed, including the never-sent ones
    bool cancelled = false;
    std::string fatal;           ///< a connection that cannot work (credentials, TLS)
    DeliveryReport firstFailure; ///< the first failed report (error empty when none)
};

// The one publish loop behind `porthole-cli publish` and the app's Publish tab: gives each
// repeat fresh run ids, signs (each message at the second it is sent), paces, repeats, honours
// cancellation and makes sure every message gets exactly one delivery report, the never-sent ones
// too. Used from one thread; the report handler runs in that thread.
class PublishSession
{
public:
    using ReportHandler = std::function<void(const DeliveryReport&)>;

    explicit PublishSession(PublishPlan plan);
    ~PublishSession();

    /// Checks the plan and prepares signing; false with `error` naming the first value that
    /// cannot be signed ("message 3: not a JSON object …").
    bool prepare(std::string* error);
    /// Publishes everything; `onReport` gets one report per message, `onIdle` is called while
    /// waiting (to print or show progress), `cancel` stops sending (what is queued is purged
    /// and reported failed). Calls prepare() first when it was not called.
    PublishSummary run(const ReportHandler& onReport, const std::function<void()>& onIdle = {},
                       const std::atomic<bool>* cancel = nullptr,
                       const std::function<void(const std::string&)>& onLog = {});
    /// The error that kept run() from creating the producer (empty otherwise).
    const std::string& setupError() const { return m_setupError; }
    /// True when each round gets fresh run ids (times > 1, not sameRunIds, not a replay).
    bool freshRunIds() const;
    /// True when the plan replays recorded messages (unsignedValueAt() is not for them).
    bool isReplay() const { return !m_plan.messages.empty(); }
    /// How many messages run() sends: values × times.
    uint64_t total() const;
    /// Message `n` (0 ≤ n < total()) as sent, run ids included, before signing: what a sandbox
    /// registers before the message is sent.
    std::string unsignedValueAt(uint64_t n) const;
    /// Message `n` as sent at `timestamp` (signed when signing).
    std::string valueAt(uint64_t n, int64_t timestamp) const;
    /// The `kind` run id message `n` carries, as MessageDecoder::findIds reads it from
    /// unsignedValueAt(n), without building the message (a call per delivery report); null
    /// when it names none, and for a replay.
    RunId runIdAt(uint64_t n, RunId::Kind kind) const;
    /// Appends the text of the first of message `n`'s node run, action run and workflow run
    /// ids (runIdAt's) to `out`; false, appending nothing, when it names none. What a delivery
    /// report names, built in place (a RunId per report was a heap allocation per message).
    bool appendReportRunId(uint64_t n, std::string* out) const;

private:
    struct Signing;
    /// A value's run ids, found once (FreshRunIds::find) for every round that repeats it.
    struct ValueIds
    {
        std::vector<FreshRunIds::Spot> spots;
        RunIds ids;              ///< as the value itself carries them
        int firstOfKind[3] = {}; ///< index+1 of each kind's first spot (0: none)
    };
    /// Where message n's `kind` id comes from: the value's own (same ids) or a spot made
    /// fresh for n's round; neither when it names none (or n is out of range, or a replay).
    struct IdAt
    {
        const RunId* same = nullptr;
        const FreshRunIds::Spot* spot = nullptr;
        uint64_t round = 0;
    };
    IdAt idAt(uint64_t n, RunId::Kind kind) const;
    void unsignedValueInto(uint64_t n, std::string* out) const;
    void valueInto(uint64_t n, int64_t timestamp, std::string* out) const;

    PublishPlan m_plan;
    std::vector<ValueIds> m_ids; ///< one per value
    std::unique_ptr<Signing> m_signing;
    FreshRunIds m_freshIds;
    bool m_prepared = false;
    std::string m_setupError;
};

} // namespace porthole
