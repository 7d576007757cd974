// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli template [--context CTX.json] [--strict] TEMPLATE.json
#include "command.h"
#include "templateargs.h"

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
    auto parsed = parseTemplateArgs(args);
    if (const int* code = std::get_if<int>(&parsed))
        return *code;
    const TemplateArgs& opts = std::get<TemplateArgs>(parsed);
    JsonValue document;
    JsonValue ctx = JsonValue::object();
    if (const int rc = loadJson(opts.templateFile, &document))
        return rc;
    if (opts.contextFile)
        if (const int rc = loadJson(*opts.contextFile, &ctx))
            return rc;

    const TemplateSettings& settings = opts.settings;
    const RenderOutcome r = TemplateRenderer::render(document, ctx, settings);
    if (qEnvironmentVariableIsSet("PORTHOLE_TEMPLATE_STATS")) {
        const auto st = JqEngine::shared().stats();
        std::fprintf(
            stderr, "compiles=%llu combined=%llu shortcuts=%llu forks=%llu expressions=%zu\n",
            (unsigned long long)st.compiles, (unsigned long long)st.combinedCompiles,
            (unsigned long long)st.shortcuts, (unsigned long long)st.forks, st.cachedExpressions);
    }
    if (!r.ok)
        return fail(opts.templateFile, oneLine(r.error), InputError);
    if (!r.value.isUndefined())
        writeOut(JsWriter::stringify(r.value) + "\n");
    return Ok;
}

const RegisterCommand reg({"template", "Render a JSON document with Port's template rules.",
                           runTemplate});

} // namespace
} // namespace porthole::cli
