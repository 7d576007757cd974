// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatecompletion.h"

#include "core/workflowgraph.h"
#include "core/workflowoutputs.h"

#include <algorithm>
#include <sstream>

namespace porthole {

namespace {

// Generated from Debian's jq 1.6: jq -nr 'builtins|.[]' | grep -v '^_' | sort -u
constexpr std::string_view kJq16 =
    "IN/1 IN/2 INDEX/1 INDEX/2 JOIN/2 JOIN/3 JOIN/4 acos/0 acosh/0 add/0 all/0 all/1 all/2 any/0 "
    "any/1 any/2 arrays/0 ascii_downcase/0 ascii_upcase/0 asin/0 asinh/0 atan/0 atan2/2 atanh/0 "
    "booleans/0 bsearch/1 builtins/0 capture/1 capture/2 cbrt/0 ceil/0 combinations/0 "
    "combinations/1 contains/1 copysign/2 cos/0 cosh/0 debug/0 del/1 delpaths/1 drem/2 empty/0 "
    "endswith/1 env/0 erf/0 erfc/0 error/0 error/1 exp/0 exp10/0 exp2/0 explode/0 expm1/0 fabs/0 "
    "fdim/2 finites/0 first/0 first/1 flatten/0 flatten/1 floor/0 fma/3 fmax/2 fmin/2 fmod/2 "
    "format/1 frexp/0 from_entries/0 fromdate/0 fromdateiso8601/0 fromjson/0 fromstream/1 gamma/0 "
    "get_jq_origin/0 get_prog_origin/0 get_search_list/0 getpath/1 gmtime/0 group_by/1 gsub/2 "
    "gsub/3 halt/0 halt_error/0 halt_error/1 has/1 hypot/2 implode/0 in/1 index/1 indices/1 "
    "infinite/0 input/0 input_filename/0 input_line_number/0 inputs/0 inside/1 isempty/1 "
    "isfinite/0 isinfinite/0 isnan/0 isnormal/0 iterables/0 j0/0 j1/0 jn/2 join/1 keys/0 "
    "keys_unsorted/0 last/0 last/1 ldexp/2 leaf_paths/0 length/0 lgamma/0 lgamma_r/0 limit/2 "
    "localtime/0 log/0 log10/0 log1p/0 log2/0 logb/0 ltrimstr/1 map/1 map_values/1 match/1 match/2 "
    "max/0 max_by/1 min/0 min_by/1 mktime/0 modf/0 modulemeta/0 nan/0 nearbyint/0 nextafter/2 "
    "nexttoward/2 normals/0 not/0 now/0 nth/1 nth/2 nulls/0 numbers/0 objects/0 path/1 paths/0 "
    "paths/1 pow/2 pow10/0 range/1 range/2 range/3 recurse/0 recurse/1 recurse/2 recurse_down/0 "
    "remainder/2 repeat/1 reverse/0 rindex/1 rint/0 round/0 rtrimstr/1 scalars/0 "
    "scalars_or_empty/0 scalb/2 scalbln/2 scan/1 select/1 setpath/2 significand/0 sin/0 sinh/0 "
    "sort/0 sort_by/1 split/1 split/2 splits/1 splits/2 sqrt/0 startswith/1 stderr/0 "
    "strflocaltime/1 strftime/1 strings/0 strptime/1 sub/2 sub/3 tan/0 tanh/0 test/1 test/2 "
    "tgamma/0 to_entries/0 todate/0 todateiso8601/0 tojson/0 tonumber/0 tostream/0 tostring/0 "
    "transpose/0 trunc/0 truncate_stream/1 type/0 unique/0 unique_by/1 until/2 utf8bytelength/0 "
    "values/0 walk/1 while/2 with_entries/1 y0/0 y1/0 yn/2 ";

// In jq 1.7 but not 1.6: offered so a user who knows them learns why they fail under Port.
constexpr std::string_view kJq17Only[] = {
    "pick/1", "debug/1", "scan/2",  "abs/0",         "toarray/0",
    "trim/0", "ltrim/0", "rtrim/0", "have_decnum/0", "have_literal_numbers/0"};

constexpr std::string_view kFormats[] = {"@text",    "@json",   "@html",   "@uri",
                                         "@csv",     "@tsv",    "@sh",     "@base64",
                                         "@base64d", "@base32", "@base32d"};

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '@' || c == '[' || c == ']' || c == '$';
}

bool isIdentifier(const std::string& key)
{
    if (key.empty() || (key[0] >= '0' && key[0] <= '9'))
        return false;
    return std::all_of(key.begin(), key.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    });
}

