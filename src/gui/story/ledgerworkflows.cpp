// SPDX-License-Identifier: GPL-3.0-or-later
// LedgerFeed's part for the workflow runs the sandbox runs: the run's story (started, ended)
// and its node runs filed under it, with the node each ran; a node the sandbox answers itself
// (anything but KAFKA) gets a "reported" event, a KAFKA node's story is its message and its
// consumer's reports, as for any run.
#include "ledgerfeed.h"

#include "core/workflow.h"
#include "gui/session/session.h"
#include "models/runledger.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QJsonArray>
#include <QJsonObject>

namespace porthole {

namespace {

const QString kSource = QStringLiteral("sandbox workflow run");

RunEvent reported(const QString& runId, const QString& status, const QString& result,
                  const QString& summary)
{
    RunEvent e;
    e.stage = RunEvent::Stage::Reported;
    e.at = QDateTime::currentDateTimeUtc();
    e.runId = runId;
    e.source = kSource;
    e.status = status;
    e.result = result;
    e.httpStatus = 200; // the sandbox's own record, accepted as it is made
    e.summary = summary;
    return e;
}

} // namespace

void LedgerFeed::workflowRunStarted(const QString& workflowRunId, const QByteArray& workflow)
{
    FollowedRun run;
    const Workflow w =
        Workflow::parse(std::string_view(workflow.constData(), size_t(workflow.size())));
    run.workflow = QString::fromStdString(w.identifier());
    for (const WorkflowNode& n : w.nodes())
        run.nodeTypes.insert(QString::fromStdString(n.id), QString::fromStdString(n.type));
    m_workflowRuns.insert(workflowRunId, run);
    m_ledger->add(reported(workflowRunId, QStringLiteral("IN_PROGRESS"), {},
                           tr("workflow %1 started in the sandbox").arg(run.workflow)));
    syncWorkflowRuns();
}

void LedgerFeed::syncWorkflowRuns()
{
    Sandbox* sandbox = m_session->sandbox();
    if (!sandbox || !sandbox->api())
        return;
    const LocalRunStore& store = sandbox->api()->handler().store();
    for (auto it = m_workflowRuns.begin(); it != m_workflowRuns.end();) {
        const QString& wfr = it.key();
        FollowedRun& run = it.value();
        const QJsonObject json = store.workflowRunJson(wfr);
        for (const QJsonValue& v : json.value(QStringLiteral("nodeRuns")).toArray()) {
            const QJsonObject nr = v.toObject();
            const QString id = nr.value(QStringLiteral("identifier")).toString();
            const QString node = nr.value(QStringLiteral("node"))
                                     .toObject()
                                     .value(QStringLiteral("identifier"))
                                     .toString();
            m_ledger->linkNodeRun(wfr, id, node);
            const QString type = run.nodeTypes.value(node);
            if (type == QLatin1String("KAFKA") || run.told.contains(id) ||
                nr.value(QStringLiteral("status")) != QLatin1String("COMPLETED"))
                continue;
            run.told.insert(id);
            RunEvent e = reported(
                id, QStringLiteral("COMPLETED"), nr.value(QStringLiteral("result")).toString(),
                tr("%1 node %2 answered by the sandbox (nothing called out)").arg(type, node));
            e.workflowRunId = wfr;
            m_ledger->add(e);
        }
        if (json.value(QStringLiteral("status")) == QLatin1String("COMPLETED")) {
            m_ledger->add(reported(wfr, QStringLiteral("COMPLETED"),
                                   json.value(QStringLiteral("result")).toString(),
                                   tr("workflow %1 ended").arg(run.workflow)));
            it = m_workflowRuns.erase(it);
        } else {
            ++it;
        }
    }
}

} // namespace porthole
