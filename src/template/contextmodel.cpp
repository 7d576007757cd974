// SPDX-License-Identifier: GPL-3.0-or-later
#include "contextmodel.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <sstream>

namespace porthole::ContextModel {

std::string generateId(RunId::Kind kind)
{
    return RunId::generate(kind).text();
}

std::string nowIso()
{
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t t = system_clock::to_time_t(now);
    const int ms = int(duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                  tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, ms);
    return buf;
}

namespace {

JsonValue obj(std::initializer_list<std::pair<const char*, JsonValue>> members)
{
    JsonValue o = JsonValue::object();
    for (const auto& [k, v] : members)
        o.set(k, v);
    return o;
}

JsonValue workflow(const std::string& triggerNodeId)
{
    const std::string created = nowIso();
    const JsonValue by =
        obj({{"email", "dev@example.com"}, {"firstName", "Dana"}, {"lastName", "Lee"}});
    const JsonValue triggerOutputs = obj(
        {{"service", "payments-api"},
         {"version", "2.4.1"},
         {"environment", "production"},
         {"action", "UPDATE"},
         {"diff", obj({{"before", obj({{"identifier", "payments-api"}, {"version", "2.4.0"}})},
                       {"after", obj({{"identifier", "payments-api"}, {"version", "2.4.1"}})}})}});
    JsonValue outputs = JsonValue::object();
    outputs.set("trigger", triggerOutputs);
    if (triggerNodeId != "trigger")
        outputs.set(triggerNodeId, triggerOutputs);
    outputs.set("call-webhook",
                obj({{"response", obj({{"status", 200}, {"data", obj({{"ok", true}})}})}}));
    return obj({
        {"outputs", outputs},
        {"secrets", obj({{"deploy-token", "example-secret"}})},
        {"workflow", obj({{"identifier", "deploy-service"}, {"versionIdentifier", "v1"}})},
        {"workflowRun",
         obj({{"identifier", generateId(RunId::Kind::WorkflowRun)},
              {"createdAt", created},
              {"trigger", obj({{"identifier", JsonValue(triggerNodeId)}, {"by", by}})}})},
        {"workflowNodeRun",
         obj({{"identifier", generateId(RunId::Kind::NodeRun)}, {"createdAt", created}})},
    });
}

JsonValue action()
{
    return obj({
        {"inputs", obj({{"cpu", "200m"}, {"ref", "main"}, {"replicas", 2}})},
        {"trigger", obj({{"by", obj({{"orgId", "org_example"},
                                     {"userId", "auth0|123"},
                                     {"user", obj({{"email", "dev@example.com"},
                                                   {"firstName", "Dana"},
                                                   {"lastName", "Lee"}})}})},
                         {"origin", "UI"},
                         {"at", JsonValue(nowIso())},
                         {"operation", "DAY-2"}})},
        {"event", nullptr},
        {"entity", obj({{"identifier", "payments-api"},
                        {"blueprint", "service"},
                        {"properties", obj({{"tier", "gold"}})}})},
        {"action", obj({{"identifier", "deploy"},
                        {"blueprint", "service"},
                        {"encryptedProperties", JsonValue::array()}})},
        {"run", obj({{"id", JsonValue(generateId(RunId::Kind::ActionRun))}})},
        {"secrets", JsonValue::object()},
    });
}

} // namespace

JsonValue preset(Preset kind, const std::string& triggerNodeId)
{
    return kind == Preset::Workflow ? workflow(triggerNodeId) : action();
}

JsonValue refreshIds(const JsonValue& context)
{
    JsonValue c = context;
    const std::string created = nowIso();
    auto renew = [&](const char* section, const char* field, RunId::Kind kind, bool stamp) {
        const JsonValue* s = c.find(section);
        if (!s || !s->isObject())
            return;
        JsonValue copy = *s;
        if (copy.find(field))
            copy.set(field, generateId(kind));
        if (stamp && copy.find("createdAt"))
            copy.set("createdAt", created);
        c.set(section, copy);
    };
    renew("workflowRun", "identifier", RunId::Kind::WorkflowRun, true);
    renew("workflowNodeRun", "identifier", RunId::Kind::NodeRun, true);
    renew("run", "id", RunId::Kind::ActionRun, false);
    return c;
}

std::vector<std::string> variables(Preset kind)
{
    if (kind == Preset::Workflow)
        return {".outputs.trigger",
                ".outputs.trigger.diff.before",
                ".outputs.trigger.diff.after",
                ".outputs.trigger.action",
                ".outputs[\"node-id\"].response.status",
                ".outputs[\"node-id\"].response.data",
                ".secrets[\"name\"]",
                ".workflow.identifier",
                ".workflow.versionIdentifier",
                ".workflowRun.identifier",
                ".workflowRun.createdAt",
                ".workflowRun.trigger.identifier",
                ".workflowRun.trigger.by.email",
                ".workflowRun.trigger.by.firstName",
                ".workflowRun.trigger.by.lastName",
                ".workflowNodeRun.identifier",
                ".workflowNodeRun.createdAt"};
    return {".inputs",
            ".trigger.by.orgId",
            ".trigger.by.userId",
            ".trigger.by.user",
            ".trigger.origin",
            ".trigger.at",
            ".trigger.operation",
            ".event",
            ".entity",
            ".action.identifier",
            ".action.blueprint",
            ".action.encryptedProperties",
            ".run.id",
            ".secrets"};
}

std::optional<JsonValue> load(const std::string& path, std::string* error)
{
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        *error = "cannot open " + path;
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    JsonDocument doc = JsonParser::parse(text);
    if (!doc.ok()) {
        const auto& d = doc.diagnostics.front();
        *error = path + ":" + std::to_string(d.range.begin.line) + ":" +
                 std::to_string(d.range.begin.column) + ": " + d.message;
        return std::nullopt;
    }
    JsonValue v = doc.root->toValue();
    if (!v.isObject()) {
        *error = path + ": a context must be a JSON object";
        return std::nullopt;
    }
    return v;
}

bool save(const std::string& path, const JsonValue& context, std::string* error)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) {
        *error = "cannot write " + path;
        return false;
    }
    out << JsWriter::stringify(context, 2) << "\n";
    out.close();
    if (!out) {
        *error = "cannot write " + path;
        return false;
    }
    return true;
}

} // namespace porthole::ContextModel
