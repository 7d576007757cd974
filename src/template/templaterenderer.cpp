// SPDX-License-Identifier: GPL-3.0-or-later
#include "templaterenderer.h"

#include "core/jswriter.h"
#include "jqfilter.h"
#include "jsstring.h"

#include <memory>
#include <mutex>
#include <unordered_map>

namespace porthole {

std::string pathText(const JsonPath& path)
{
    std::string out;
    for (const auto& s : path) {
        if (s.isIndex) {
            out += "[" + std::to_string(s.index) + "]";
            continue;
        }
        bool ident = !s.key.empty() && !std::isdigit(static_cast<unsigned char>(s.key[0]));
        for (char c : s.key)
            ident = ident && (std::isalnum(static_cast<unsigned char>(c)) || c == '_');
        if (ident)
            out += (out.empty() ? "" : ".") + s.key;
        else
            out += "[" + JsWriter::quote(s.key) + "]";
    }
    return out;
}

namespace TemplateRenderer {
namespace {

struct RenderError
{
    std::string message;
};

// What the brace scanner found in one distinct string (deterministic, so shared between
// renders: a warm re-render scans nothing again).
struct ScanCore
{
    std::u16string u16;
    BraceScan scan;
    bool typed = false;
    std::vector<std::string> bodies;
};

std::shared_ptr<const ScanCore> scanCore(const std::string& s)
{
    static std::mutex mutex;
    static std::unordered_map<std::string, std::shared_ptr<const ScanCore>> cache;
    {
        std::lock_guard lock(mutex);
        if (auto it = cache.find(s); it != cache.end())
            return it->second;
    }
    auto core = std::make_shared<ScanCore>();
    core->u16 = JsString::toUtf16(s);
    core->scan = BraceScanner::scan(core->u16);
    const auto trimmed = JsString::trim(core->u16);
    core->typed =
        core->scan.spans.size() == 1 && trimmed.starts_with(u"{{") && trimmed.ends_with(u"}}");
    for (const auto& span : core->scan.spans)
        core->bodies.push_back(JqFilter::body(std::u16string_view(core->u16).substr(
            size_t(span.start), size_t(span.end - span.start))));
    std::lock_guard lock(mutex);
    if (cache.size() > 50000)
        cache.clear();
    cache.emplace(s, core);
    return core;
}

// A ScanCore plus the indices of its bodies in this render's body list.
struct ScanInfo
{
    std::shared_ptr<const ScanCore> core;
    std::vector<int> bodies;
};

bool mayHoldBraces(const std::string& s)
{
    return s.find("{{") != std::string::npos || s.find("}}") != std::string::npos;
}

// `{{ spreadValue() }}` after trim(), as Port's /^\{\{\s*spreadValue\(\s*\)\s*\}\}$/.
bool isSpreadKey(const std::string& key)
{
    if (key.find("spreadValue") == std::string::npos)
        return false;
    const std::u16string u = JsString::toUtf16(key);
    std::u16string_view t = JsString::trim(u);
    auto skip = [&] {
        while (!t.empty() && JsString::isSpace(t.front()))
            t.remove_prefix(1);
    };
    auto eat = [&](std::u16string_view w) {
        if (t.substr(0, w.size()) != w)
            return false;
        t.remove_prefix(w.size());
        return true;
    };
    if (!eat(u"{{"))
        return false;
    skip();
    if (!eat(u"spreadValue("))
        return false;
    skip();
    if (!eat(u")"))
        return false;
    skip();
    return eat(u"}}") && t.empty();
}

// String(value), as a template literal writes it.
std::string jsToString(const JsonValue& v)
{
    switch (v.type()) {
    case JsonValue::Type::Undefined:
        return "undefined";
    case JsonValue::Type::Null:
        return "null";
    case JsonValue::Type::Bool:
        return v.toBool() ? "true" : "false";
    case JsonValue::Type::Number:
        return JsWriter::formatNumber(v.toNumber());
    case JsonValue::Type::String:
        return v.toString();
    case JsonValue::Type::Array: {
        std::string out;
        bool first = true;
        for (const auto& e : v.elements()) {
            if (!first)
                out += ",";
            first = false;
            if (!e.isNull() && !e.isUndefined())
                out += jsToString(e);
        }
        return out;
    }
    case JsonValue::Type::Object:
        return "[object Object]";
    }
    return {};
}

std::string stringifyOrUndefined(const JsonValue& v)
{
    return v.isUndefined() ? std::string("undefined") : JsWriter::stringify(v);
}

class Renderer
{
public:
    Renderer(const TemplateSettings& s) : m_s(s) {}

