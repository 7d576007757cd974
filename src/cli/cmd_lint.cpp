// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli lint NODE.json [--format text|json]
#include "command.h"
#include "lintargs.h"
#include "workflowcli.h"

#include "core/diagnosticformat.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/nodevalidator.h"
#include "template/templatelinter.h"

namespace porthole::cli {
namespace {

int runLint(const QStringList& args)
{
    auto parsed = parseLintArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const LintArgs& opts = std::get<LintArgs>(parsed);
    if (opts.workflowFile)
        return lintWorkflow(opts);
    const QString& file = opts.nodeFile;
    QString error;
    const auto text = readFile(file, &error);
    if (!text)
        return fail(file, error, InputError);

    JsonValue ctx;
    if (opts.contextFile) {
        const auto ctxText = readFile(*opts.contextFile, &error);
        if (!ctxText)
            return fail(*opts.contextFile, error, InputError);
        JsonDocument ctxDoc = JsonParser::parse(*ctxText);
        if (!ctxDoc.ok())
            return fail(*opts.contextFile,
                        QString::fromStdString(ctxDoc.diagnostics.front().message), InputError);
        ctx = ctxDoc.root->toValue();
    }
    const Diagnostics diags = TemplateLinter::lintNode(*text, opts.contextFile ? &ctx : nullptr);
    const std::string name = file.toStdString();
    if (opts.json)
        writeOut(JsWriter::stringify(DiagnosticFormat::json(name, diags), 2) + "\n");
    else
        writeOut(DiagnosticFormat::text(name, diags));
    return hasErrors(diags) ? InputError : Ok;
}

const RegisterCommand reg({"lint", "Check a node: JSON syntax, fields, templates.", runLint});

} // namespace
} // namespace porthole::cli
