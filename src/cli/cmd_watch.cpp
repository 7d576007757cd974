// porthole-cli watch (--bootstrap HOST:PORT | --profile NAME) (--org ORG | --topic TOPIC)
//     [--from beginning|end|OFFSET|@EPOCH_MS|-N] [--count N] [--exit-at-end] [--filter JQ]
//     [-X librdkafka.property=value]...
#include "command.h"

#include "kafka/connectionresolver.h"
#include "kafka/kafkawatcher.h"
#include "kafka/messagedecoder.h"
#include "template/jqengine.h"

#include "core/jsonparser.h"

#include <csignal>
#include <cstdio>

namespace porthole::cli {
namespace {

volatile std::sig_atomic_t g_stop = 0;

void onSignal(int)
{
    g_stop = 1;
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

std::vector<std::string> toStd(const QStringList& list)
{
    std::vector<std::string> out;
    for (const auto& s : list)
        out.push_back(s.toStdString());
    return out;
}

int runWatch(const QStringList& args)
{
    const QString cmd = QStringLiteral("watch");
    QCommandLineParser parser;
    const QCommandLineOption bootstrap(QStringLiteral("bootstrap"),
                                       QStringLiteral("Broker list HOST:PORT[,HOST:PORT…]."),
                                       QStringLiteral("HOST:PORT"));
    const QCommandLineOption profile(QStringLiteral("profile"),
                                     QStringLiteral("A saved connection profile or a preset "
                                                    "(port-eu, port-us, sandbox)."),
                                     QStringLiteral("NAME"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation id: watch ORG.runs."),
                                 QStringLiteral("ORG"));
    const QCommandLineOption topic(QStringLiteral("topic"), QStringLiteral("Topic to watch."),
                                   QStringLiteral("TOPIC"));
    const QCommandLineOption from(QStringLiteral("from"),
                                  QStringLiteral("Start: beginning, end (default), OFFSET, "
                                                 "@EPOCH_MS, or -N (last N per partition)."),
                                  QStringLiteral("POS"), QStringLiteral("end"));
    const QCommandLineOption partition(QStringLiteral("partition"),
                                       QStringLiteral("Watch only this partition."),
                                       QStringLiteral("P"));
    const QCommandLineOption count(QStringLiteral("count"),
                                   QStringLiteral("Stop after N messages."), QStringLiteral("N"));
    const QCommandLineOption exitAtEnd(QStringLiteral("exit-at-end"),
                                       QStringLiteral("Stop when every partition is read to "
                                                      "its end."));
    const QCommandLineOption filter(QStringLiteral("filter"),
                                    QStringLiteral("Only messages for which this jq filter "
                                                   "yields true (input: the printed object)."),
                                    QStringLiteral("JQ"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   QStringLiteral("Group id to use (must start with ORG.); it "
                                                  "is never joined or committed to."),
                                   QStringLiteral("ID"));
    const QCommandLineOption property(QStringLiteral("X"),
                                      QStringLiteral("A librdkafka property, passed verbatim."),
                                      QStringLiteral("property=value"));
    parser.addOptions({bootstrap, profile, org, topic, from, partition, count, exitAtEnd, filter,
                       group, property});
    if (auto done = parseArgs(parser, args, cmd,
                              QStringLiteral("Print the messages of a topic as JSON lines, "
                                             "read-only: never commits offsets, never joins a "
                                             "consumer group. Status goes to stderr."),
                              QString()))
        return *done;
    if (!parser.positionalArguments().isEmpty())
        return fail(
            cmd,
            QStringLiteral("unexpected argument '%1'").arg(parser.positionalArguments().first()),
            UsageError);
    // --filter runs jq (the template engine's) on the object that would be printed.
    JqLimits jqLimits;
    jqLimits.isolation = Isolation::InProcess; // the user's own filter, run once per message
    const std::vector<std::string> filterBody = {parser.value(filter).toStdString()};
    if (parser.isSet(filter)) {
        const JqOutcome probe =
            JqEngine::shared().evaluate(filterBody, JsonValue::object(), jqLimits).front();
        if (probe.compileError)
            return fail(cmd, QStringLiteral("--filter: ") + QString::fromStdString(probe.error),
                        UsageError);
    }
    std::string lastFilterError;
    const auto keep = [&](const std::string& line) {
        if (!parser.isSet(filter))
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
    auto conn = ConnectionResolver::resolve(parser.value(bootstrap).toStdString(),
                                            parser.value(profile).toStdString(),
                                            toStd(parser.values(property)), &error);
    if (!conn)
        return fail(cmd, QString::fromStdString(error), UsageError);

    WatchOptions options;
    options.config = conn->config;
    if (parser.isSet(org) && parser.isSet(topic))
        return fail(cmd, QStringLiteral("give --org or --topic, not both"), UsageError);
    // With --topic the watcher derives the organisation (for the group prefix) from its name.
    options.org = parser.isSet(org)     ? parser.value(org).toStdString()
                  : parser.isSet(topic) ? std::string()
                                        : conn->org;
    if (!parser.isSet(topic) && options.org.empty())
        return fail(cmd, QStringLiteral("give --org ORG or --topic TOPIC"), UsageError);
    options.topic = parser.isSet(topic) ? parser.value(topic).toStdString() : options.org + ".runs";
    auto start = StartPosition::parse(parser.value(from).toStdString(), &error);
    if (!start)
        return fail(cmd, QStringLiteral("--from: ") + QString::fromStdString(error), UsageError);
    options.from = *start;
    if (parser.isSet(partition)) {
        bool ok = false;
        options.partition = parser.value(partition).toInt(&ok);
        if (!ok || *options.partition < 0)
            return fail(cmd, QStringLiteral("--partition must be a partition number"), UsageError);
    }
    long long limit = -1;
    if (parser.isSet(count)) {
        bool ok = false;
        limit = parser.value(count).toLongLong(&ok);
        if (!ok || limit < 0)
            return fail(cmd, QStringLiteral("--count must be a number"), UsageError);
    }
    options.groupId = parser.value(group).toStdString();

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
        if (parser.isSet(exitAtEnd) && watcher->atEnd())
            break;
    }
    return Ok;
}

const RegisterCommand reg({"watch", "Print a topic's messages, read-only (never commits).",
                           runWatch});

} // namespace
} // namespace porthole::cli