    // Phase 1: find every template and the distinct jq bodies.
    void collect(const JsonValue& v, JsonPath& path)
    {
        switch (v.type()) {
        case JsonValue::Type::String:
            collectString(v.toString(), path, false);
            break;
        case JsonValue::Type::Array:
            for (size_t i = 0; i < v.elements().size(); ++i) {
                path.push_back({true, int(i), {}});
                collect(v.elements()[i], path);
                path.pop_back();
            }
            break;
        case JsonValue::Type::Object:
            for (const auto* m : JsWriter::orderedMembers(v.members())) {
                path.push_back({false, 0, m->first});
                if (!(m_s.spreadValue && isSpreadKey(m->first)))
                    collectString(m->first, path, true);
                collect(m->second, path);
                path.pop_back();
            }
            break;
        default:
            break;
        }
    }

    void evaluate(const JsonValue& context, JqEngine& engine)
    {
        m_outcomes = engine.evaluate(m_bodies, context, m_s.limits);
        for (auto& t : m_traces)
            for (auto& r : t.templates)
                r.outcome = m_outcomes[size_t(m_bodyIndex.at(r.body))];
    }

    // Phase 2: Port's renderRecursively, raising errors in its order.
    JsonValue render(const JsonValue& v)
    {
        switch (v.type()) {
        case JsonValue::Type::String:
            return renderString(v.toString());
        case JsonValue::Type::Array: {
            JsonValue::Array out;
            out.reserve(v.elements().size());
            for (const auto& e : v.elements())
                out.push_back(render(e));
            return JsonValue(std::move(out));
        }
        case JsonValue::Type::Object:
            return renderObject(v);
        default:
            return v;
        }
    }

    std::vector<TemplateTrace> takeTraces() { return std::move(m_traces); }

private:
    const TemplateSettings& m_s;
    std::unordered_map<std::string, ScanInfo> m_scans;
    std::vector<std::string> m_bodies;
    std::unordered_map<std::string, int> m_bodyIndex;
    std::vector<JqOutcome> m_outcomes;
    std::vector<TemplateTrace> m_traces;

    const ScanInfo& scanInfo(const std::string& s)
    {
        auto it = m_scans.find(s);
        if (it != m_scans.end())
            return it->second;
        ScanInfo info;
        info.core = scanCore(s);
        for (const std::string& body : info.core->bodies) {
            auto [bi, inserted] = m_bodyIndex.try_emplace(body, int(m_bodies.size()));
            if (inserted)
                m_bodies.push_back(body);
            info.bodies.push_back(bi->second);
        }
        return m_scans.emplace(s, std::move(info)).first->second;
    }

    void collectString(const std::string& s, const JsonPath& path, bool isKey)
    {
        if (!mayHoldBraces(s))
            return;
        const ScanInfo& info = scanInfo(s);
        if (info.core->scan.ok() && info.core->scan.spans.empty())
            return;
        TemplateTrace t;
        t.path = path;
        t.isKey = isKey;
        t.text = s;
        t.typed = info.core->typed;
        t.scanError = info.core->scan.error;
        t.scanErrorIndex = info.core->scan.errorIndex;
        for (size_t i = 0; i < info.core->scan.spans.size(); ++i) {
            const auto& span = info.core->scan.spans[i];
            TemplateResult r;
            r.span = span;
            r.expression =
                JsString::toWtf8(std::u16string_view(info.core->u16)
                                     .substr(size_t(span.start), size_t(span.end - span.start)));
            r.body = m_bodies[size_t(info.bodies[i])];
            t.templates.push_back(std::move(r));
        }
        m_traces.push_back(std::move(t));
    }

