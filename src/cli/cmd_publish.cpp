// porthole-cli publish NODE.json [--context CTX.json] (--bootstrap HOST:PORT | --profile NAME)
//     [--org ORG | --topic TOPIC] [--key KEY] [--header K=V]... [--repeat N] [--rate MSG_PER_S]
//     [-X librdkafka.property=value]...
#include "command.h"
#include "publishargs.h"

#include "core/diagnosticformat.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "kafka/kafkaerrors.h"
#include "kafka/kafkaproducer.h"

#include "template/noderenderer.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace porthole::cli {
namespace {

// --raw: the file holds ready message values, one per line (blank lines skipped).
std::vector<std::string> splitLines(const std::string& text)
{
    std::vector<std::string> out;
    size_t start = 0;
    while (start < text.size()) {
        size_t end = text.find('\n', start);
        if (end == std::string::npos)
            end = text.size();
        std::string line = text.substr(start, end - start);
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (!line.empty())
            out.push_back(std::move(line));
        start = end + 1;
    }
    return out;
}

// Called once per message: plain appends, no temporaries beyond the numbers.
void appendReport(std::string& out, const DeliveryReport& r, const std::string& quotedTopic)
{
    char latency[32];
    std::snprintf(latency, sizeof latency, "%.3f", r.latencyMs);
    out += "{\"topic\":";
    out += quotedTopic;
    out += ",\"partition\":";
    out += std::to_string(r.partition);
    out += ",\"offset\":";
    out += std::to_string(r.offset);
    out += ",\"latencyMs\":";
    out += latency;
    if (!r.delivered()) {
        out += ",\"error\":";
        out += JsWriter::quote(r.error);
    }
    out += ",\"index\":";
    out += std::to_string(r.index);
    out += "}\n";
}

// Renders NODE.json with Port's rules and the envelope (or takes --raw lines); nullopt after
// printing the reason, with `code` set.
std::optional<std::vector<std::string>> messagesFor(const QString& file, const QString& contextFile,
                                                    const QString& envelopeFile, bool raw,
                                                    RenderOptions options, int* code)
{
    QString why;
    const auto text = readFile(file, &why);
    if (!text) {
        *code = fail(file, why, InputError);
        return std::nullopt;
    }
    if (raw)
        return splitLines(*text);
    JsonValue context = JsonValue::object();
    if (!contextFile.isEmpty())
        if ((*code = loadJson(contextFile, &context)) != Ok)
            return std::nullopt;
    if (!envelopeFile.isEmpty()) {
        JsonValue envelope;
        if ((*code = loadJson(envelopeFile, &envelope)) != Ok)
            return std::nullopt;
        options.envelope = envelope;
    }
    const RenderedNode rendered = renderNode(*text, context, options);
    if (!rendered.ok) {
        Diagnostics errors;
        for (const auto& d : rendered.diagnostics)
            if (d.severity == Severity::Error)
                errors.push_back(d);
        const std::string diags = DiagnosticFormat::text(file.toStdString(), errors);
        std::fwrite(diags.data(), 1, diags.size(), stderr);
        QString reason = QString::fromStdString(rendered.error);
        reason.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        *code = fail(file, reason, InputError);
        return std::nullopt;
    }
    return rendered.messages;
}

int runPublish(const QStringList& args)
{
    const QString cmd = QStringLiteral("publish");
    auto parsed = parsePublishArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    PublishOptions& opts = std::get<PublishOptions>(parsed);
    const OutgoingMessage& proto = opts.proto;
    const KafkaConfig& config = opts.connection.config;
    const long long times = opts.times;
    const double perSecond = opts.perSecond;
    std::string error;
    int code = Ok;
    const auto values = messagesFor(opts.nodeFile, opts.contextFile, opts.envelopeFile, opts.raw,
                                    opts.render, &code);
    if (!values)
        return code;

    // Built once: sending copies nothing per message but what librdkafka keeps.
    std::vector<OutgoingMessage> messages;
    for (const std::string& v : *values) {
        messages.push_back(proto);
        messages.back().value = v;
    }
    const std::string quotedTopic = JsWriter::quote(proto.topic);
    uint64_t delivered = 0, failed = 0;
    DeliveryReport firstFailure;
    std::string out;
    auto producer = KafkaProducer::create(
        config,
        [&](const DeliveryReport& r) {
            (r.delivered() ? delivered : failed)++;
            if (!r.delivered() && firstFailure.error.empty())
                firstFailure = r;
            appendReport(out, r, r.topic == proto.topic ? quotedTopic : JsWriter::quote(r.topic));
        },
        [&cmd](const std::string& text) { fail(cmd, QString::fromStdString(text), 0); }, &error);
    if (!producer)
        return fail(cmd, QString::fromStdString(error), UsageError);

    const auto started = std::chrono::steady_clock::now();
    uint64_t sent = 0;
    const auto drain = [&] {
        if (!out.empty()) {
            writeOut(out);
            std::fflush(stdout);
            out.clear();
        }
    };
    for (long long round = 0; round < times && producer->fatalError().empty(); ++round)
        for (const OutgoingMessage& message : messages) {
            if (!producer->fatalError().empty())
                break; // bad credentials or certificates: sending more cannot help
            if (perSecond > 0) {
                const auto due =
                    started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                  std::chrono::duration<double>(double(sent) / perSecond));
                while (std::chrono::steady_clock::now() < due) {
                    producer->poll(int(
                        std::max<int64_t>(1, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                 due - std::chrono::steady_clock::now())
                                                 .count())));
                    drain();
                }
            }
            producer->send(message);
            ++sent;
            producer->poll(0);
            if (out.size() > 65536)
                drain();
        }
    // Each message gets its report within message.timeout.ms; whatever is left after that is
    // purged and reported failed.
    const int timeout = std::stoi(config.get("message.timeout.ms").value_or("30000"));
    producer->finish(timeout + 5000);
    const std::string fatal = producer->fatalError();
    // Messages never handed to librdkafka (sending stopped on a fatal error) fail too.
    const uint64_t total = uint64_t(times) * messages.size();
    for (uint64_t index = sent; index < total; ++index) {
        DeliveryReport r;
        r.index = index;
        r.topic = proto.topic;
        r.error = "not sent: " + fatal;
        ++failed;
        appendReport(out, r, quotedTopic);
    }
    drain();
    writeOut("{\"delivered\":" + std::to_string(delivered) +
             ",\"failed\":" + std::to_string(failed) + "}\n");
    std::fflush(stdout);
    if (!fatal.empty())
        return fail(cmd, QString::fromStdString(fatal), ServiceError);
    if (failed > 0 || delivered != total)
        return fail(cmd,
                    QStringLiteral("%1 of %2 message(s) not delivered: %3")
                        .arg(total - delivered)
                        .arg(total)
                        .arg(QString::fromStdString(KafkaErrors::explain(
                            firstFailure.errorCode, firstFailure.error, firstFailure.topic))),
                    ServiceError);
    return Ok;
}

const RegisterCommand reg({"publish", "Render a node and publish its messages to Kafka.",
                           runPublish});

} // namespace
} // namespace porthole::cli
