// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderargs.h"

#include "apiargs.h"
#include "command.h"
#include "jqargs.h"

#include "core/runid.h"

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
    const QCommandLineOption workflow(
        QStringLiteral("workflow"),
        QStringLiteral("Render a KAFKA node of this Port workflow (with --node, instead of "
                       "NODE.json) against its chained context: what the nodes before it give."),
        QStringLiteral("FILE.json"));
    const QCommandLineOption node(QStringLiteral("node"),
                                  QStringLiteral("With --workflow: the node to render."),
                                  QStringLiteral("ID"));
    const QCommandLineOption inputs(
        QStringLiteral("inputs"),
        QStringLiteral("With --workflow: the trigger's inputs (.outputs.trigger); default: made "
                       "from its userInputs (default, first enum value, an example)."),
        QStringLiteral("INPUTS.json"));
    const QCommandLineOption mock(
        QStringLiteral("mock"),
        QStringLiteral("With --workflow: node NODE's output is FILE's JSON instead of its "
                       "type's default (repeatable)."),
        QStringLiteral("NODE=FILE.json"));
    const QCommandLineOption branch(
        QStringLiteral("branch"),
        QStringLiteral("With --workflow: CONDITION/INPUT node NODE takes this outlet (or "
                       "fallback) instead of the evaluated one (repeatable)."),
        QStringLiteral("NODE=OUTLET"));
    const QCommandLineOption printContext(
        QStringLiteral("print-context"),
        QStringLiteral("With --workflow: print the node's chained context instead of rendering."));
    const QCommandLineOption run(
        QStringLiteral("run"),
        QStringLiteral("With --workflow and --api: the context comes from this real run (Port's "
                       "or the sandbox's): GET /v1/workflows/runs/{wfr} gives variables.outputs, "
                       "what that run's nodes produced (--inputs and --mock still win)."),
        QStringLiteral("wfr_…"));
    const ApiOptions apiOptions;
    const JqRunOptions jq;
    parser.addOptions({context, strict, payloadOnly, envelope, arrayMode, org, jq.timeout,
                       jq.inProcess, workflow, node, inputs, mock, branch, printContext, run});
    parser.addOptions(apiOptions.all());
    if (auto done = parseArgs(parser, args, QStringLiteral("render"),
                              QStringLiteral("Validate a KAFKA node, render config.payload with "
                                             "Port's rules and print the Kafka message values "
                                             "Port would publish, one JSON per line."),
                              QStringLiteral("NODE.json")))
        return *done;
    const QStringList files = parser.positionalArguments();
    const bool wf = parser.isSet(workflow);
    if (wf && (!files.isEmpty() || !parser.isSet(node)))
        return fail(QStringLiteral("render"),
                    QStringLiteral("--workflow FILE.json needs --node ID and no NODE.json"),
                    UsageError);
    for (const auto* o : {&node, &inputs, &mock, &branch, &printContext, &run, &apiOptions.api,
                          &apiOptions.clientId, &apiOptions.clientSecret, &apiOptions.token})
        if (!wf && parser.isSet(*o))
            return fail(QStringLiteral("render"),
                        QStringLiteral("--%1 needs --workflow").arg(o->names().constFirst()),
                        UsageError);
    RenderArgs::Workflow w;
    for (const auto& [option, list] : {std::pair{&mock, &w.mocks}, std::pair{&branch, &w.branches}})
        for (const QString& v : parser.values(*option)) {
            const qsizetype eq = v.indexOf(QLatin1Char('='));
            if (eq <= 0 || eq + 1 == v.size())
                return fail(QStringLiteral("render"),
                            QStringLiteral("--%1 must be NODE=%2, not '%3'")
                                .arg(option->names().constFirst(),
                                     option == &mock ? QStringLiteral("FILE.json")
                                                     : QStringLiteral("OUTLET"),
                                     v),
                            UsageError);
            list->emplace_back(v.left(eq), v.mid(eq + 1));
        }
    if (files.size() != 1 && !wf)
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
    if (wf) {
        w.file = parser.value(workflow);
        w.node = parser.value(node);
        if (parser.isSet(inputs))
            w.inputsFile = parser.value(inputs);
        w.printContext = parser.isSet(printContext);
        const auto api = apiOptions.read(parser);
        if (const QString* e = std::get_if<QString>(&api))
            return fail(QStringLiteral("render"), *e, UsageError);
        if (const auto* c = std::get_if<PortClientConfig>(&api))
            w.api = *c;
        if (parser.isSet(run)) {
            const QString id = parser.value(run);
            if (!RunId::isPortForm(id.toStdString(), RunId::Kind::WorkflowRun))
                return fail(QStringLiteral("render"),
                            QStringLiteral("--run must be a workflow run id (wfr_ + 16 letters "
                                           "or digits), not '%1'")
                                .arg(id),
                            UsageError);
            if (!w.api)
                return fail(QStringLiteral("render"),
                            QStringLiteral("--run needs --api URL (and its credentials)"),
                            UsageError);
            w.runId = id;
        } else if (w.api) {
            return fail(QStringLiteral("render"), QStringLiteral("--api goes with --run"),
                        UsageError);
        }
        out.workflow = std::move(w);
    } else {
        out.nodeFile = files[0];
    }
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
