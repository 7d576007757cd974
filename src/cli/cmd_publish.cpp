// porthole-cli publish NODE.json [--context CTX.json] (--bootstrap HOST:PORT | --profile NAME)
//     [--org ORG | --topic TOPIC] [--key KEY] [--header K=V]... [--repeat N] [--rate MSG_PER_S]
//     [-X librdkafka.property=value]...
#include "command.h"

#include "core/diagnosticformat.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "kafka/connectionresolver.h"
#include "kafka/kafkaerrors.h"
#include "kafka/kafkaproducer.h"

#include "template/noderenderer.h"

#include <chrono>
#include <cstdio>
#include <thread>

namespace porthole::cli {
namespace {

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const auto& s : list)
        out.push_back(s.toStdString());
    return out;
}

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
    QCommandLineParser parser;
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Template context (default: {})."),
                                     QStringLiteral("CTX.json"));
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"),
                                       QStringLiteral("Broker list HOST:PORT[,HOST:PORT…]."),
                                       QStringLiteral("HOST:PORT"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("A saved connection profile or a preset "
                                                    "(port-eu, port-us, sandbox)."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation id: publish to ORG.runs."),
                                 QStringLiteral("ORG"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Topic to publish to."),
                                   QStringLiteral("TOPIC"));
    const QCommandLineOption key(QStringLiteral("key"), QStringLiteral("Record key."),
                                 QStringLiteral("KEY"));
    const QCommandLineOption header(QStringLiteral("header"),
                                    QStringLiteral("Record header (repeatable)."),
                                    QStringLiteral("K=V"));
    const QCommandLineOption repeat(QStringLiteral("repeat"),
                                    QStringLiteral("Send the rendered messages N times."),
                                    QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption rate(QStringLiteral("rate"),
                                  QStringLiteral("At most this many messages per second."),
                                  QStringLiteral("MSG_PER_S"));
    const QCommandLineOption strict(QStringLiteral("strict"),
                                    QStringLiteral("Fail on jq errors (Port's throwOnError)."));
    const QCommandLineOption envelope(QStringLiteral("envelope"),
                                      QStringLiteral("Envelope template wrapping each payload "
                                                     "(default: a guess, see render --help)."),
                                      QStringLiteral("FILE.json"));
    const QCommandLineOption arrayMode(QStringLiteral("array-mode"),
                                       QStringLiteral("An array payload: one message per "
                                                      "element (split, default) or one (single)."),
                                       QStringLiteral("split|single"), QStringLiteral("split"));
    const QCommandLineOption rawOpt(QStringLiteral("raw"),
                                    QStringLiteral("NODE.json is not rendered: each of its lines "
                                                   "is a ready message value."));
    const QCommandLineOption property(QStringLiteral("X"),
                                      QStringLiteral("A librdkafka property, passed verbatim "
                                                     "(default message.timeout.ms=30000)."),
                                      QStringLiteral("property=value"));
    parser.addOptions({context, bootstrap, profile, org, topic, key, header, repeat, rate, strict,
                       envelope, arrayMode, rawOpt, property});
    if (auto done = parseArgs(parser, args, cmd,
                              QStringLiteral("Render a KAFKA node and publish its messages with "
                                             "an idempotent producer. One JSON line per delivery "
                                             "report, then {\"delivered\":N,\"failed\":M}; exit 0 "
                                             "only if every message was delivered."),
                              QStringLiteral("NODE.json")))
        return *done;
    if (parser.positionalArguments().size() != 1)
        return fail(cmd, QStringLiteral("expected exactly one NODE.json"), UsageError);
    if (parser.isSet(org) && parser.isSet(topic))
        return fail(cmd, QStringLiteral("give --org or --topic, not both"), UsageError);
    bool ok = false;
    const long long times = parser.value(repeat).toLongLong(&ok);
    if (!ok || times < 1)
        return fail(cmd, QStringLiteral("--repeat must be a positive number"), UsageError);
    double perSecond = 0;
    if (parser.isSet(rate)) {
        perSecond = parser.value(rate).toDouble(&ok);
        if (!ok || perSecond <= 0)
            return fail(cmd, QStringLiteral("--rate must be a positive number"), UsageError);
    }
    OutgoingMessage proto;
    if (parser.isSet(key))
        proto.key = parser.value(key).toStdString();
    for (const QString& h : parser.values(header)) {
        const qsizetype eq = h.indexOf(QLatin1Char('='));
        if (eq <= 0)
            return fail(cmd, QStringLiteral("--header expects K=V, got '%1'").arg(h), UsageError);
        proto.headers.emplace_back(h.left(eq).toStdString(), h.mid(eq + 1).toStdString());
    }

    std::string error;
    std::vector<std::string> props = {"message.timeout.ms=30000"};
    for (auto& p : toStd(parser.values(property)))
        props.push_back(std::move(p));
    auto conn = ConnectionResolver::resolve(parser.value(bootstrap).toStdString(),
                                            parser.value(profile).toStdString(), props, &error);
    if (!conn)
        return fail(cmd, QString::fromStdString(error), UsageError);
    const std::string orgId = parser.isSet(org) ? parser.value(org).toStdString() : conn->org;
    if (!parser.isSet(topic) && orgId.empty())
        return fail(cmd, QStringLiteral("give --org ORG or --topic TOPIC"), UsageError);
    proto.topic = parser.isSet(topic) ? parser.value(topic).toStdString() : orgId + ".runs";

    const QString mode = parser.value(arrayMode);
    if (mode != QStringLiteral("split") && mode != QStringLiteral("single"))
        return fail(cmd, QStringLiteral("--array-mode must be split or single, not '%1'").arg(mode),
                    UsageError);
    RenderOptions render;
    render.strict = parser.isSet(strict);
    render.arrayMode = mode == QStringLiteral("single") ? RenderOptions::ArrayMode::Single
                                                        : RenderOptions::ArrayMode::Split;
    render.orgId = orgId;
    int code = Ok;
    const auto values = messagesFor(parser.positionalArguments().first(), parser.value(context),
                                    parser.value(envelope), parser.isSet(rawOpt), render, &code);
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
        conn->config,
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
    const int timeout = std::stoi(conn->config.get("message.timeout.ms").value_or("30000"));
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
