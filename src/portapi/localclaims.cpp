// SPDX-License-Identifier: GPL-3.0-or-later
// The polling mode of Port's execution agent and of Ocean: runs still in progress wait to be
// claimed, a claimed run is hidden for visibilityTimeoutMs (then offered again unless acked),
// and an ack is answered once: a repeated one is 409, as Ocean expects
// (RunAlreadyAcknowledgedError). Shapes from port-agent's port_client.py and Ocean's
// port_ocean/clients/port/mixins; what a claimed run carries is inferred (docs/cli.md).
#include "localapireply_p.h"
#include "localportapihandler.h"

#include <QJsonArray>

namespace porthole {

using namespace localapi;
namespace {

// Port does not document a default; Ocean sends its own. The agent sends none.
constexpr qint64 kDefaultVisibilityMs = 30000;
constexpr int kMaxClaim = 100;

} // namespace

LocalApiReply LocalPortApiHandler::claimOrAck(PortRouteId route, const QByteArray& body)
{
    QJsonObject o;
    LocalApiReply reply;
    if (!parseObject(body, &o, &reply))
        return reply;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const bool workflow =
        route == PortRouteId::WorkflowRunsClaim || route == PortRouteId::WorkflowRunsAck;
    if (route == PortRouteId::WorkflowRunsClaim || route == PortRouteId::ActionRunsClaim) {
        const int limit = o.value(QStringLiteral("limit")).toInt(1);
        if (limit < 1 || limit > kMaxClaim)
            return invalid(QStringLiteral("limit must be a number from 1 to %1").arg(kMaxClaim));
        const qint64 visibleAfter =
            qint64(o.value(QStringLiteral("visibilityTimeoutMs")).toDouble(kDefaultVisibilityMs));
        QJsonArray claimed;
        const QStringList pending =
            workflow ? m_store.pendingNodeRuns() : m_store.pendingActionRuns();
        for (const QString& id : pending) {
            if (claimed.size() >= limit)
                break;
            if (m_acked.contains(id) || m_claimedUntil.value(id) > now)
                continue;
            m_claimedUntil.insert(id, now.addMSecs(visibleAfter));
            if (!workflow) {
                // The agent reads the invocation method from payload (type, url, agent,
                // synchronized, method, headers: polling_streamer.py) and turns payload.body
                // into the message it hands its webhook (polling_to_webhook_processor.py).
                QJsonObject run = m_store.actionRunJson(id);
                const QJsonObject message = m_store.actionRunMessage(id);
                QJsonObject payload =
                    message.value(u"payload")[u"action"][u"invocationMethod"].toObject();
                payload.insert(QStringLiteral("body"), message);
                run.insert(QStringLiteral("payload"), payload);
                claimed.append(run);
                continue;
            }
            QJsonObject node = m_store.nodeRunJson(id);
            node.insert(QStringLiteral("workflowRun"),
                        QJsonObject{{QStringLiteral("identifier"),
                                     node.value(QStringLiteral("workflowRunIdentifier"))}});
            node.insert(QStringLiteral("node"),
                        QJsonObject{{QStringLiteral("config"), QJsonObject{}}});
            claimed.append(node);
        }
        return ok({{workflow ? QStringLiteral("nodeRuns") : QStringLiteral("runs"), claimed}});
    }
    // Acks: the agent's {"runIds":[…]}, Ocean's {"runId"}, the workflow {"nodeRunIdentifier"}.
    QStringList ids;
    if (workflow)
        ids << o.value(QStringLiteral("nodeRunIdentifier")).toString();
    else if (o.value(QStringLiteral("runIds")).isArray())
        for (const QJsonValue& v : o.value(QStringLiteral("runIds")).toArray())
            ids << v.toString();
    else
        ids << o.value(QStringLiteral("runId")).toString();
    ids.removeAll(QString());
    if (ids.isEmpty())
        return invalid(workflow ? QStringLiteral("nodeRunIdentifier is required")
                                : QStringLiteral("runIds (array) or runId is required"));
    int acked = 0;
    for (const QString& id : ids) {
        if (!(workflow ? m_store.hasNodeRun(id) : m_store.hasActionRun(id)))
            return unknown(QStringLiteral("run %1 was not found").arg(id), id);
        if (m_acked.contains(id))
            continue;
        m_acked.insert(id);
        ++acked;
    }
    if (acked == 0)
        return failure(409, QStringLiteral("already_acknowledged"),
                       QStringLiteral("run %1 was already acknowledged").arg(ids.join(u", ")));
    if (workflow)
        return ok({{QStringLiteral("acked"), true}});
    return ok({{QStringLiteral("ackedCount"), acked}});
}

} // namespace porthole
