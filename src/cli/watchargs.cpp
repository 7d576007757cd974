// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchargs.h"

#include "command.h"
#include "kafkaargs.h"
#include "template/boundedjqfilter.h"

namespace porthole::cli {

std::variant<int, WatchArgs> parseWatchArgs(const QStringList& args)
{
    const QString cmd = QStringLiteral("watch");
    QCommandLineParser parser;
    const KafkaConnectionOptions kafka(QStringLiteral("A librdkafka property, passed verbatim."));
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
    const QCommandLineOption filterTimeout(
        QStringLiteral("filter-timeout"),
        QStringLiteral("The most milliseconds --filter may take on one message (default 1000); "
                       "a message that takes longer is skipped with a warning."),
        QStringLiteral("MS"), QStringLiteral("1000"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   QStringLiteral("Group id to use (must start with ORG.); it "
                                                  "is never joined or committed to."),
                                   QStringLiteral("ID"));
    const QCommandLineOption verify(
        QStringLiteral("verify"),
        QStringLiteral("Check each message's Port signature like Port's execution agent: adds "
                       "\"signature\":\"valid|invalid|missing\" and \"signatureAgeS\" (secret "
                       "from PORT_CLIENT_SECRET or --client-secret)."));
    const QCommandLineOption clientSecret(
        QStringLiteral("client-secret"),
        QStringLiteral("The Port client secret to verify with (default: $PORT_CLIENT_SECRET)."),
        QStringLiteral("S"));
    parser.addOptions({kafka.bootstrap, kafka.profile, org, topic, from, partition, count,
                       exitAtEnd, filter, filterTimeout, group, verify, clientSecret,
                       kafka.property});
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
    WatchArgs out;
    if (parser.isSet(filter)) {
        // Compiled only (never run here): each message then runs in the bounded worker.
        out.filter = parser.value(filter).toStdString();
        std::string error;
        int line = -1;
        int column = -1;
        if (!BoundedJqFilter::compile(*out.filter, {}, &error, &line, &column))
            return fail(cmd,
                        QStringLiteral("--filter: ") +
                            (column > 0
                                 ? QStringLiteral("line %1, column %2: ").arg(line).arg(column)
                                 : QString()) +
                            QString::fromStdString(error),
                        UsageError);
    }
    {
        bool ok = false;
        out.filterTimeoutMs = parser.value(filterTimeout).toInt(&ok);
        if (!ok || out.filterTimeoutMs <= 0)
            return fail(cmd, QStringLiteral("--filter-timeout must be a number of milliseconds"),
                        UsageError);
    }

    auto conn = kafka.resolve(parser, cmd);
    if (!conn)
        return UsageError;
    WatchOptions& options = out.options;
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
    std::string error;
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
    if (parser.isSet(count)) {
        bool ok = false;
        out.limit = parser.value(count).toLongLong(&ok);
        if (!ok || out.limit < 0)
            return fail(cmd, QStringLiteral("--count must be a number"), UsageError);
    }
    options.groupId = parser.value(group).toStdString();
    out.exitAtEnd = parser.isSet(exitAtEnd);
    if (parser.isSet(clientSecret) && !parser.isSet(verify))
        return fail(cmd, QStringLiteral("--client-secret is only used with --verify"), UsageError);
    if (parser.isSet(verify)) {
        const QString secret = parser.isSet(clientSecret)
                                   ? parser.value(clientSecret)
                                   : qEnvironmentVariable("PORT_CLIENT_SECRET");
        if (secret.isEmpty())
            return fail(cmd,
                        QStringLiteral("--verify needs the client secret: set PORT_CLIENT_SECRET "
                                       "or give --client-secret"),
                        UsageError);
        out.verifySecret = secret.toStdString();
    }
    return out;
}

} // namespace porthole::cli