void collectPaths(const JsonValue& v, const std::string& path, int depth,
                  std::vector<Completion>& out)
{
    constexpr size_t kMaxPaths = 2000; // a huge context must not make completion slow
    if (out.size() >= kMaxPaths || depth > 8)
        return;
    if (v.isObject()) {
        for (const auto& [key, child] : v.members()) {
            std::string p = path + (isIdentifier(key) ? "." + key : ".\"" + key + "\"");
            out.push_back({p, child.typeName(), false});
            collectPaths(child, p, depth + 1, out);
        }
    } else if (v.isArray() && !v.elements().empty()) {
        // The first element stands for all: completing .list[0].name is what a user wants.
        std::string p = path + "[0]";
        out.push_back({p, v.elements().front().typeName(), false});
        collectPaths(v.elements().front(), p, depth + 1, out);
    }
}

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

constexpr std::string_view kOutputs = ".outputs[";

bool isIdByte(char c)
{
    return isWordByte(c) && c != '.' && c != '[' && c != ']' && c != '@' && c != '$';
}

// The quote a node id is written with after `.outputs[`: templates live in JSON strings, where
// it is `\"`; a bare `"` is what jq itself reads (a template typed outside a JSON file).
std::string_view quoteAt(std::string_view t, size_t i)
{
    if (t.substr(i, 2) == "\\\"")
        return "\\\"";
    if (t.substr(i, 1) == "\"")
        return "\"";
    return {};
}

// `.outputs[`, `.outputs[\"fetch-se`, `.outputs[\"fetch-service\"]`,
// `.outputs[\"x\"].response.da`: the word scan stops at quotes and hyphens, which ids have.
bool isOutputsTail(std::string_view t)
{
    if (!startsWith(t, kOutputs))
        return false;
    size_t i = kOutputs.size();
    if (i == t.size())
        return true;
    const std::string_view quote = quoteAt(t, i);
    if (quote.empty())
        return false;
    i += quote.size();
    while (i < t.size() && (isIdByte(t[i]) || t[i] == '-'))
        ++i;
    if (i == t.size() || t.substr(i) == quote.substr(0, t.size() - i))
        return true; // in the id, or half way through its closing quote
    if (t.substr(i, quote.size()) != quote)
        return false;
    i += quote.size();
    if (i == t.size())
        return true;
    if (t[i++] != ']')
        return false;
    while (i < t.size()) {
        if (t[i++] != '.')
            return false;
        while (i < t.size() && isIdByte(t[i]))
            ++i;
    }
    return true;
}

std::vector<Completion> outputsCompletions(std::string_view prefix, const JsonValue& context,
                                           const WorkflowHints* hints)
{
    std::vector<Completion> all;
    std::string_view quote = quoteAt(prefix, kOutputs.size());
    if (quote.empty())
        quote = "\\\""; // `.outputs[` alone: the JSON string's spelling
    const auto bracketed = [&](const std::string& id) {
        return std::string(kOutputs).append(quote).append(id).append(quote).append("]");
    };
    const auto add = [&](std::string text, std::string detail, bool unavailable) {
        if (!startsWith(text, prefix))
            return;
        for (const auto& c : all)
            if (c.text == text)
                return;
        all.push_back({std::move(text), std::move(detail), unavailable});
    };
    // The node the prefix names, once its closing quote is typed.
    std::string named;
    const size_t idBegin = kOutputs.size() + quote.size();
    if (const size_t close = prefix.find(quote, idBegin);
        idBegin <= prefix.size() && close != std::string::npos)
        named = std::string(prefix.substr(idBegin, close - idBegin));
    const JsonValue& outputs = context["outputs"];
    if (hints)
        for (const auto& n : hints->nodes) {
            add(bracketed(n.id),
                n.runsBefore ? "output of " + n.type + " node"
                             : "runs after or beside this node: its output is not there yet",
                !n.runsBefore);
            if (n.id == named)
                for (const auto& f : n.fields)
                    add(bracketed(n.id) + "." + f, "field of " + n.type + " output", false);
        }
    if (outputs.isObject())
        for (const auto& [id, value] : outputs.members()) {
            add(bracketed(id), std::string("output (") + value.typeName() + ")", false);
            if (id == named) {
                std::vector<Completion> paths;
                collectPaths(value, bracketed(id), 0, paths);
                for (auto& c : paths)
                    add(c.text, c.detail, false);
            }
        }
    std::stable_sort(all.begin(), all.end(), [](const Completion& a, const Completion& b) {
        return a.unavailable != b.unavailable && !a.unavailable;
    });
    return all;
}

} // namespace

