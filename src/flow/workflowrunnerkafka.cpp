// SPDX-License-Identifier: GPL-3.0-or-later
// WorkflowRunner's KAFKA nodes: rendered against the chained context, published to {org}.runs
// with the one publish loop, then the run waits for the consumer's report of the node run.
#include "flowjson.h"
#include "workflowrunner_p.h"

#include "kafka/publishsession.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "template/contextmodel.h"

#include <utility>

namespace porthole {

// Publishes a KAFKA node's messages; false while its consumer's report is awaited, true when
// the node failed at once (rendering, publishing) and the walk goes on.
bool WorkflowRunner::runKafka(Run& run, int node)
{
    const WorkflowNode& n = run.workflow->nodes()[size_t(node)];
    const QString nodeRun = newNodeRun(run, node);
    JsonValue context = run.context;
    JsonValue nr = JsonValue::object();
    nr.set("identifier", nodeRun.toStdString());
    nr.set("createdAt", ContextModel::nowIso());
    context.set("workflowNodeRun", nr);
    context.set("outputs", run.outputs);
    // Port's context puts .outputs first; the renderer does not care about the order.
    const auto& range = n.json->range;
    const std::string nodeText =
        run.text.substr(size_t(range.begin.offset), size_t(range.end.offset - range.begin.offset));
    RenderOptions options = m_options.render;
    options.orgId = m_sandbox->org().toStdString();
    const RenderedNode rendered = renderNode(nodeText, context, options);
    auto failNow = [&](const QString& why) {
        log(run, QStringLiteral("node %1: %2").arg(quoted(n.id), why));
        nodeDone(run, node, nodeRun, QStringLiteral("FAILED"), JsonValue::object(), why);
        return !run.done;
    };
    if (!rendered.ok || rendered.messages.empty())
        return failNow(rendered.ok ? QStringLiteral("the node renders no message")
                                   : QStringLiteral("cannot render the node: ") +
                                         QString::fromStdString(rendered.error));
    // The one publish loop of the Publish tab and `porthole-cli publish`.
    const QString topic = m_sandbox->org() + QStringLiteral(".runs");
    PublishPlan plan;
    plan.config.set("bootstrap.servers", m_sandbox->bootstrap().toStdString());
    plan.proto.topic = topic.toStdString();
    plan.values = rendered.messages;
    plan.sameRunIds = true;
    if (m_options.sign)
        plan.signingSecret = m_sandbox->clientSecret().toStdString();
    PublishSession session(std::move(plan));
    std::string error;
    if (!session.prepare(&error))
        return failNow(QStringLiteral("cannot sign its message: ") + QString::fromStdString(error));
    m_waiting.insert(nodeRun, run.id);
    run.waitingNode = node;
    QString failure;
    const PublishSummary summary = session.run([&](const DeliveryReport& r) {
        if (!r.delivered()) {
            failure = QString::fromStdString(r.error);
            return;
        }
        Q_EMIT nodeMessagePublished(run.id, nodeRun, topic, r.partition, r.offset, m_options.sign);
    });
    if (!session.setupError().empty())
        failure = QString::fromStdString(session.setupError());
    if (!failure.isEmpty() || summary.delivered != summary.total) {
        m_waiting.remove(nodeRun);
        run.waitingNode = -1;
        return failNow(QStringLiteral("cannot publish to %1: %2").arg(topic, failure));
    }
    log(run, QStringLiteral("node %1: published %2 message(s) to %3%4; waiting for its "
                            "consumer to report node run %5")
                 .arg(quoted(n.id))
                 .arg(rendered.messages.size())
                 .arg(topic, m_options.sign ? QStringLiteral(" (signed)") : QString(), nodeRun));
    return false;
}

void WorkflowRunner::onCall(const LocalApiCall& call)
{
    // A consumer's accepted report that completes a KAFKA node run this runner waits for.
    if (call.refused() || call.method == "GET" || call.route.nodeRunId.isEmpty() ||
        !m_sandbox->api())
        return;
    const auto waiting = m_waiting.constFind(call.route.nodeRunId);
    if (waiting == m_waiting.constEnd())
        return;
    const QJsonObject nodeRun =
        m_sandbox->api()->handler().store().nodeRunJson(call.route.nodeRunId);
    if (nodeRun.value(QStringLiteral("status")) != QLatin1String("COMPLETED"))
        return;
    const QString nodeRunId = waiting.key();
    const auto it = m_runs.find(waiting.value());
    m_waiting.erase(waiting);
    if (it == m_runs.end())
        return;
    Run& run = *it->second;
    const int node = std::exchange(run.waitingNode, -1);
    const QString result = nodeRun.value(QStringLiteral("result")).toString();
    nodeDone(run, node, nodeRunId, result,
             FlowJson::fromQt(nodeRun.value(QStringLiteral("output"))),
             result == QLatin1String("SUCCESS")
                 ? QString()
                 : QStringLiteral("the consumer reported %1")
                       .arg(result.isEmpty() ? QStringLiteral("no result") : result));
    advance(run);
}

} // namespace porthole
