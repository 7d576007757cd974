// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli render NODE.json [--context CTX.json] [--strict] [--payload-only]
//           [--envelope FILE.json] [--array-mode split|single]
// (render --workflow is in cmd_workflow.cpp)
#include "command.h"
#include "renderargs.h"
#include "workflowcli.h"

#include "core/diagnosticformat.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/noderenderer.h"

#include <cstdio>

namespace porthole::cli {
namespace {

int runRender(const QStringList& args)
{
    auto parsed = parseRenderArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const RenderArgs& opts = std::get<RenderArgs>(parsed);
    RenderOptions options = opts.options;
    if (opts.envelopeFile) {
        JsonValue env;
        if (const int rc = loadJson(*opts.envelopeFile, &env))
            return rc;
        options.envelope = env;
    }
    if (opts.workflow)
        return renderWorkflow(opts, options);
    const QString& file = opts.nodeFile;
    QString error;
    const auto text = readFile(file, &error);
    if (!text)
        return fail(file, error, InputError);
    JsonValue ctx = JsonValue::object();
    if (opts.contextFile)
        if (const int rc = loadJson(*opts.contextFile, &ctx))
            return rc;

    return printRendered(renderNode(*text, ctx, options), file, opts.payloadOnly);
}

} // namespace

int printRendered(const RenderedNode& r, const QString& file, bool payloadOnly)
{
    const std::string name = file.toStdString();
    Diagnostics errors;
    for (const auto& d : r.diagnostics)
        if (d.severity == Severity::Error)
            errors.push_back(d);
    if (!r.ok) {
        // The structure errors with positions first, then the one-line reason.
        std::fputs(DiagnosticFormat::text(name, errors).c_str(), stderr);
        QString why = QString::fromStdString(r.error);
        why.replace(QLatin1Char('\n'), QStringLiteral("\\n"));
        return fail(file, why, InputError);
    }
    if (payloadOnly) {
        if (!r.payload.isUndefined())
            writeOut(JsWriter::stringify(r.payload) + "\n");
        return Ok;
    }
    std::string lines;
    for (const auto& m : r.messages)
        lines += m + "\n";
    writeOut(lines);
    return Ok;
}

namespace {

const RegisterCommand reg({"render", "Render a node into the Kafka messages Port would publish.",
                           runRender});

} // namespace
} // namespace porthole::cli
