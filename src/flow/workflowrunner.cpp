// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowrunner.h"

#include "flowjson.h"
#include "workflowrunner_p.h"

#include "core/runid.h"
#include "core/workflowgraph.h"
#include "core/workflowoutputs.h"
#include "kafka/publishsession.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "template/contextmodel.h"
#include "template/workflowcontext.h"

#include <utility>

namespace porthole {

namespace {

const JsonNode* configMember(const WorkflowNode& n, std::string_view key)
{
    const JsonNode* c = n.json->member("config");
    return c && c->isObject() ? c->member(key) : nullptr;
}

bool continuesOnFailure(const WorkflowNode& n)
{
    const JsonNode* f = configMember(n, "onFailure");
    return f && f->isString() && f->string == "continue";
}

} // namespace

WorkflowRunner::WorkflowRunner(Sandbox* sandbox, QObject* parent)
    : QObject(parent), m_sandbox(sandbox)
{
    connect(sandbox, &Sandbox::workflowRunStarted, this, &WorkflowRunner::start);
    connect(sandbox, &Sandbox::apiCallRecorded, this, &WorkflowRunner::onCall);
}

WorkflowRunner::~WorkflowRunner() = default;

void WorkflowRunner::log(const Run& run, const QString& line)
{
    Q_EMIT logged(QStringLiteral("workflow run %1: %2").arg(run.id, line));
}

void WorkflowRunner::start(const QString& workflowRunId, const QByteArray& workflow)
{
    if (!m_sandbox->api())
        return;
    auto owned = std::make_unique<Run>();
    Run& run = *owned;
    run.id = workflowRunId;
    run.text = workflow.toStdString();
    run.workflow = std::make_unique<Workflow>(Workflow::parse(run.text));
    run.graph = std::make_unique<WorkflowGraph>(*run.workflow);
    m_runs[workflowRunId] = std::move(owned);
    const QJsonObject json = m_sandbox->api()->handler().store().workflowRunJson(workflowRunId);

    // The self-service trigger fires (a run started through the API is one), else the first.
    int trigger = -1;
    for (int t : run.graph->triggers())
        if (trigger < 0 || run.workflow->nodes()[size_t(t)].type == "SELF_SERVE_TRIGGER")
            trigger = t;
    if (trigger < 0) {
        finish(run, QStringLiteral("FAILED"), QStringLiteral("the workflow has no trigger"));
        return advance(run);
    }
    const WorkflowNode& t = run.workflow->nodes()[size_t(trigger)];
    run.context = WorkflowContext::base(*run.workflow);
    JsonValue wfr =
        run.context["workflowRun"].isObject() ? run.context["workflowRun"] : JsonValue::object();
    wfr.set("identifier", workflowRunId.toStdString());
    wfr.set("createdAt", json.value(QStringLiteral("createdAt")).toString().toStdString());
    JsonValue by = wfr["trigger"]["by"];
    JsonValue trig = JsonValue::object();
    trig.set("identifier", t.id);
    trig.set("by", by.isUndefined() ? JsonValue::object() : by);
    wfr.set("trigger", trig);
    run.context.set("workflowRun", wfr);
    log(run, QStringLiteral("started %1 from trigger %2")
                 .arg(quoted(run.workflow->identifier()), quoted(t.id)));
    const QString nodeRun = newNodeRun(run, trigger);
    nodeDone(run, trigger, nodeRun, QStringLiteral("SUCCESS"),
             FlowJson::fromQt(json.value(QStringLiteral("inputs"))), {});
    advance(run);
}

QString WorkflowRunner::newNodeRun(Run& run, int node)
{
    const WorkflowNode& n = run.workflow->nodes()[size_t(node)];
    const QString id = QString::fromStdString(RunId::generate(RunId::Kind::NodeRun).text());
    m_sandbox->api()->handler().store().addNodeRun(id, run.id, QString::fromStdString(n.id));
    Q_EMIT nodeRunStarted(run.id, id, QString::fromStdString(n.id), QString::fromStdString(n.type));
    return id;
}

// Walks until the run waits for a consumer or ends; an ended run is forgotten here only.
void WorkflowRunner::advance(Run& run)
{
    while (!run.done && run.waitingNode < 0 && step(run)) {
    }
    if (run.done) {
        const QString id = run.id;
        m_runs.erase(id); // `run` is gone from here on
    }
}

// Runs node `run.next`; false when the run now waits or has ended.
bool WorkflowRunner::step(Run& run)
{
    const auto& nodes = run.workflow->nodes();
    if (run.next < 0 || run.next >= int(nodes.size())) {
        finish(run, QStringLiteral("SUCCESS"), {});
        return false;
    }
    if (++run.steps > 4 * nodes.size() + 16) {
        finish(run, QStringLiteral("FAILED"), QStringLiteral("the run goes round a cycle"));
        return false;
    }
    const int node = run.next;
    const WorkflowNode& n = nodes[size_t(node)];
    if (n.type == "KAFKA")
        return runKafka(run, node);
    if (n.kind != WorkflowNodeKind::Flow) {
        // Any other action answers at once with its mock or its type's default output: the
        // sandbox never calls out (no webhook, no AI, no entity written).
        const auto mock = m_options.mocks.find(n.id);
        nodeDone(run, node, newNodeRun(run, node), QStringLiteral("SUCCESS"),
                 mock != m_options.mocks.end() ? mock->second : WorkflowOutputs::defaultOutput(n),
                 {});
        return !run.done;
    }
    // CONDITION: the first outlet whose jq is true, else the fallback. INPUT: nobody answers
    // in the sandbox, so its first outlet (as the chained preview does).
    const QString nodeRun = newNodeRun(run, node);
    std::string outlet;
    if (n.type == "CONDITION") {
        JsonValue context = run.context;
        context.set("outputs", run.outputs);
        const RenderOptions& r = m_options.render;
        JqChainEvaluator jq(JqLimits{r.timeoutMs, r.isolation, r.memoryLimitMb});
        for (const auto& o : n.outlets) {
            std::string error;
            const auto yes =
                o.expression ? jq.condition(o.expression->string, context, &error) : std::nullopt;
            if (!error.empty())
                log(run, QStringLiteral("condition %1 outlet %2: %3 (counts as false)")
                             .arg(quoted(n.id), quoted(o.id), QString::fromStdString(error)));
            if (yes && *yes) {
                outlet = o.id;
                break;
            }
        }
    } else if (!n.outlets.empty()) {
        outlet = n.outlets.front().id;
    }
    JsonValue selected = JsonValue::object();
    selected.set("identifier", outlet.empty() ? JsonValue(nullptr) : JsonValue(outlet));
    JsonValue output =
        n.type == "INPUT" ? WorkflowOutputs::defaultOutput(n) : JsonValue(JsonValue::object());
    output.set("selectedOutlet", selected);
    log(run, QStringLiteral("%1 %2 took %3")
                 .arg(QString::fromStdString(n.type), quoted(n.id),
                      outlet.empty() ? QStringLiteral("fallback") : quoted(outlet)));
    // A CONDITION's choice shows in its node run; only an INPUT's output is read downstream.
    QJsonObject body{{QStringLiteral("status"), QStringLiteral("COMPLETED")},
                     {QStringLiteral("result"), QStringLiteral("SUCCESS")},
                     {QStringLiteral("output"), FlowJson::toQt(output)}};
    m_sandbox->api()->handler().store().updateNodeRun(nodeRun, run.id, body);
    if (n.type == "INPUT") {
        run.outputs.set(n.id, output);
        m_sandbox->api()->handler().store().setWorkflowRunOutputs(
            run.id, FlowJson::toQt(run.outputs).toObject());
    }
    Q_EMIT nodeRunFinished(run.id, nodeRun, QString::fromStdString(n.id),
                           QStringLiteral("SUCCESS"));
    run.next = -1;
    for (int e : run.graph->outgoing(node)) {
        const auto& edge = run.graph->edges()[size_t(e)];
        const auto& c = run.workflow->connections()[size_t(edge.connection)];
        if (outlet.empty() ? c.fallback : c.outlet == outlet)
            run.next = edge.to;
    }
    if (run.next < 0) {
        finish(
            run, QStringLiteral("SUCCESS"),
            QStringLiteral("no connection leaves %1 by %2: the run ends there")
                .arg(quoted(n.id), outlet.empty() ? QStringLiteral("fallback") : quoted(outlet)));
        return false;
    }
    return true;
}

// A node ended: its output (a failed node's with error.message, its `variables` rendered
// against .result replacing it) joins .outputs, and the run goes on or ends.
void WorkflowRunner::nodeDone(Run& run, int node, const QString& nodeRunId, const QString& result,
                              JsonValue output, const QString& error)
{
    const WorkflowNode& n = run.workflow->nodes()[size_t(node)];
    LocalRunStore& store = m_sandbox->api()->handler().store();
    const bool failed = result != QLatin1String("SUCCESS");
    const bool trigger = n.kind == WorkflowNodeKind::Trigger;
    if (n.type != "KAFKA") // a KAFKA node run holds what its consumer reported
        store.updateNodeRun(nodeRunId, run.id,
                            {{QStringLiteral("status"), QStringLiteral("COMPLETED")},
                             {QStringLiteral("result"), result},
                             {QStringLiteral("output"), FlowJson::toQt(output)}});
    Q_EMIT nodeRunFinished(run.id, nodeRunId, QString::fromStdString(n.id), result);
    if (failed) {
        if (!output.isObject())
            output = JsonValue::object();
        if (!output["error"]["message"].isString()) {
            JsonValue e = JsonValue::object();
            e.set("message", error.toStdString());
            output.set("error", e);
        }
    }
    std::string problem;
    if (const JsonNode* v = n.json->member("variables"); v && v->isObject() && !trigger) {
        JsonValue context = run.context;
        context.set("outputs", run.outputs);
        context.set("result", output);
        const RenderOptions& r = m_options.render;
        JqChainEvaluator jq(JqLimits{r.timeoutMs, r.isolation, r.memoryLimitMb});
        if (auto replaced = jq.variables(v->toValue(), context, &problem))
            output = *replaced;
    }
    if (trigger)
        run.outputs.set("trigger", output);
    if (!n.id.empty() && n.id != "trigger")
        run.outputs.set(n.id, output);
    store.setWorkflowRunOutputs(run.id, FlowJson::toQt(run.outputs).toObject());
    if (!problem.empty()) {
        finish(run, QStringLiteral("FAILED"),
               QStringLiteral("variables of %1: %2")
                   .arg(quoted(n.id), QString::fromStdString(problem)));
        return;
    }
    if (failed && !continuesOnFailure(n)) {
        finish(run, result == QLatin1String("CANCELLED") ? result : QStringLiteral("FAILED"),
               QStringLiteral("node %1 ended %2: %3").arg(quoted(n.id), result, error));
        return;
    }
    if (failed)
        log(run, QStringLiteral("node %1 ended %2; onFailure \"continue\" goes on")
                     .arg(quoted(n.id), result));
    // An action or a trigger has at most one way on (fan-out is refused when stored).
    const auto& out = run.graph->outgoing(node);
    run.next = out.empty() ? -1 : run.graph->edges()[size_t(out.front())].to;
}

void WorkflowRunner::finish(Run& run, const QString& result, const QString& why)
{
    run.done = true;
    for (auto it = m_waiting.begin(); it != m_waiting.end();)
        it = it.value() == run.id ? m_waiting.erase(it) : std::next(it);
    if (m_sandbox->api())
        m_sandbox->api()->handler().store().finishWorkflowRun(run.id, result);
    log(run, QStringLiteral("COMPLETED %1%2")
                 .arg(result, why.isEmpty() ? QString() : QStringLiteral(" (") + why + u')'));
    Q_EMIT runFinished(run.id, result);
}

} // namespace porthole
