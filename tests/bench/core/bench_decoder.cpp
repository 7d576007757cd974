// SPDX-License-Identifier: GPL-3.0-or-later
// MessageDecoder throughput: the watcher classifies every message it reads, so this is the
// per-message cost of the runs view and `porthole-cli watch`. Prints numbers; never fails on
// speed (label bench).
#include "core/jsonparser.h"
#include "core/messagedecoder.h"

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

using namespace porthole;

namespace {

// A workflow-node message as Port sends it (port-reference.md §4), with a payload of mixed
// ASCII, non-ASCII text, escapes and numbers.
std::string workflowNodeMessage(int i)
{
    std::string items;
    for (int k = 0; k < 12; ++k) {
        if (k)
            items += ',';
        items += R"({"name":"servi\u00e7o-)" + std::to_string(k) +
                 R"(","owner":"Zoë Ångström","replicas":)" + std::to_string(k * 3 + i % 7) +
                 R"(,"cpu":0.25e1,"tags":["a","b\n",true,null]})";
    }
    return R"({"headers":{"X-Port-Signature":"v1,abcdefghijklmnop","X-Port-Timestamp":1713277889},)"
           R"("payload":{"service":"payments-api","note":"déploiement — 部署","items":[)" +
           items +
           R"(]},"context":{"workflowRunId":"wfr_4hT9xQ2mLp0aZ7Kd","runId":"wfnr_8Jk2Lm4Np6Qr8St0"}})";
}

template <typename F> double bestSeconds(int runs, F&& f)
{
    double best = 1e9;
    for (int r = 0; r < runs; ++r) {
        const auto s = std::chrono::steady_clock::now();
        f();
        const std::chrono::duration<double> d = std::chrono::steady_clock::now() - s;
        best = std::min(best, d.count());
    }
    return best;
}

} // namespace

int main()
{
    constexpr int kMessages = 20000;
    std::vector<KafkaRecord> records(kMessages);
    size_t bytes = 0;
    for (int i = 0; i < kMessages; ++i) {
        records[size_t(i)].topic = "org.runs";
        records[size_t(i)].value = workflowNodeMessage(i);
        bytes += records[size_t(i)].value->size();
    }
    std::printf("== MessageDecoder: %d messages of %zu bytes\n", kMessages, bytes / kMessages);
    size_t sink = 0;
    const double classify = bestSeconds(5, [&] {
        for (const KafkaRecord& r : records)
            sink += size_t(MessageDecoder::decode(r).kind);
    });
    std::string compact;
    const double withCompact = bestSeconds(5, [&] {
        for (const KafkaRecord& r : records)
            sink += size_t(MessageDecoder::decode(r, &compact).kind) + compact.size();
    });
    const double lines = bestSeconds(5, [&] {
        for (const KafkaRecord& r : records)
            sink += MessageDecoder::toJsonLine(r).size();
    });
    // For comparison: core's document parser (tree, positions, worded errors) on the same values.
    const double tree = bestSeconds(5, [&] {
        for (const KafkaRecord& r : records)
            sink += JsonParser::parse(*r.value).ok();
    });
    const auto report = [&](const char* what, double s) {
        std::printf("%-28s %8.0f messages/s %8.1f MB/s\n", what, kMessages / s,
                    double(bytes) / s / 1e6);
    };
    report("decode (classify, ids)", classify);
    report("decode + compact value", withCompact);
    report("toJsonLine (watch output)", lines);
    report("JsonParser::parse (tree)", tree);
    return sink == 0 ? 1 : 0;
}
