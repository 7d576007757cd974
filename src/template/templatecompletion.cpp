// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatecompletion.h"

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
    return spot;
}

std::vector<Completion> completionsFor(std::string_view prefix, const JsonValue& context)
{
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
