// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnoseargs.h"

#include "apiargs.h"
#include "command.h"
#include "kafkaargs.h"

#include <QDateTime>
#include <QRegularExpression>

#include <algorithm>

namespace porthole::cli {

std::optional<int64_t> parseSince(const QString& text, int64_t nowMs)
{
    if (text.startsWith(QLatin1Char('@'))) {
        bool ok = false;
        const qint64 ms = text.mid(1).toLongLong(&ok);
        return ok && ms >= 0 ? std::optional<int64_t>(ms) : std::nullopt;
    }
    static const QRegularExpression ago(QStringLiteral("\\A(\\d{1,9})([smhd])\\z"));
    if (const auto m = ago.match(text); m.hasMatch()) {
        const qint64 n = m.captured(1).toLongLong();
        const char unit = m.captured(2).at(0).toLatin1();
        const qint64 seconds = unit == 's'   ? n
                               : unit == 'm' ? n * 60
                               : unit == 'h' ? n * 3600
                                             : n * 86400;
        return std::max<int64_t>(0, nowMs - seconds * 1000);
    }
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return std::nullopt;
    if (t.timeSpec() == Qt::LocalTime) // no zone given: UTC, as Port and Kafka write times
        t.setTimeSpec(Qt::UTC);
    return t.toMSecsSinceEpoch();
}

std::variant<int, DiagnoseArgs> parseDiagnoseArgs(const QStringList& args, int64_t nowMs)
{
    const QString cmd = QStringLiteral("diagnose");
    QCommandLineParser parser;
    const KafkaConnectionOptions kafka(QStringLiteral("A librdkafka property, passed verbatim."));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation id: look in ORG.runs."),
                                 QStringLiteral("ORG"));
    const QCommandLineOption group(QStringLiteral("group"),
                                   QStringLiteral("A consumer group whose committed offsets to "
                                                  "read (repeatable; default: every ORG.* group "
                                                  "where the broker can list them). Never "
                                                  "joined, never committed to."),
                                   QStringLiteral("G"));
    const ApiOptions apiOptions; // --api, --client-id, --client-secret, --token
    const QCommandLineOption since(
        QStringLiteral("since"),
        QStringLiteral("Look from this time: ISO 8601 (UTC unless given), @EPOCH_MS, or a "
                       "duration ago (90s, 15m, 2h, 3d). Default: the run's creation time from "
                       "the API, else the start of the log."),
        QStringLiteral("TIME"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("text (default) or json."),
                                    QStringLiteral("FORMAT"), QStringLiteral("text"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QStringLiteral("Seconds to wait for the broker and for each API answer (default 10)."),
        QStringLiteral("S"), QStringLiteral("10"));
    parser.addOptions({kafka.bootstrap, kafka.profile, org, group});
    parser.addOptions(apiOptions.all());
    parser.addOptions({since, format, timeout, kafka.property});
    if (auto done = parseArgs(
            parser, args, cmd,
            QStringLiteral("Why is this run stuck? Finds the run's message(s) in ORG.runs, the "
                           "consumer groups' committed offsets on their partitions and Port's "
                           "record, and prints a verdict: completed, failed, in-progress, "
                           "consumed-not-reported, not-consumed, no-consumer or not-published. "
                           "Exit 0 for completed, 1 for any other verdict, 3 when the broker or "
                           "the API cannot be reached."),
            QStringLiteral("RUN_ID")))
        return *done;
    const auto usage = [&cmd](const QString& why) { return fail(cmd, why, UsageError); };
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usage(positional.isEmpty()
                         ? QStringLiteral("give the run id (wfr_…, wfnr_… or r_…)")
                         : QStringLiteral("unexpected argument '%1'").arg(positional.at(1)));
    DiagnoseArgs out;
    out.run = RunId::parse(positional.first().toStdString());
    if (out.run.isNull())
        return usage(QStringLiteral("'%1' is not a run id: expected wfr_…, wfnr_… or r_… "
                                    "followed by letters and digits")
                         .arg(positional.first()));
    const QString fmt = parser.value(format);
    if (fmt != QLatin1String("text") && fmt != QLatin1String("json"))
        return usage(QStringLiteral("--format must be text or json"));
    out.json = fmt == QLatin1String("json");
    bool ok = false;
    const double seconds = parser.value(timeout).toDouble(&ok);
    if (!ok || seconds <= 0 || seconds > 3600)
        return usage(QStringLiteral("--timeout must be a number of seconds"));
    out.timeoutMs = int(seconds * 1000);
    if (parser.isSet(since)) {
        out.sinceMs = parseSince(parser.value(since), nowMs);
        if (!out.sinceMs)
            return usage(QStringLiteral("--since '%1': expected an ISO 8601 time, @EPOCH_MS or "
                                        "a duration such as 15m")
                             .arg(parser.value(since)));
    }

    auto conn = kafka.resolve(parser, cmd);
    if (!conn)
        return UsageError;
    out.config = conn->config;
    out.org = parser.isSet(org) ? parser.value(org).toStdString() : conn->org;
    if (out.org.empty())
        return usage(QStringLiteral("give --org ORG"));
    out.topic = out.org + ".runs";
    for (const QString& g : parser.values(group)) {
        if (g.isEmpty())
            return usage(QStringLiteral("--group needs a group id"));
        out.groups.push_back(g.toStdString());
    }

    auto api = apiOptions.read(parser);
    if (const QString* error = std::get_if<QString>(&api))
        return usage(*error);
    if (PortClientConfig* c = std::get_if<PortClientConfig>(&api)) {
        c->timeoutMs = out.timeoutMs;
        c->maxAttempts = 2; // a diagnosis waits for one retry of a 429/5xx, not for a queue
        c->maxRetryWaitMs = 5000;
        out.api = *c;
    }
    return out;
}

} // namespace porthole::cli
