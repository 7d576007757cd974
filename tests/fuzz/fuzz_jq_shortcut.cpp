// SPDX-License-Identifier: GPL-3.0-or-later
// Property: where the engine answers an expression without compiling jq (JqShortcut), the
// answer is jq's own: the same value, or the same error, as jq gives for `(EXPR) | .` (which
// means the same to jq and is outside the subset, so jq compiles and runs it). The oracle
// corpus (tests/oracle/corpus/shortcuts.jsonl) checks the same subset against Port's renderer.
//
// Input layout: CONTEXT.json \0 EXPRESSION (no NUL: the whole input is the expression, context
// {"a":{"b":[1,"x",null]},"s":"text","n":null,"f":false}).
//
// InProcess is safe here: only expressions in the subset reach jq, and they cannot loop,
// allocate without bound or reach jq 1.6's aborting builtins.
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "template/jqengine.h"
#include "template/jqshortcut.h"

#include <cstdio>
#include <cstdlib>

using namespace porthole;

namespace {

std::string describe(const JqOutcome& o)
{
    switch (o.kind) {
    case JqOutcome::Kind::Value:
        return "value " + JsWriter::stringify(o.value);
    case JqOutcome::Kind::Error:
        return "error " + o.error + (o.compileError ? " (compile)" : "");
    case JqOutcome::Kind::Undefined:
        break;
    }
    return "undefined";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    const size_t nul = in.find('\0');
    std::string_view expression = in;
    std::string_view contextText = R"({"a":{"b":[1,"x",null]},"s":"text","n":null,"f":false})";
    if (nul != std::string_view::npos) {
        contextText = in.substr(0, nul);
        expression = in.substr(nul + 1);
    }
    if (!JqShortcut::covers(expression))
        return 0;
    const JsonDocument ctx = JsonParser::parse(contextText);
    if (!ctx.ok())
        return 0;
    const JsonValue context = ctx.root->toValue();
    static JqEngine engine; // compiled references stay cached between inputs
    JqLimits limits;
    limits.isolation = Isolation::InProcess;
    const std::string body(expression);
    const auto out = engine.evaluate({body, "(" + body + ") | ."}, context, limits);
    const std::string got = describe(out[0]);
    const std::string want = describe(out[1]);
    if (got != want) {
        std::fprintf(stderr, "shortcut: %s\njq:       %s\n", got.c_str(), want.c_str());
        std::abort();
    }
    return 0;
}
