#include "renderargs.h"

#include "command.h"
#include "jqargs.h"

namespace porthole::cli {

std::variant<int, RenderArgs> parseRenderArgs(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("The context the templates see (default {})."),
                                     QStringLiteral("CTX.json"));
    const QCommandLineOption strict(QStringLiteral("strict"),
                                    QStringLiteral("Fail on jq errors (Port's throwOnError)."));
    const QCommandLineOption payloadOnly(QStringLiteral("payload-only"),
                                         QStringLiteral("Print the rendered payload alone."));
    const QCommandLineOption envelope(
        QStringLiteral("envelope"),
        QStringLiteral(
            "Envelope template wrapping each payload. Port does not document its "
            "wrapper; the default is a GUESS: {\"context\": {\"runId\": <node run id>, "
            "\"workflowRunId\", \"nodeIdentifier\", \"orgId\"}, \"payload\": <payload>}. "
            "It sees .payload, .context, .node.identifier, .node.title and .orgId."),
        QStringLiteral("FILE.json"));
    const QCommandLineOption arrayMode(
        QStringLiteral("array-mode"),
        QStringLiteral("An array payload becomes one message per element (split, default; "
                       "undocumented by Port) or one message (single)."),
        QStringLiteral("split|single"), QStringLiteral("split"));
    const QCommandLineOption org(QStringLiteral("org"),
                                 QStringLiteral("Organisation id shown to the envelope as .orgId."),
                                 QStringLiteral("ORG"));
    const JqRunOptions jq;
    parser.addOptions(
        {context, strict, payloadOnly, envelope, arrayMode, org, jq.timeout, jq.inProcess});
    if (auto done = parseArgs(parser, args, QStringLiteral("render"),
                              QStringLiteral("Validate a KAFKA node, render config.payload with "
                                             "Port's rules and print the Kafka message values "
                                             "Port would publish, one JSON per line."),
                              QStringLiteral("NODE.json")))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral("render"), QStringLiteral("expected exactly one NODE.json"),
                    UsageError);
    const QString mode = parser.value(arrayMode);
    if (mode != QStringLiteral("split") && mode != QStringLiteral("single"))
        return fail(QStringLiteral("render"),
                    QStringLiteral("--array-mode must be split or single, not '%1'").arg(mode),
                    UsageError);
    const auto limits = jq.read(parser, QStringLiteral("render"));
    if (!limits)
        return UsageError;

    RenderArgs out;
    out.nodeFile = files[0];
    if (parser.isSet(context))
        out.contextFile = parser.value(context);
    if (parser.isSet(envelope))
        out.envelopeFile = parser.value(envelope);
    RenderOptions& options = out.options;
    options.strict = parser.isSet(strict);
    options.arrayMode = mode == QStringLiteral("single") ? RenderOptions::ArrayMode::Single
                                                         : RenderOptions::ArrayMode::Split;
    options.timeoutMs = limits->timeoutMs;
    options.isolation = limits->isolation;
    options.orgId = parser.value(org).toStdString();
    out.payloadOnly = parser.isSet(payloadOnly);
    return out;
}

} // namespace porthole::cli
