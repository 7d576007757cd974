// SPDX-License-Identifier: GPL-3.0-or-later
// Property: any node text rendered against any context (both from the fuzz input) never
// crashes, and when the render succeeds every message is valid JSON that parses back.
//
// Input layout: CONTEXT.json \0 NODE.json (no NUL: the whole input is the node, context {}).
//
// Why Isolation::Fork: the templates are fuzzed too, and a jq program can loop forever
// (`repeat(1)`) or eat all memory (`[range(1e9)]`); jq 1.6 also aborts on some inputs
// (`[1114112] | implode`). InProcess has no time or memory bound at all, so it would report
// jq's own behaviour as our crash. Fork is what the app and the CLI use for user templates: a
// fork()ed child with a deadline and RLIMIT_AS, so the fuzzer checks exactly that path,
// including how a timed out, killed or aborted child is reported. fork() of an ASan process
// works (the shadow is reserved, not copied); the child's coverage is lost, but everything
// we own around jq (brace scanner, keys, typed/interpolated values, envelope, writer) runs
// in the parent. ASan reports in a child that hits its memory limit are expected noise.
#include "core/jsonparser.h"
#include "template/noderenderer.h"

#include <cstdlib>

using namespace porthole;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const size_t nul = in.find('\0');
    JsonValue context = JsonValue::object();
    std::string_view node = in;
    if (nul != std::string_view::npos) {
        const JsonDocument ctx = JsonParser::parse(in.substr(0, nul));
        if (ctx.ok())
            context = ctx.root->toValue();
        node = in.substr(nul + 1);
    }
    RenderOptions options;
    options.isolation = Isolation::Fork;
    options.timeoutMs = 200;    // a runaway template costs at most this per expression
    options.memoryLimitMb = 64; // beyond what the process already maps (ASan's shadow)
    options.strict = size % 2;  // both of Port's modes, without spending input bytes
    options.arrayMode =
        size % 3 ? RenderOptions::ArrayMode::Split : RenderOptions::ArrayMode::Single;
    const RenderedNode r = renderNode(node, context, options);
    if (r.ok)
        for (const std::string& m : r.messages)
            if (!JsonParser::parse(m).ok())
                std::abort();
    return 0;
}
