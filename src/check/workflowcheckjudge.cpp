// SPDX-License-Identifier: GPL-3.0-or-later
// WorkflowCheck's verdict: a line per node run and one for the whole run, from what the local
// Port API recorded (the run's nodeRuns) and the calls it refused.
#include "workflowcheck.h"

#include "runjudge.h"

#include "core/workflow.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QJsonArray>

namespace porthole {
namespace {

QString orDash(const QJsonValue& v)
{
    return v.toString().isEmpty() ? QStringLiteral("-") : v.toString();
}

} // namespace

void WorkflowCheck::judge()
{
    if (m_done)
        return;
    m_done = true;
    const LocalRunStore& store = m_sandbox->api()->handler().store();
    const QJsonObject run = store.workflowRunJson(m_runId);
    const Workflow workflow = Workflow::parse(
        std::string_view(m_options.workflow.constData(), size_t(m_options.workflow.size())));
    auto typeOf = [&](const QString& node) {
        const WorkflowNode* n = workflow.node(node.toStdString());
        return n ? QString::fromStdString(n->type) : QStringLiteral("?");
    };
    const QJsonArray nodeRuns = run.value(QStringLiteral("nodeRuns")).toArray();
    QStringList ran;
    int kafka = 0, reported = 0;
    bool allOk = true;
    const int total = int(nodeRuns.size());
    for (int i = 0; i < total; ++i) {
        const QJsonObject nr = nodeRuns.at(i).toObject();
        const QString node = nr.value(QStringLiteral("node"))
                                 .toObject()
                                 .value(QStringLiteral("identifier"))
                                 .toString();
        const QString id = nr.value(QStringLiteral("identifier")).toString();
        const QString type = typeOf(node);
        ran << node;
        QStringList reasons;
        if (type == QLatin1String("KAFKA")) {
            ++kafka;
            for (const LocalApiCall& c : m_refused)
                if (c.route.nodeRunId == id)
                    reasons << RunJudge::explainRefused(c);
            const QString status = nr.value(QStringLiteral("status")).toString();
            const QString result = nr.value(QStringLiteral("result")).toString();
            if (status != QLatin1String("COMPLETED"))
                reasons << QStringLiteral("never reported COMPLETED (the consumer got its message "
                                          "on the runs topic; the run waited for it)");
            else if (result != QLatin1String("SUCCESS"))
                reasons << QStringLiteral("reported %1").arg(result);
            else
                ++reported;
        }
        allOk = allOk && reasons.isEmpty();
        m_lines << QStringLiteral("node %1/%2 %3 %4 %5 %6 %7: %8")
                       .arg(i + 1)
                       .arg(total)
                       .arg(node, type, id, orDash(nr.value(QStringLiteral("status"))),
                            orDash(nr.value(QStringLiteral("result"))),
                            reasons.isEmpty()
                                ? (type == QLatin1String("KAFKA")
                                       ? QStringLiteral("ok")
                                       : QStringLiteral("ok (answered by the sandbox)"))
                                : QStringLiteral("failed: ") + reasons.join(QStringLiteral("; ")));
    }
    for (const WorkflowNode& n : workflow.nodes())
        if (n.type == "KAFKA" && !ran.contains(QString::fromStdString(n.id)))
            m_lines << QStringLiteral("node - %1 KAFKA - did not run (%2)")
                           .arg(QString::fromStdString(n.id),
                                run.value(QStringLiteral("status")) == QLatin1String("COMPLETED")
                                    ? QStringLiteral("not on the path this run took, or the run "
                                                     "ended before it")
                                    : QStringLiteral("the run never got there"));
    const QString status = orDash(run.value(QStringLiteral("status")));
    const QString result = orDash(run.value(QStringLiteral("result")));
    const bool passed =
        allOk && status == QLatin1String("COMPLETED") && result == QLatin1String("SUCCESS");
    m_lines << QStringLiteral("check-consumer: workflow %1 run %2 %3 %4 nodes=%5 kafka=%6 "
                              "reported=%7: %8")
                   .arg(m_options.workflowName, m_runId, status, result)
                   .arg(total)
                   .arg(kafka)
                   .arg(reported)
                   .arg(passed ? QStringLiteral("ok") : QStringLiteral("failed"));
    m_sandbox->stop();
    Q_EMIT finished(passed ? Passed : Failed);
}

} // namespace porthole
