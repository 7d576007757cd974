// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli lint --workflow FILE.json [--format text|json]
// porthole-cli render --workflow FILE.json --node ID [--inputs INPUTS.json]
//           [--mock NODE=FILE.json]... [--branch NODE=OUTLET]... [--context CTX.json]
//           [--run wfr_… --api URL (--client-id ID --client-secret S | --token T)]
//           [--print-context] and render's own options
// No command of its own: lint and render hand their --workflow forms here.
#include "command.h"
#include "workflowcli.h"

#include "core/diagnosticformat.h"
#include "core/didyoumean.h"
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/workflowcontext.h"
#include "template/workflowlinter.h"

#include <cstdio>

namespace porthole::cli {

namespace {

// The workflow text with everything outside `range` blanked (line breaks kept): a node text
// whose diagnostics still carry the workflow file's lines and columns.
std::string nodeTextIn(const std::string& text, const SourceRange& range)
{
    std::string out(text.size(), ' ');
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n' || text[i] == '\r' ||
            (int64_t(i) >= range.begin.offset && int64_t(i) < range.end.offset))
            out[i] = text[i];
    return out;
}

void note(const std::string& line)
{
    const std::string out = "porthole-cli: render: note: " + line + "\n";
    std::fputs(out.c_str(), stderr);
}

} // namespace

int lintWorkflow(const LintArgs& args)
{
    const QString& file = *args.workflowFile;
    QString error;
    const auto text = readFile(file, &error);
    if (!text)
        return fail(file, error, InputError);
    const Diagnostics diags = WorkflowLinter::lint(*text);
    const std::string name = file.toStdString();
    if (args.json)
        writeOut(JsWriter::stringify(DiagnosticFormat::json(name, diags), 2) + "\n");
    else
        writeOut(DiagnosticFormat::text(name, diags));
    return hasErrors(diags) ? InputError : Ok;
}

int renderWorkflow(const RenderArgs& args, const RenderOptions& options)
{
    const RenderArgs::Workflow& opts = *args.workflow;
    QString error;
    const auto text = readFile(opts.file, &error);
    if (!text)
        return fail(opts.file, error, InputError);
    const Workflow workflow = Workflow::parse(*text);
    if (!workflow.ok() || !workflow.nodesJson()) {
        Diagnostics errors;
        for (const auto& d : workflow.diagnostics())
            if (d.severity == Severity::Error)
                errors.push_back(d);
        std::fputs(DiagnosticFormat::text(opts.file.toStdString(), errors).c_str(), stderr);
        return fail(opts.file, QStringLiteral("not a workflow that can be rendered"), InputError);
    }
    const std::string id = opts.node.toStdString();
    const int target = workflow.indexOf(id);
    if (target < 0)
        return fail(opts.file,
                    QStringLiteral("no node \"%1\"%2")
                        .arg(opts.node,
                             QString::fromStdString(didYouMeanSuffix(id, workflow.identifiers()))),
                    InputError);
    ChainOptions chain;
    if (args.contextFile) {
        if (const int rc = loadJson(*args.contextFile, &chain.base))
            return rc;
        // Its outputs are outputs those nodes give, like --mock (which wins).
        for (const auto& [k, v] : chain.base["outputs"].members())
            if (k != "trigger")
                chain.mocks[k] = v;
        if (const JsonValue* t = chain.base["outputs"].find("trigger"))
            chain.inputs = *t;
        chain.base.remove("outputs");
    }
    if (opts.runId)
        if (const int rc = readRun(opts, &chain))
            return rc;
    if (opts.inputsFile) {
        JsonValue inputs;
        if (const int rc = loadJson(*opts.inputsFile, &inputs))
            return rc;
        chain.inputs = inputs;
    }
    for (const auto& [node, file] : opts.mocks) {
        if (workflow.indexOf(node.toStdString()) < 0)
            return fail(QStringLiteral("--mock"),
                        QStringLiteral("no node \"%1\" in %2%3")
                            .arg(node, opts.file,
                                 QString::fromStdString(
                                     didYouMeanSuffix(node.toStdString(), workflow.identifiers()))),
                        InputError);
        JsonValue v;
        if (const int rc = loadJson(file, &v))
            return rc;
        chain.mocks[node.toStdString()] = v;
    }
    for (const auto& [node, outlet] : opts.branches)
        chain.forks[node.toStdString()] = outlet.toStdString();

    const WorkflowGraph graph(workflow);
    const JqLimits limits{options.timeoutMs, options.isolation, options.memoryLimitMb};
    const Chain c = WorkflowContext::build(workflow, graph, target, chain, limits);
    for (const auto& n : c.notes)
        note(n);
    if (!c.ok)
        return fail(opts.file, QString::fromStdString(c.error), InputError);
    if (opts.printContext) {
        // Where each output came from, in the order the run made them.
        for (int n : c.path)
            if (const auto it = c.sources.find(workflow.nodes()[size_t(n)].id);
                it != c.sources.end())
                note("outputs[\"" + it->first + "\"]: " + it->second);
        writeOut(JsWriter::stringify(c.context, 2) + "\n");
        return Ok;
    }
    const WorkflowNode& n = workflow.nodes()[size_t(target)];
    if (n.type != "KAFKA")
        return fail(opts.file,
                    QStringLiteral("node \"%1\" is a %2 node: render prints a KAFKA node's "
                                   "messages (--print-context shows any node's context)")
                        .arg(opts.node, QString::fromStdString(n.type)),
                    InputError);
    return printRendered(renderNode(nodeTextIn(*text, n.json->range), c.context, options),
                         opts.file, args.payloadOnly);
}

} // namespace porthole::cli
