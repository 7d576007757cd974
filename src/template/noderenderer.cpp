// SPDX-License-Identifier: GPL-3.0-or-later
#include "noderenderer.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/nodevalidator.h"
#include "envelope.h"
#include "templatelinter.h"
#include "templaterenderer.h"

namespace porthole {

RenderedNode renderNode(std::string_view nodeText, const JsonValue& context,
                        const RenderOptions& options)
{
    RenderedNode out;
    JsonDocument doc = JsonParser::parse(nodeText);
    out.diagnostics = std::move(doc.diagnostics);
    if (!doc.root) {
        out.error =
            out.diagnostics.empty() ? std::string("invalid JSON") : out.diagnostics.front().message;
        sortDiagnostics(out.diagnostics);
        return out;
    }
    Diagnostics structure = NodeValidator::validate(*doc.root);
    const bool structureOk = !hasErrors(structure);
    out.diagnostics.insert(out.diagnostics.end(), structure.begin(), structure.end());

    const JsonNode* config = doc.root->isObject() ? doc.root->member("config") : nullptr;
    const JsonNode* payload = config && config->isObject() ? config->member("payload") : nullptr;
    auto firstError = [&]() -> std::string {
        for (const auto& d : out.diagnostics)
            if (d.severity == Severity::Error)
                return d.message;
        return "the node is not valid";
    };
    if (!payload) {
        out.error = firstError();
        sortDiagnostics(out.diagnostics);
        return out;
    }

    TemplateSettings settings;
    settings.strict = options.strict;
    settings.spreadValue = options.spreadValue;
    settings.limits = {options.timeoutMs, options.isolation, options.memoryLimitMb};
    const RenderOutcome r = TemplateRenderer::render(payload->toValue(), context, settings);
    Diagnostics lints = TemplateLinter::lint(nodeText, *payload, r.traces, true);
    out.diagnostics.insert(out.diagnostics.end(), lints.begin(), lints.end());
    out.templates = TemplateLinter::templates(nodeText, *payload, r.traces, "config.payload");
    sortDiagnostics(out.diagnostics);
    if (!r.ok) {
        out.error = r.error;
        return out;
    }
    out.payload = r.value;

    // Port's wrapping is a guess (Envelope); the default one is computed directly.
    const JsonValue envelope = options.envelope ? *options.envelope : JsonValue();
    const JqLimits envLimits = settings.limits;
    Envelope::Input in;
    in.context = context;
    in.orgId = options.orgId;
    if (const JsonNode* id = doc.root->member("identifier"); id && id->isString())
        in.nodeIdentifier = id->string;
    if (const JsonNode* title = doc.root->member("title"); title && title->isString())
        in.nodeTitle = title->string;
    std::vector<JsonValue> parts;
    if (r.value.isArray() && options.arrayMode == RenderOptions::ArrayMode::Split) {
        for (const auto& e : r.value.elements())
            parts.push_back(e.isUndefined() ? JsonValue(nullptr) : e);
    } else {
        parts.push_back(r.value);
    }
    for (const auto& part : parts) {
        in.payload = part;
        JsonValue wrapped;
        std::string error;
        if (!options.envelope) {
            wrapped = Envelope::wrapDefault(in);
        } else if (!Envelope::wrap(envelope, in, envLimits, &wrapped, &error)) {
            out.error = error;
            out.messages.clear();
            return out;
        }
        out.messages.push_back(JsWriter::stringify(wrapped));
    }
    out.ok = structureOk;
    if (!structureOk)
        out.error = firstError();
    return out;
}

} // namespace porthole
