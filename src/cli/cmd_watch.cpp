// porthole-cli watch (--bootstrap HOST:PORT | --profile NAME) (--org ORG | --topic TOPIC)
//     [--from beginning|end|OFFSET|@EPOCH_MS|-N] [--count N] [--exit-at-end] [--filter JQ]
//     [--verify [--client-secret S]] [-X librdkafka.property=value]...
#include "command.h"
#include "watchargs.h"

#include "core/messagedecoder.h"
#include "kafka/kafkawatcher.h"
#include "template/jqengine.h"

#include "core/jsonparser.h"
#include "core/portsignature.h"

#include <QDateTime>

#include <cmath>

#include <csignal>
#include <cstdio>

namespace porthole::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int sig)
{
    // The first Ctrl+C ends the watch cleanly; a second one kills, for when a --filter that
    // never ends (jq runs in this process) keeps the loop from seeing the first.
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
    // --filter runs jq (the template engine's) on the object that would be printed.
    JqLimits jqLimits;
    jqLimits.isolation = Isolation::InProcess; // the user's own filter, run once per message
    const std::vector<std::string> filterBody = {opts.filter.value_or(std::string())};
    std::string lastFilterError;
    const auto keep = [&](const std::string& line) {
        if (!opts.filter)
            return true;
        const JsonDocument doc = JsonParser::parse(line);
        const JqOutcome r =
            JqEngine::shared().evaluate(filterBody, doc.root->toValue(), jqLimits).front();
        if (r.kind == JqOutcome::Kind::Error && r.error != lastFilterError) {
            lastFilterError = r.error; // reported once per distinct error, message skipped
            fail(cmd, QStringLiteral("--filter: ") + QString::fromStdString(r.error), 0);
        }
        return r.kind == JqOutcome::Kind::Value && !r.value.isNull() &&
               !(r.value.isBool() && !r.value.toBool());
    };

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
        watcher->poll(records, 100, 20000);
        out.clear();
        for (const auto& r : records) {
            if (limit >= 0 && printed >= limit)
                break;
            std::string line = MessageDecoder::toJsonLine(r);
            appendSignatureFields(line, r, opts.verifySecret);
            if (!keep(line))
                continue;
            out += line;
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