    JsonValue exec(int body)
    {
        const JqOutcome& o = m_outcomes[size_t(body)];
        switch (o.kind) {
        case JqOutcome::Kind::Value:
            return o.value;
        case JqOutcome::Kind::Undefined:
            return {};
        case JqOutcome::Kind::Error:
            if (m_s.strict)
                throw RenderError{o.error};
            return nullptr;
        }
        return {};
    }

    JsonValue renderString(const std::string& s)
    {
        if (!mayHoldBraces(s))
            return s;
        const ScanInfo& info = scanInfo(s);
        if (!info.core->scan.ok())
            throw RenderError{info.core->scan.error};
        const auto& spans = info.core->scan.spans;
        if (spans.empty())
            return s;
        if (info.core->typed)
            return exec(info.bodies[0]);
        const std::u16string_view u(info.core->u16);
        auto slice = [&](int b, int e) {
            return b < e ? u.substr(size_t(b), size_t(e - b)) : std::u16string_view();
        };
        std::u16string out(slice(0, spans[0].start - 2));
        for (size_t i = 0; i < spans.size(); ++i) {
            const JsonValue r = exec(info.bodies[i]);
            out += JsString::toUtf16(r.isString() ? r.toString() : stringifyOrUndefined(r));
            out += slice(spans[i].end + 2,
                         i + 1 == spans.size() ? int(u.size()) : spans[i + 1].start - 2);
        }
        return JsString::toWtf8(out);
    }

    JsonValue renderObject(const JsonValue& v)
    {
        JsonValue::Object members;
        std::unordered_map<std::string, size_t> index;
        auto add = [&](const std::string& k, JsonValue value) {
            auto [it, inserted] = index.try_emplace(k, members.size());
            if (inserted)
                members.emplace_back(k, std::move(value));
            else
                members[it->second].second = std::move(value);
        };
        for (const auto* m : JsWriter::orderedMembers(v.members())) {
            const std::string& key = m->first;
            if (m_s.spreadValue && isSpreadKey(key)) {
                const JsonValue ev = render(m->second);
                if (ev.isNull())
                    throw RenderError{"Cannot convert undefined or null to object"};
                if (!ev.isArray() && !ev.isObject())
                    throw RenderError{"Evaluated value should be an object if the key is " + key +
                                      ". Original value: " + jsToString(m->second) +
                                      ", evaluated to: " + stringifyOrUndefined(ev)};
                if (ev.isArray()) {
                    for (size_t i = 0; i < ev.elements().size(); ++i)
                        add(std::to_string(i), ev.elements()[i]);
                } else {
                    for (const auto* e : JsWriter::orderedMembers(ev.members()))
                        add(e->first, e->second);
                }
                continue;
            }
            const JsonValue ek = renderString(key);
            if (!ek.isUndefined() && !ek.isString() && !ek.isNull())
                throw RenderError{"Evaluated object key should be undefined, null or string. "
                                  "Original key: " +
                                  key + ", evaluated to: " + JsWriter::stringify(ek)};
            if (ek.isString() && !ek.toString().empty())
                add(ek.toString(), render(m->second));
        }
        return JsonValue(std::move(members));
    }
};

} // namespace

RenderOutcome render(const JsonValue& document, const JsonValue& context,
                     const TemplateSettings& settings, JqEngine& engine)
{
    RenderOutcome out;
    Renderer r(settings);
    JsonPath path;
    r.collect(document, path);
    r.evaluate(context, engine);
    try {
        out.value = r.render(document);
        out.ok = true;
    } catch (const RenderError& e) {
        out.error = e.message;
    }
    out.traces = r.takeTraces();
    return out;
}

RenderOutcome render(const JsonValue& document, const JsonValue& context,
                     const TemplateSettings& settings)
{
    JqEngine& engine = JqEngine::shared();
    std::lock_guard lock(engine.mutex());
    return render(document, context, settings, engine);
}

} // namespace TemplateRenderer
} // namespace porthole
