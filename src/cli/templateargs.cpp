// SPDX-License-Identifier: GPL-3.0-or-later
#include "templateargs.h"

#include "command.h"
#include "jqargs.h"

namespace porthole::cli {

std::variant<int, TemplateArgs> parseTemplateArgs(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption context(QStringLiteral("context"),
                                     QStringLiteral("The context the templates see (default {})."),
                                     QStringLiteral("CTX.json"));
    const QCommandLineOption strict(QStringLiteral("strict"),
                                    QStringLiteral("Fail on jq errors (Port's throwOnError) "
                                                   "instead of rendering null."));
    const JqRunOptions jq;
    const QCommandLineOption noSpread(
        QStringLiteral("no-spread"),
        QStringLiteral("Treat {{ spreadValue() }} keys like npm 0.0.12 (as a jq expression)."));
    parser.addOptions({context, strict, jq.timeout, jq.inProcess, noSpread});
    if (auto done = parseArgs(parser, args, QStringLiteral("template"),
                              QStringLiteral("Render any JSON document with Port's template rules "
                                             "and print it as compact JSON (JSON.stringify)."),
                              QStringLiteral("TEMPLATE.json")))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral("template"),
                    QStringLiteral("expected exactly one TEMPLATE.json"), UsageError);
    const auto limits = jq.read(parser, QStringLiteral("template"));
    if (!limits)
        return UsageError;

    TemplateArgs out;
    out.templateFile = files[0];
    if (parser.isSet(context))
        out.contextFile = parser.value(context);
    out.settings.strict = parser.isSet(strict);
    out.settings.spreadValue = !parser.isSet(noSpread);
    out.settings.limits.timeoutMs = limits->timeoutMs;
    out.settings.limits.isolation = limits->isolation;
    return out;
}

} // namespace porthole::cli
