// porthole-cli template [--context CTX.json] [--strict] TEMPLATE.json
#include "command.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/templaterenderer.h"

#include <cstdio>

namespace porthole::cli {
namespace {

// One readable line: messages from jq or the document may span several.
QString oneLine(const std::string& s)
{
    QString q = QString::fromStdString(s);
    q.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
    return q;
}

int runTemplate(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("The context the templates see (default {})."),
                                     QStringLiteral("CTX.json"));
    const QCommandLineOption strict(QStringLiteral("strict"),
                                    QStringLiteral("Fail on jq errors (Port's throwOnError) "
                                                   "instead of rendering null."));
    const QCommandLineOption timeout(QStringLiteral("timeout-ms"),
                                     QStringLiteral("Per-expression time limit (default 5000)."),
                                     QStringLiteral("MS"), QStringLiteral("5000"));
    const QCommandLineOption inProcess(
        QStringLiteral("in-process"),
        QStringLiteral("Run jq inside this process (faster, no time or memory limit)."));
    const QCommandLineOption noSpread(
        QStringLiteral("no-spread"),
        QStringLiteral("Treat {{ spreadValue() }} keys like npm 0.0.12 (as a jq expression)."));
    parser.addOptions({context, strict, timeout, inProcess, noSpread});
    if (auto done = parseArgs(parser, args, QStringLiteral("template"),
                              QStringLiteral("Render any JSON document with Port's template rules "
                                             "and print it as compact JSON (JSON.stringify)."),
                              QStringLiteral("TEMPLATE.json")))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral("template"),
                    QStringLiteral("expected exactly one TEMPLATE.json"), UsageError);
    bool okTimeout = false;
    const int timeoutMs = parser.value(timeout).toInt(&okTimeout);
    if (!okTimeout || timeoutMs <= 0)
        return fail(QStringLiteral("template"),
                    QStringLiteral("--timeout-ms must be a positive number"), UsageError);

    JsonValue document;
    JsonValue ctx = JsonValue::object();
    if (const int rc = loadJson(files[0], &document))
        return rc;
    if (parser.isSet(context))
        if (const int rc = loadJson(parser.value(context), &ctx))
            return rc;

    TemplateSettings settings;
    settings.strict = parser.isSet(strict);
    settings.spreadValue = !parser.isSet(noSpread);
    settings.limits.timeoutMs = timeoutMs;
    settings.limits.isolation = parser.isSet(inProcess) ? Isolation::InProcess : Isolation::Fork;
    const RenderOutcome r = TemplateRenderer::render(document, ctx, settings);
    if (qEnvironmentVariableIsSet("PORTHOLE_TEMPLATE_STATS")) {
        const auto st = JqEngine::shared().stats();
        std::fprintf(stderr, "compiles=%llu combined=%llu forks=%llu expressions=%zu\n",
                     (unsigned long long)st.compiles, (unsigned long long)st.combinedCompiles,
                     (unsigned long long)st.forks, st.cachedExpressions);
    }
    if (!r.ok)
        return fail(files[0], oneLine(r.error), InputError);
    if (!r.value.isUndefined())
        writeOut(JsWriter::stringify(r.value) + "\n");
    return Ok;
}

const RegisterCommand reg({"template", "Render a JSON document with Port's template rules.",
                           runTemplate});

} // namespace
} // namespace porthole::cli