const std::vector<std::string>& jq16Builtins()
{
    static const std::vector<std::string> list = [] {
        std::vector<std::string> v;
        std::istringstream in{std::string(kJq16)};
        for (std::string s; in >> s;)
            v.push_back(s);
        return v;
    }();
    return list;
}

CompletionSpot completionSpot(std::string_view text, int64_t cursor)
{
    CompletionSpot spot;
    cursor = std::clamp<int64_t>(cursor, 0, int64_t(text.size()));
    const std::string_view before = text.substr(0, size_t(cursor));
    const size_t open = before.rfind("{{");
    if (open == std::string_view::npos)
        return spot;
    const size_t close = before.rfind("}}");
    if (close != std::string_view::npos && close > open)
        return spot;
    spot.inTemplate = true;
    int64_t begin = cursor;
    while (begin > int64_t(open + 2) && isWordByte(text[size_t(begin - 1)]))
        --begin;
    spot.prefixBegin = begin;
    spot.prefix = std::string(text.substr(size_t(begin), size_t(cursor - begin)));
    if (const size_t at = before.rfind(kOutputs); at != std::string_view::npos && at >= open + 2)
        if (isOutputsTail(before.substr(at))) {
            spot.prefixBegin = int64_t(at);
            spot.prefix = std::string(before.substr(at));
        }
    return spot;
}

WorkflowHints workflowHints(const Workflow& workflow, const WorkflowGraph& graph, int target)
{
    WorkflowHints hints;
    const auto& nodes = workflow.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        if (int(i) == target || nodes[i].id.empty())
            continue;
        hints.nodes.push_back(
            {nodes[i].id, nodes[i].type,
             WorkflowOutputs::fields(nodes[i]).value_or(std::vector<std::string>{}),
             graph.runsBefore(int(i), target)});
    }
    return hints;
}

std::vector<Completion> completionsFor(std::string_view prefix, const JsonValue& context)
{
    return completionsFor(prefix, context, nullptr);
}

std::vector<Completion> completionsFor(std::string_view prefix, const JsonValue& context,
                                       const WorkflowHints* hints)
{
    if (startsWith(prefix, kOutputs))
        return outputsCompletions(prefix, context, hints);
    std::vector<Completion> out;
    if (startsWith(prefix, ".") || prefix.empty()) {
        std::vector<Completion> paths;
        collectPaths(context, std::string(), 0, paths);
        for (auto& c : paths)
            if (startsWith(c.text, prefix))
                out.push_back(std::move(c));
        if (!prefix.empty())
            return out;
    }
    if (startsWith(prefix, "@")) {
        for (std::string_view f : kFormats)
            if (startsWith(f, prefix))
                out.push_back({std::string(f), "jq format", false});
        return out;
    }
    // Builtins: one entry per name, the arities in the detail.
    auto addAll = [&](auto&& list, bool unavailable) {
        for (std::string_view entry : list) {
            const size_t slash = entry.find('/');
            const std::string name(entry.substr(0, slash));
            if (!startsWith(name, prefix))
                continue;
            auto it = std::find_if(out.begin(), out.end(),
                                   [&](const Completion& c) { return c.text == name; });
            if (it != out.end() && it->unavailable == unavailable) {
                it->detail += ", " + std::string(entry.substr(slash + 1));
                continue;
            }
            if (it != out.end())
                continue; // 1.6 has the name; the 1.7 arity is a detail users rarely need
            out.push_back(
                {name,
                 (unavailable ? "jq 1.7 only (Port runs 1.6): arity " : "jq builtin, arity ") +
                     std::string(entry.substr(slash + 1)),
                 unavailable});
        }
    };
    addAll(jq16Builtins(), false);
    addAll(kJq17Only, true);
    std::stable_sort(out.begin(), out.end(), [](const Completion& a, const Completion& b) {
        return a.unavailable != b.unavailable ? !a.unavailable : a.text < b.text;
    });
    return out;
}

} // namespace porthole
