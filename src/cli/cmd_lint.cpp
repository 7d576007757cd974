// porthole-cli lint NODE.json [--format text|json]
#include "command.h"

#include "core/diagnosticformat.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/nodevalidator.h"
#include "template/templatelinter.h"

namespace porthole::cli {
namespace {

int runLint(const QStringList& args)
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
    parser.addOption(format);
    parser.addOption(context);
    if (auto done = parseArgs(parser, args, QStringLiteral("lint"),
                              QStringLiteral("Check a KAFKA action node: JSON syntax, the node's "
                                             "fields and its templates."),
                              QStringLiteral("NODE.json")))
        return *done;
    const QStringList files = parser.positionalArguments();
    if (files.size() != 1)
        return fail(QStringLiteral("lint"), QStringLiteral("expected exactly one NODE.json"),
                    UsageError);
    const QString fmt = parser.value(format);
    if (fmt != QStringLiteral("text") && fmt != QStringLiteral("json"))
        return fail(QStringLiteral("lint"),
                    QStringLiteral("--format must be text or json, not '%1'").arg(fmt), UsageError);
    QString error;
    const auto text = readFile(files[0], &error);
    if (!text)
        return fail(files[0], error, InputError);

    JsonValue ctx;
    if (parser.isSet(context)) {
        const auto ctxText = readFile(parser.value(context), &error);
        if (!ctxText)
            return fail(parser.value(context), error, InputError);
        JsonDocument ctxDoc = JsonParser::parse(*ctxText);
        if (!ctxDoc.ok())
            return fail(parser.value(context),
                        QString::fromStdString(ctxDoc.diagnostics.front().message), InputError);
        ctx = ctxDoc.root->toValue();
    }
    const Diagnostics diags =
        TemplateLinter::lintNode(*text, parser.isSet(context) ? &ctx : nullptr);
    const std::string name = files[0].toStdString();
    if (fmt == QStringLiteral("json"))
        writeOut(JsWriter::stringify(DiagnosticFormat::json(name, diags), 2) + "\n");
    else
        writeOut(DiagnosticFormat::text(name, diags));
    return hasErrors(diags) ? InputError : Ok;
}

const RegisterCommand reg({"lint", "Check a node: JSON syntax, fields, templates.", runLint});

} // namespace
} // namespace porthole::cli
