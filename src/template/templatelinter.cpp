// SPDX-License-Identifier: GPL-3.0-or-later
#include "templatelinter.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/nodevalidator.h"
#include "jqquirks.h"

#include <array>
#include <cstring>
#include <regex>

// Besides the codes templatelinter.h lists:
//   PH2402 warning  jq 1.6-only builtins (`leaf_paths`, `recurse_down`): Port's current jq
//                   (1.7 and later) rejects them, the other direction of PH2401
namespace porthole::TemplateLinter {

namespace {

// jq builtins that jq 1.7 or later added: the local 1.6 says "X/N is not defined".
constexpr std::array kNewBuiltins = {"pick/1",        "abs/0",
                                     "toarray/0",     "trim/0",
                                     "ltrim/0",       "rtrim/0",
                                     "debug/1",       "scan/2",
                                     "have_decnum/0", "have_literal_numbers/0",
                                     "significand/0", "trimstr/1",
                                     "add/1",         "get_search_list/0",
                                     "getpath/2",     "@urid",
                                     "@base32d/0",    "ltrimstr/0"};

// Sprig/Go functions people bring from other tools, with the jq way to say it.
struct GoHint
{
    const char* name;
    const char* advice;
};
constexpr std::array kGoHints = {
    GoHint{"date",
           "jq has no `date FORMAT`: use `now | todateiso8601` or `strftime(\"%Y-%m-%d\")`"},
    GoHint{"upper", "use `ascii_upcase`"},
    GoHint{"lower", "use `ascii_downcase`"},
    GoHint{"printf", "use string interpolation: \"\\(.a)-\\(.b)\""},
    GoHint{"add_duration", "jq dates are numbers: `now + 3600 | todateiso8601`"},
    GoHint{"dateModify", "jq dates are numbers: `now + 3600 | todateiso8601`"},
    GoHint{"toJson", "use `tojson`"},
    GoHint{"quote", "use `tojson`"},
    GoHint{"default", "use the alternative operator: `.a // \"fallback\"`"},
    GoHint{"trimSuffix", "use `rtrimstr(\"…\")`"},
    GoHint{"trimPrefix", "use `ltrimstr(\"…\")`"},
    GoHint{"replace", "use `gsub(\"old\"; \"new\")`"},
    GoHint{"uuidv4", "jq cannot make random ids; pass one in the context"},
};

std::string goLayoutToStrftime(const std::string& layout)
{
    static const std::array<std::pair<const char*, const char*>, 12> map = {{
        {"2006", "%Y"},
        {"01", "%m"},
        {"02", "%d"},
        {"15", "%H"},
        {"04", "%M"},
        {"05", "%S"},
        {"Jan", "%b"},
        {"Mon", "%a"},
        {"06", "%y"},
        {"Z07:00", "Z"},
        {"MST", "UTC"},
        {".000", ""},
    }};
    std::string out;
    for (size_t i = 0; i < layout.size();) {
        bool hit = false;
        for (const auto& [go, c] : map) {
            if (layout.compare(i, std::strlen(go), go) == 0) {
                out += c;
                i += std::strlen(go);
                hit = true;
                break;
            }
        }
        if (!hit)
            out += layout[i++];
    }
    return out;
}

// The text of a JSON string literal's inside for `s` (what a fix writes into the source).
std::string escapedInside(const std::string& s)
{
    const std::string q = JsWriter::quote(s);
    return q.substr(1, q.size() - 2);
}

std::string undefinedName(const std::string& error)
{
    static const std::regex re(R"re(([A-Za-z_@][A-Za-z0-9_]*/[0-9]+) is not defined)re");
    std::smatch m;
    if (std::regex_search(error, m, re))
        return m[1];
    if (error.find("is not a valid format") != std::string::npos) {
        static const std::regex fmt(R"re(([A-Za-z0-9_]+) is not a valid format)re");
        if (std::regex_search(error, m, fmt))
            return "@" + m[1].str();
    }
    return {};
}

bool identStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool identChar(char c)
{
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
}

// The first `.name-with-hyphens` outside string literals (jq reads it as a subtraction):
// the position of its dot and its length, or npos. A hand scan: this runs on every render.
size_t hyphenatedAccess(const std::string& e, size_t* length)
{
    bool inString = false;
    for (size_t i = 0; i < e.size(); ++i) {
        const char c = e[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
            continue;
        }
        if (c != '.' || i + 1 >= e.size() || !identStart(e[i + 1]))
            continue;
        if (i > 0 && std::isdigit(static_cast<unsigned char>(e[i - 1])))
            continue; // a number such as 1.5
        size_t j = i + 1;
        while (j < e.size() && identChar(e[j]))
            ++j;
        size_t end = j;
        while (end + 1 < e.size() && e[end] == '-' && identStart(e[end + 1])) {
            end += 1;
            while (end < e.size() && identChar(e[end]))
                ++end;
        }
        if (end > j) {
            *length = end - i;
            return i;
        }
        i = j - 1;
    }
    return std::string::npos;
}

} // namespace

SourcePos positionInLiteral(std::string_view text, const SourceRange& literal, int u16)
{
    SourcePos p = literal.begin;
    size_t i = size_t(p.offset) + 1;
    p.column += 1;
    int u = 0;
    while (u < u16 && i < text.size() && text[i] != '"') {
        if (text[i] == '\\') {
            const size_t len = i + 1 < text.size() && text[i + 1] == 'u' ? 6 : 2;
            i += len;
            p.column += int(len);
            u += 1;
            continue;
        }
        const auto b = static_cast<unsigned char>(text[i]);
        const size_t len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        i += len;
        p.column += 1;
        u += len == 4 ? 2 : 1;
    }
    p.offset = int64_t(i);
    return p;
}

const SourceRange* literalRange(const JsonNode& base, const JsonPath& path, bool isKey)
{
    const JsonNode* n = &base;
    for (size_t k = 0; k < path.size(); ++k) {
        const PathStep& s = path[k];
        if (s.isIndex) {
            if (!n->isArray() || size_t(s.index) >= n->children.size())
                return nullptr;
            n = &n->children[size_t(s.index)];
            continue;
        }
        const int i = n->isObject() ? n->memberIndex(s.key) : -1;
        if (i < 0)
            return nullptr;
        if (isKey && k + 1 == path.size())
            return &n->keyRanges[size_t(i)];
        n = &n->children[size_t(i)];
    }
    return n->isString() ? &n->range : nullptr;
}

std::string fixGoSyntax(const std::string& e)
{
    std::string out = e;
    static const std::regex nowDate(R"re(now\s*\|\s*date\s+"([^"]*)")re");
    static const std::regex anyDate(R"re(\|\s*date\s+"([^"]*)")re");
    static const std::regex upper(R"re(\|\s*upper\b(?!\s*\())re");
    static const std::regex lower(R"re(\|\s*lower\b(?!\s*\())re");
    std::smatch m;
    if (std::regex_search(out, m, nowDate)) {
        const std::string layout = m[1];
        const bool iso = layout.rfind("2006-01-02T15:04:05", 0) == 0;
        out = m.prefix().str() +
              (iso ? "now | todateiso8601"
                   : "now | strftime(\"" + goLayoutToStrftime(layout) + "\")") +
              m.suffix().str();
    } else if (std::regex_search(out, m, anyDate)) {
        out = m.prefix().str() + "| strftime(\"" + goLayoutToStrftime(m[1]) + "\")" +
              m.suffix().str();
    }
    out = std::regex_replace(out, upper, "| ascii_upcase");
    out = std::regex_replace(out, lower, "| ascii_downcase");
    return out == e ? std::string() : out;
}

Diagnostics lint(std::string_view text, const JsonNode& payload,
                 const std::vector<TemplateTrace>& traces, bool runtime)
{
    Diagnostics out;
    auto add = [&](Severity sev, const char* code, std::string msg, SourceRange r,
                   std::optional<Fix> fix = {}) {
        out.push_back({sev, code, std::move(msg), r, std::move(fix)});
    };

    for (const auto& t : traces) {
        const SourceRange* lit = literalRange(payload, t.path, t.isKey);
        if (!lit)
            continue;
        auto at = [&](int b, int e) {
            return SourceRange{positionInLiteral(text, *lit, b), positionInLiteral(text, *lit, e)};
        };
        if (!t.scanError.empty()) {
            add(Severity::Error, "PH2001",
                t.scanError + ": Port fails the whole payload on this, even in lenient mode",
                at(t.scanErrorIndex, t.scanErrorIndex + 2));
            continue;
        }
        for (const auto& r : t.templates) {
            const SourceRange whole = at(r.span.start - 2, r.span.end + 2);
            const SourceRange expr = at(r.span.start, r.span.end);
            const JqOutcome& o = r.outcome;
            bool specific = false;
            if (t.isKey && t.typed && o.kind == JqOutcome::Kind::Value && !o.value.isString() &&
                !o.value.isNull())
                add(Severity::Error, "PH2002",
                    "a key must evaluate to a string, null or nothing; this one gives " +
                        JsWriter::stringify(o.value),
                    whole);
            if (o.compileError) {
                // Go/Sprig syntax: the most common import from other tools.
                for (const auto& h : kGoHints) {
                    const std::regex word(std::string("(^|[|(\\s])") + h.name + "\\b");
                    if (r.expression.find(h.name) == std::string::npos ||
                        !std::regex_search(r.expression, word))
                        continue;
                    std::optional<Fix> fix;
                    const std::string fixed = fixGoSyntax(r.expression);
                    if (!fixed.empty())
                        fix = Fix{"Replace with `" + fixed + "`", expr, escapedInside(fixed)};
                    add(Severity::Error, "PH2101",
                        std::string("Go/Sprig template syntax is not jq (Port: \"use JQ syntax "
                                    "only\"): ") +
                            h.advice,
                        expr, fix);
                    specific = true;
                    break;
                }
                // `.e2`: jq 1.6 lexes it as a number literal (JqQuirks).
                if (const std::string fixed = JqQuirks::indexExponentFields(r.expression);
                    !specific && !fixed.empty()) {
                    add(Severity::Error, "PH2103",
                        "jq 1.6 reads a field named e and digits (`.e2`) as a number, so this "
                        "does not compile: index it instead (`.[\"e2\"]`)",
                        expr, Fix{"Replace with `" + fixed + "`", expr, escapedInside(fixed)});
                    specific = true;
                }
                const std::string name = undefinedName(o.error);
                if (!specific && (std::find(kNewBuiltins.begin(), kNewBuiltins.end(), name) !=
                                  kNewBuiltins.end())) {
                    add(Severity::Warning, "PH2401",
                        "`" + name +
                            "` needs jq 1.7 or later: the local jq 1.6 rejects it, "
                            "Port's current engine may accept it (npm 0.0.12 does not)",
                        expr);
                    specific = true;
                }
                static const std::regex ifNoElse(R"re(\bif\b)re");
                if (!specific && std::regex_search(r.expression, ifNoElse) &&
                    r.expression.find("else") == std::string::npos) {
                    add(Severity::Warning, "PH2401",
                        "`if` without `else` needs jq 1.7 or later: add `else . end` for jq 1.6",
                        expr);
                    specific = true;
                }
            }
            size_t hyphenLen = 0;
            const size_t dot = hyphenatedAccess(r.expression, &hyphenLen);
            if (dot != std::string::npos) {
                const char prev = dot > 0 ? r.expression[dot - 1] : ' ';
                if (dot != std::string::npos && !std::isdigit(static_cast<unsigned char>(prev))) {
                    const std::string name = r.expression.substr(dot + 1, hyphenLen - 1);
                    const bool chained = std::isalnum(static_cast<unsigned char>(prev)) ||
                                         prev == '_' || prev == ']' || prev == ')' || prev == '"';
                    const std::string bracket =
                        (chained ? "" : ".") + std::string("[\"") + name + "\"]";
                    std::string fixed = r.expression;
                    fixed.replace(dot, hyphenLen, bracket);
                    add(o.compileError ? Severity::Error : Severity::Warning, "PH2201",
                        "`." + name + "` is read as a subtraction in jq; use `" + bracket +
                            "` for a name with hyphens",
                        expr, Fix{"Use " + bracket, expr, escapedInside(fixed)});
                    specific = true;
                }
            }
            if (r.expression.find(".Values") != std::string::npos ||
                r.expression.find(".Release") != std::string::npos)
                add(Severity::Warning, "PH2102",
                    "`.Values`/`.Release` are Helm/Go template values; Port's context has "
                    ".outputs, .secrets, .workflowRun, .inputs, …",
                    expr);
            // The other direction of PH2401: builtins jq 1.7 removed, which Port's current
            // engine rejects although the local 1.6 (and npm 0.0.12) accept them.
            static const std::regex removed(R"re(\b(leaf_paths|recurse_down)\b)re");
            if (std::smatch m; std::regex_search(r.expression, m, removed))
                add(Severity::Warning, "PH2402",
                    "`" + m[1].str() +
                        "` exists only up to jq 1.6: Port's current engine (jq 1.7 and later) "
                        "rejects it; use `" +
                        (m[1] == "leaf_paths" ? "paths(scalars)" : "recurse") + "`",
                    expr);
            std::string jqError = o.error;
            while (!jqError.empty() && (jqError.back() == ':' || jqError.back() == ' '))
                jqError.pop_back();
            if (o.kind == JqOutcome::Kind::Error && (o.compileError || runtime) && !specific)
                add(Severity::Warning, "PH2301",
                    "Port sends null here in lenient mode (the default) and fails the run in "
                    "strict mode: " +
                        jqError,
                    whole);
            else if (o.kind == JqOutcome::Kind::Error && (o.compileError || runtime))
                add(Severity::Note, "PH2301", "Port sends null here in lenient mode: " + jqError,
                    whole);
            if (runtime && o.kind == JqOutcome::Kind::Undefined)
                add(Severity::Note, "PH2302",
                    t.typed ? std::string("no output: Port omits this key (a null in an array)")
                            : std::string("no output: Port writes the text \"undefined\" here"),
                    whole);
        }
    }
    return out;
}

std::vector<TemplateInfo> templates(std::string_view text, const JsonNode& payload,
                                    const std::vector<TemplateTrace>& traces,
                                    const std::string& pathPrefix)
{
    std::vector<TemplateInfo> out;
    for (const auto& t : traces) {
        const SourceRange* lit = literalRange(payload, t.path, t.isKey);
        for (const auto& r : t.templates) {
            TemplateInfo info;
            const std::string p = pathText(t.path);
            info.path = pathPrefix + (p.empty() || p[0] == '[' ? "" : ".") + p;
            info.inKey = t.isKey;
            if (lit)
                info.range = {positionInLiteral(text, *lit, r.span.start - 2),
                              positionInLiteral(text, *lit, r.span.end + 2)};
            info.expression = r.expression;
            info.ok = r.outcome.kind != JqOutcome::Kind::Error;
            info.undefinedValue = r.outcome.kind == JqOutcome::Kind::Undefined;
            info.value = r.outcome.value;
            info.error = r.outcome.error;
            out.push_back(std::move(info));
        }
    }
    return out;
}

Diagnostics lintNode(std::string_view nodeText, const JsonValue* context, const JqLimits& limits)
{
    JsonDocument doc = JsonParser::parse(nodeText);
    Diagnostics out = std::move(doc.diagnostics);
    if (doc.root) {
        Diagnostics structure = NodeValidator::validate(*doc.root);
        out.insert(out.end(), structure.begin(), structure.end());
        const JsonNode* config = doc.root->isObject() ? doc.root->member("config") : nullptr;
        const JsonNode* payload =
            config && config->isObject() ? config->member("payload") : nullptr;
        if (payload) {
            TemplateSettings settings;
            settings.limits = limits;
            const RenderOutcome r = TemplateRenderer::render(
                payload->toValue(), context ? *context : JsonValue::object(), settings);
            Diagnostics lints = lint(nodeText, *payload, r.traces, context != nullptr);
            out.insert(out.end(), lints.begin(), lints.end());
        }
    }
    sortDiagnostics(out);
    return out;
}

} // namespace porthole::TemplateLinter
