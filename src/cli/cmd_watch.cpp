// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli watch (--bootstrap HOST:PORT | --profile NAME) (--org ORG | --topic TOPIC)
//     [--from beginning|end|OFFSET|@EPOCH_MS|-N] [--count N] [--exit-at-end] [--filter JQ]
//     [--filter-timeout MS]
//     [--verify [--client-secret S]] [-X librdkafka.property=value]...
#include "command.h"
#include "watchargs.h"

#include "core/messagedecoder.h"
#include "kafka/kafkawatcher.h"
#include "template/boundedjqfilter.h"

#include "core/portsignature.h"

#include <QDateTime>

#include <cmath>

#include <csignal>
#include <cstdio>

namespace porthole::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;
constexpr size_t kBatch = 1000;

void onSignal(int sig)
{
    // The first Ctrl+C ends the watch cleanly; a second one kills, should anything keep the
    // loop from seeing the first.
    g_stop = 1;
    ::signal(sig, SIG_DFL);
}

// --verify adds the signature's verdict and age; a message for Port's agent says so always.
void appendSignatureFields(std::string& line, const KafkaRecord& r,
                           const std::optional<std::string>& secret)
{
    if (!r.value || line.empty() || line.back() != '}')
        return;
    std::string extra;
    if (secret) {
        const double now = double(QDateTime::currentMSecsSinceEpoch()) / 1000.0;
        const PortSignature::Check c = PortSignature::verify(*r.value, *secret, now);
        extra += ",\"signature\":\"";
        extra += PortSignature::statusName(c.status);
        extra += '"';
        if (c.ageS) {
            char age[32];
            std::snprintf(age, sizeof age, "%.3f", *c.ageS);
            extra += ",\"signatureAgeS\":";
            extra += std::isfinite(*c.ageS) ? age : "null";
        }
    }
    if (PortSignature::addressedToAgent(*r.value))
        extra += ",\"forAgent\":true";
    line.insert(line.size() - 1, extra);
}

const char* statusName(WatchStatus s)
{
    switch (s) {
    case WatchStatus::Connected:
        return "connected";
    case WatchStatus::BrokerDown:
        return "broker down";
    case WatchStatus::Recovered:
        return "recovered";
    case WatchStatus::OffsetsReset:
        return "offsets reset";
    case WatchStatus::Warning:
        break;
    }
    return "warning";
}

int runWatch(const QStringList& args)
{
    const QString cmd = QStringLiteral("watch");
    auto parsed = parseWatchArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const WatchArgs& opts = std::get<WatchArgs>(parsed);
    const WatchOptions& options = opts.options;
    const long long limit = opts.limit;
    // --filter runs in a bounded worker (BoundedJqFilter) on the objects that would be printed:
    // a message on which it runs away is skipped with a warning, and the watch goes on.
    std::unique_ptr<BoundedJqFilter> filter;
    if (opts.filter) {
        std::string error;
        BoundedJqFilter::Limits limits;
        limits.timeoutMs = opts.filterTimeoutMs;
        filter = BoundedJqFilter::compile(*opts.filter, limits, &error);
        if (!filter)
            return fail(cmd, QStringLiteral("--filter: ") + QString::fromStdString(error),
                        UsageError);
    }
    std::string lastFilterError;

    std::string error;
    auto watcher = KafkaWatcher::create(
        options,
        [&cmd](WatchStatus s, const std::string& text) {
            fail(cmd,
                 QString::fromLatin1(statusName(s)) + QStringLiteral(": ") +
                     QString::fromStdString(text),
                 0);
        },
        &error);
    if (!watcher)
        return fail(cmd, QString::fromStdString(error), UsageError);
    if (!watcher->start(&error))
        return fail(cmd, QString::fromStdString(error), ServiceError);

    struct sigaction sa = {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(SIGINT, &sa, nullptr);
    ::sigaction(SIGTERM, &sa, nullptr);

    long long printed = 0;
    std::vector<KafkaRecord> records;
    std::string out;
    while (!g_stop && (limit < 0 || printed < limit)) {
        records.clear();
        // Small batches: each record is held three times (record, line, output) until written,
        // and 20,000 at a time made the peak RSS and its page faults most of watch's cost.
        watcher->poll(records, 100, kBatch);
        out.clear();
        std::vector<std::string> lines;
        lines.reserve(records.size());
        for (const auto& r : records) {
            lines.push_back(MessageDecoder::toJsonLine(r));
            appendSignatureFields(lines.back(), r, opts.verifySecret);
        }
        std::vector<BoundedJqFilter::Result> verdicts;
        if (filter && !lines.empty())
            verdicts = filter->evaluate(lines);
        for (size_t i = 0; i < lines.size(); ++i) {
            if (limit >= 0 && printed >= limit)
                break;
            if (filter) {
                const BoundedJqFilter::Result& v = verdicts[i];
                if (v.verdict == JqVerdict::TimedOut) {
                    // Always said: which message was skipped matters.
                    fail(cmd,
                         QStringLiteral("--filter: skipped partition %1 offset %2: %3")
                             .arg(records[i].partition)
                             .arg(records[i].offset)
                             .arg(QString::fromStdString(v.error)),
                         0);
                    continue;
                }
                if (v.verdict == JqVerdict::Error && v.error != lastFilterError) {
                    lastFilterError = v.error; // reported once per distinct error
                    fail(cmd, QStringLiteral("--filter: ") + QString::fromStdString(v.error), 0);
                }
                if (v.verdict != JqVerdict::Passed)
                    continue;
            }
            out += lines[i];
            out += '\n';
            ++printed;
        }
        if (!out.empty()) {
            writeOut(out);
            std::fflush(stdout);
        }
        if (!watcher->fatalError().empty())
            return fail(cmd, QString::fromStdString(watcher->fatalError()), ServiceError);
        if (opts.exitAtEnd && watcher->atEnd())
            break;
    }
    return Ok;
}

const RegisterCommand reg({"watch", "Print a topic's messages, read-only (never commits).",
                           runWatch});

} // namespace
} // namespace porthole::cli
