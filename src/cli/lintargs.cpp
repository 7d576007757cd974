// SPDX-License-Identifier: GPL-3.0-or-later
#include "lintargs.h"

#include "command.h"

namespace porthole::cli {

std::variant<int, LintArgs> parseLintArgs(const QStringList& args)
{
    QCommandLineParser parser;
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("Output format: text (default) or json."),
                                    QStringLiteral("text|json"), QStringLiteral("text"));
    const QCommandLineOption context(
        QStringLiteral("context"),
        QStringLiteral("Evaluate the templates against this context and report runtime errors "
                       "too (without it only context-independent problems are reported)."),
        QStringLiteral("CTX.json"));
    const QCommandLineOption workflow(
        QStringLiteral("workflow"),
        QStringLiteral("Lint a whole Port workflow instead of one node: its graph, every node "
                       "and every templated field, with positions in FILE."),
        QStringLiteral("FILE.json"));
    parser.addOption(format);
    parser.addOption(context);
    parser.addOption(workflow);
    if (auto done = parseArgs(parser, args, QStringLiteral("lint"),
                              QStringLiteral("Check a KAFKA action node: JSON syntax, the node's "
                                             "fields and its templates."),
                              QStringLiteral("NODE.json")))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (parser.isSet(workflow) && (!files.isEmpty() || parser.isSet(context)))
        return fail(QStringLiteral("lint"),
                    QStringLiteral("--workflow FILE.json takes no NODE.json and no --context"),
                    UsageError);
    if (files.size() != 1 && !parser.isSet(workflow))
        return fail(QStringLiteral("lint"), QStringLiteral("expected exactly one NODE.json"),
                    UsageError);
    const QString fmt = parser.value(format);
    if (fmt != QStringLiteral("text") && fmt != QStringLiteral("json"))
        return fail(QStringLiteral("lint"),
                    QStringLiteral("--format must be text or json, not '%1'").arg(fmt), UsageError);
    LintArgs out;
    if (parser.isSet(workflow))
        out.workflowFile = parser.value(workflow);
    else
        out.nodeFile = files[0];
    out.json = fmt == QStringLiteral("json");
    if (parser.isSet(context))
        out.contextFile = parser.value(context);
    return out;
}

} // namespace porthole::cli
