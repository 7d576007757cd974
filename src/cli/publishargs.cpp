// SPDX-License-Identifier: GPL-3.0-or-later
#include "publishargs.h"

#include "command.h"
#include "kafkaargs.h"

#include "core/headertext.h"

namespace porthole::cli {

std::variant<int, PublishOptions> parsePublishArgs(const QStringList& args)
{
    const QString cmd = QStringLiteral("publish");
    QCommandLineParser parser;
    const KafkaConnectionOptions kafka(QStringLiteral("A librdkafka property, passed verbatim "
                                                      "(default message.timeout.ms=30000)."));
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("Template context (default: {})."),
                                     QStringLiteral("CTX.json"));
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
    const QCommandLineOption repeat(
        QStringLiteral("repeat"),
        QStringLiteral("Send the rendered messages N times; with N > 1 each time with fresh run "
                       "ids (wfr_/wfnr_/r_), as Port makes a new run each time it publishes."),
        QStringLiteral("N"), QStringLiteral("1"));
    const QCommandLineOption sameIds(
        QStringLiteral("same-ids"),
        QStringLiteral("With --repeat: keep the run ids of the context (or the lines) in every "
                       "message instead of fresh ones."));
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
    const QCommandLineOption replay(
        QStringLiteral("replay"),
        QStringLiteral("Publish the messages recorded in FILE.jsonl (lines of porthole-cli "
                       "watch) again with their own keys, headers and exact value bytes, to "
                       "--topic/--org or else each line's topic; no NODE.json."),
        QStringLiteral("FILE.jsonl"));
    const QCommandLineOption sign(
        QStringLiteral("sign"),
        QStringLiteral("Sign every message like Port (headers.X-Port-Signature and "
                       "X-Port-Timestamp, as Port's execution agent verifies them) with the "
                       "client secret from PORT_CLIENT_SECRET or --client-secret."));
    const QCommandLineOption clientSecret(
        QStringLiteral("client-secret"),
        QStringLiteral("The Port client secret to sign with (default: $PORT_CLIENT_SECRET)."),
        QStringLiteral("S"));
    parser.addOptions({context, kafka.bootstrap, kafka.profile, org, topic, key, header, repeat,
                       sameIds, rate, strict, envelope, arrayMode, rawOpt, replay, sign,
                       clientSecret, kafka.property});
    if (auto done = parseArgs(parser, args, cmd,
                              QStringLiteral("Render a KAFKA node and publish its messages with "
                                             "an idempotent producer. One JSON line per delivery "
                                             "report, then {\"delivered\":N,\"failed\":M}; exit 0 "
                                             "only if every message was delivered."),
                              QStringLiteral("NODE.json")))
        return *done;
    PublishOptions out;
    if (parser.isSet(replay)) {
        if (!parser.positionalArguments().isEmpty())
            return fail(cmd, QStringLiteral("--replay takes no NODE.json"), UsageError);
        for (const QCommandLineOption* o : {&key, &header, &rawOpt, &sign, &context, &envelope})
            if (parser.isSet(*o))
                return fail(cmd,
                            QStringLiteral("--replay sends each message as recorded: "
                                           "--%1 cannot be used with it")
                                .arg(o->names().first()),
                            UsageError);
        out.replayFile = parser.value(replay);
    } else if (parser.positionalArguments().size() != 1) {
        return fail(cmd, QStringLiteral("expected exactly one NODE.json"), UsageError);
    }
    if (parser.isSet(org) && parser.isSet(topic))
        return fail(cmd, QStringLiteral("give --org or --topic, not both"), UsageError);
    bool ok = false;
    out.times = parser.value(repeat).toLongLong(&ok);
    if (!ok || out.times < 1)
        return fail(cmd, QStringLiteral("--repeat must be a positive number"), UsageError);
    out.sameIds = parser.isSet(sameIds);
    if (parser.isSet(rate)) {
        out.perSecond = parser.value(rate).toDouble(&ok);
        if (!ok || out.perSecond <= 0)
            return fail(cmd, QStringLiteral("--rate must be a positive number"), UsageError);
    }
    if (parser.isSet(key))
        out.proto.key = parser.value(key).toStdString();
    for (const QString& h : parser.values(header)) {
        QString why;
        auto parsed = HeaderText::parse(h, &why);
        if (!parsed)
            return fail(cmd, QStringLiteral("--header %1").arg(why), UsageError);
        out.proto.headers.push_back(std::move(*parsed));
    }

    auto conn = kafka.resolve(parser, cmd, {"message.timeout.ms=30000"});
    if (!conn)
        return UsageError;
    out.connection = std::move(*conn);
    const std::string orgId =
        parser.isSet(org) ? parser.value(org).toStdString() : out.connection.org;
    out.replayToLineTopic = !out.replayFile.isEmpty() && !parser.isSet(topic) && orgId.empty();
    if (!parser.isSet(topic) && orgId.empty() && !out.replayToLineTopic)
        return fail(cmd, QStringLiteral("give --org ORG or --topic TOPIC"), UsageError);
    if (!out.replayToLineTopic)
        out.proto.topic = parser.isSet(topic) ? parser.value(topic).toStdString() : orgId + ".runs";

    const QString mode = parser.value(arrayMode);
    if (mode != QStringLiteral("split") && mode != QStringLiteral("single"))
        return fail(cmd, QStringLiteral("--array-mode must be split or single, not '%1'").arg(mode),
                    UsageError);
    out.render.strict = parser.isSet(strict);
    out.render.arrayMode = mode == QStringLiteral("single") ? RenderOptions::ArrayMode::Single
                                                            : RenderOptions::ArrayMode::Split;
    out.render.orgId = orgId;
    out.nodeFile = out.replayFile.isEmpty() ? parser.positionalArguments().first() : QString();
    out.contextFile = parser.value(context);
    out.envelopeFile = parser.value(envelope);
    out.raw = parser.isSet(rawOpt);
    if (parser.isSet(clientSecret) && !parser.isSet(sign))
        return fail(cmd, QStringLiteral("--client-secret is only used with --sign"), UsageError);
    if (parser.isSet(sign)) {
        const QString secret = parser.isSet(clientSecret)
                                   ? parser.value(clientSecret)
                                   : qEnvironmentVariable("PORT_CLIENT_SECRET");
        if (secret.isEmpty())
            return fail(cmd,
                        QStringLiteral("--sign needs the client secret: set PORT_CLIENT_SECRET "
                                       "or give --client-secret"),
                        UsageError);
        out.signingSecret = secret.toStdString();
    }
    return out;
}

} // namespace porthole::cli
