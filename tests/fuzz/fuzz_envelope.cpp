// SPDX-License-Identifier: GPL-3.0-or-later
// Properties of Envelope (what its header promises, nothing more):
// - wrapDefault never crashes and its "payload" is the input payload, byte for byte once
//   written by JsWriter (it is copied, never sent through jq);
// - wrap never crashes; a string that is exactly "{{ .payload }}" receives the payload
//   unchanged; a template with no `{{`/`}}` anywhere renders to itself minus every object
//   entry whose key is "" (Port's rules 2 and 6: a plain string renders to itself, and a key
//   that renders to "" drops its entry: `{"":0.1}` renders `{}`, as the oracle does), and
//   whatever it returns is valid JSON.
//
// Input layout: ENVELOPE.json \0 PAYLOAD.json \0 CONTEXT.json; a part that is missing or not
// JSON becomes {} (the payload: undefined, which wraps as null).
// jq runs forked with a deadline: the envelope's templates are fuzzed (see
// fuzz_template_renderer.cpp for why InProcess cannot be used).
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/envelope.h"

#include <cstdlib>

using namespace porthole;

namespace {

std::string_view take(std::string_view& rest)
{
    const size_t nul = rest.find('\0');
    const std::string_view part = rest.substr(0, nul);
    rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
    return part;
}

std::optional<JsonValue> parse(std::string_view text)
{
    const JsonDocument doc = JsonParser::parse(text);
    return doc.ok() ? std::optional<JsonValue>(doc.root->toValue()) : std::nullopt;
}

bool hasBraces(const std::string& s)
{
    return s.find("{{") != std::string::npos || s.find("}}") != std::string::npos;
}

bool anyBraces(const JsonValue& v)
{
    if (v.isString())
        return hasBraces(v.toString());
    for (const auto& e : v.elements())
        if (anyBraces(e))
            return true;
    for (const auto& [k, e] : v.members())
        if (hasBraces(k) || anyBraces(e))
            return true;
    return false;
}

// What Port renders from a template with no braces anywhere: the same document without the
// entries whose key is "" (at every depth).
JsonValue withoutEmptyKeys(const JsonValue& v)
{
    if (v.isArray()) {
        JsonValue::Array a;
        for (const auto& e : v.elements())
            a.push_back(withoutEmptyKeys(e));
        return JsonValue(std::move(a));
    }
    if (v.isObject()) {
        JsonValue o = JsonValue::object();
        for (const auto& [k, e] : v.members())
            if (!k.empty())
                o.set(k, withoutEmptyKeys(e));
        return o;
    }
    return v;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view rest(reinterpret_cast<const char*>(data), size);
    const auto envelope = parse(take(rest));
    const auto payload = parse(take(rest));
    const auto context = parse(take(rest));

    Envelope::Input in;
    if (payload)
        in.payload = *payload;
    in.context = context ? *context : JsonValue::object();
    in.nodeIdentifier = "fuzz-node";
    in.nodeTitle = "Fuzz";
    in.orgId = size % 2 ? "fuzz-org" : "";
    const std::string expected = payload ? JsWriter::stringify(*payload) : "null";

    const JsonValue wrapped = Envelope::wrapDefault(in);
    if (JsWriter::stringify(wrapped["payload"]) != expected)
        std::abort();
    if (!JsonParser::parse(JsWriter::stringify(wrapped)).ok())
        std::abort();

    if (!envelope)
        return 0;
    JqLimits limits;
    limits.isolation = Isolation::Fork;
    limits.timeoutMs = 200;
    limits.memoryLimitMb = 64;
    // The fuzzed template sits beside an exact "{{ .payload }}" so both rules are checked.
    JsonValue tmpl = JsonValue::object();
    tmpl.set("payload", "{{ .payload }}");
    tmpl.set("rest", *envelope);
    JsonValue out;
    std::string error;
    if (Envelope::wrap(tmpl, in, limits, &out, &error)) {
        if (JsWriter::stringify(out["payload"]) != expected)
            std::abort();
        if (!anyBraces(*envelope) &&
            JsWriter::stringify(out["rest"]) != JsWriter::stringify(withoutEmptyKeys(*envelope)))
            std::abort();
        if (!JsonParser::parse(JsWriter::stringify(out)).ok())
            std::abort();
    } else if (!anyBraces(*envelope)) {
        std::abort(); // nothing to render, nothing can fail
    }
    return 0;
}
