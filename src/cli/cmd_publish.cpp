// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli publish (NODE.json [--context CTX.json] | --raw FILE | --replay FILE.jsonl)
//     (--bootstrap HOST:PORT | --profile NAME)
//     [--org ORG | --topic TOPIC] [--key KEY] [--header K=V]... [--repeat N [--same-ids]]
//     [--rate MSG_PER_S]
//     [--sign [--client-secret S]] [-X librdkafka.property=value]...
#include "command.h"
#include "publishargs.h"

#include "core/diagnosticformat.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/messagedecoder.h"
#include "core/watchlineparser.h"
#include "kafka/kafkaerrors.h"
#include "kafka/kafkaproducer.h"
#include "kafka/publishsession.h"

#include "template/noderenderer.h"

#include <charconv>
#include <cstdio>

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
template <typename Int> void appendInt(std::string& out, Int v)
{
    char digits[24];
    out.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
}

// One delivery report line; `session` names the run the message carries (fresh with
// --repeat): its node run, else its action run, else its workflow run; none for a replay.
void appendReport(std::string& out, const DeliveryReport& r, const std::string& quotedTopic,
                  const PublishSession& session)
{
    char latency[32]; // to_chars: printf's float formatting was 2% of a publish's CPU
    const auto end =
        std::to_chars(latency, latency + sizeof latency, r.latencyMs, std::chars_format::fixed, 3)
            .ptr;
    out += "{\"topic\":";
    out += quotedTopic;
    out += ",\"partition\":";
    appendInt(out, r.partition);
    out += ",\"offset\":";
    appendInt(out, r.offset);
    out += ",\"latencyMs\":";
    out.append(latency, end);
    if (!r.delivered()) {
        out += ",\"error\":";
        out += JsWriter::quote(r.error);
    }
    out += ",\"index\":";
    appendInt(out, r.index);
    const size_t before = out.size();
    out += ",\"runId\":\"";
    if (session.appendReportRunId(r.index, &out))
        out += '"';
    else
        out.resize(before);
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

// --replay: every line of a recording (watch's output) becomes the message it was, sent to
// `topic` (or the line's own topic when empty). A bad line stops everything before sending.
std::optional<std::vector<KafkaRecord>> replayMessages(const QString& file,
                                                       const std::string& topic, int* code)
{
    QString why;
    const auto text = readFile(file, &why);
    if (!text) {
        *code = fail(file, why, InputError);
        return std::nullopt;
    }
    std::vector<KafkaRecord> out;
    size_t start = 0;
    for (int lineNo = 1; start < text->size(); ++lineNo) {
        size_t end = text->find('\n', start);
        if (end == std::string::npos)
            end = text->size();
        std::string_view line(text->data() + start, end - start);
        start = end + 1;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        if (line.find_first_not_of(" \t") == std::string_view::npos)
            continue;
        KafkaRecord r;
        std::string error;
        if (!WatchLineParser::parse(line, &r, &error)) {
            *code = fail(QStringLiteral("%1:%2").arg(file).arg(lineNo),
                         QString::fromStdString(error), InputError);
            return std::nullopt;
        }
        if (!topic.empty())
            r.topic = topic;
        if (r.topic.empty()) {
            *code =
                fail(QStringLiteral("%1:%2").arg(file).arg(lineNo),
                     QStringLiteral("the line names no topic: give --topic or --org"), InputError);
            return std::nullopt;
        }
        out.push_back(std::move(r));
    }
    return out;
}

int runPublish(const QStringList& args)
{
    const QString cmd = QStringLiteral("publish");
    auto parsed = parsePublishArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    PublishOptions& opts = std::get<PublishOptions>(parsed);
    int code = Ok;
    PublishPlan plan;
    if (!opts.replayFile.isEmpty()) {
        auto messages = replayMessages(opts.replayFile, opts.proto.topic, &code);
        if (!messages)
            return code;
        plan.messages = std::move(*messages);
    } else {
        auto values = messagesFor(opts.nodeFile, opts.contextFile, opts.envelopeFile, opts.raw,
                                  opts.render, &code);
        if (!values)
            return code;
        plan.values = std::move(*values);
    }
    plan.config = opts.connection.config;
    plan.proto = opts.proto;
    plan.times = opts.times;
    plan.sameRunIds = opts.sameIds;
    plan.perSecond = opts.perSecond;
    plan.signingSecret = opts.signingSecret;
    PublishSession session(std::move(plan));
    std::string error;
    if (!session.prepare(&error))
        return fail(opts.replayFile.isEmpty() ? opts.nodeFile : opts.replayFile,
                    QString::fromStdString(error), InputError);

    const std::string quotedTopic = JsWriter::quote(opts.proto.topic);
    std::string out;
    const auto drain = [&] {
        if (!out.empty()) {
            writeOut(out);
            std::fflush(stdout);
            out.clear();
        }
    };
    const PublishSummary s = session.run(
        [&](const DeliveryReport& r) {
            appendReport(out, r,
                         r.topic == opts.proto.topic ? quotedTopic : JsWriter::quote(r.topic),
                         session);
            if (out.size() > 65536)
                drain();
        },
        drain, nullptr,
        [&cmd](const std::string& text) { fail(cmd, QString::fromStdString(text), 0); });
    if (!session.setupError().empty())
        return fail(cmd, QString::fromStdString(session.setupError()), UsageError);
    drain();
    writeOut("{\"delivered\":" + std::to_string(s.delivered) +
             ",\"failed\":" + std::to_string(s.failed) + "}\n");
    std::fflush(stdout);
    if (!s.fatal.empty()) // the line without librdkafka's internals (they were logged above)
        return fail(cmd, QString::fromStdString(KafkaErrors::readable(s.fatal)), ServiceError);
    if (s.failed > 0 || s.delivered != s.total)
        return fail(cmd,
                    QStringLiteral("%1 of %2 message(s) not delivered: %3")
                        .arg(s.total - s.delivered)
                        .arg(s.total)
                        .arg(QString::fromStdString(KafkaErrors::explain(
                            s.firstFailure.errorCode, s.firstFailure.error, s.firstFailure.topic))),
                    ServiceError);
    return Ok;
}

const RegisterCommand reg({"publish", "Render a node and publish its messages to Kafka.",
                           runPublish});

} // namespace
} // namespace porthole::cli
