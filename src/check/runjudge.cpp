// SPDX-License-Identifier: GPL-3.0-or-later
#include "runjudge.h"

#include "checkfault.h"

#include <QJsonDocument>

namespace porthole::RunJudge {
namespace {

constexpr qint64 kRetryAfterMs = 1000; // the Retry-After the api-429 fault sends
constexpr qint64 kClockSlackMs = 50;   // both times are taken as the answers went out

bool isCompletion(const LocalApiCall& call)
{
    return call.method == "PATCH" && !call.refused() &&
           QJsonDocument::fromJson(call.body).object().value(QStringLiteral("status")) ==
               QLatin1String("COMPLETED");
}

QString where(const LocalApiCall& call)
{
    return QStringLiteral("%1 %2 → %3")
        .arg(QString::fromLatin1(call.method), call.path)
        .arg(call.status);
}

// Evidence that the consumer received a message it never reported on.
QString neverReported(const CheckRun& run, const JudgeEvidence& e)
{
    for (const auto& [partition, offset] : run.landed) {
        const auto it = e.committed.find(partition);
        if (it != e.committed.end() && it->second > offset)
            return QStringLiteral("consumed but never reported: group %1 committed offset %2 on "
                                  "partition %3, past this run's message at offset %4")
                .arg(e.group)
                .arg(it->second)
                .arg(partition)
                .arg(offset);
    }
    if (e.commandOutput.contains(run.nodeRunId.toUtf8()))
        return QStringLiteral("consumed but never reported: the consumer printed the run id, yet "
                              "made no call to the API about it");
    if (e.endedBeforeJoin)
        return QStringLiteral("never reported: the consumer %1 before it joined group %2")
            .arg(e.commandEnd, e.group);
    if (!e.joined)
        return QStringLiteral("never reported: no consumer joined group %1 (does it read "
                              "KAFKA_GROUP_ID and subscribe to KAFKA_TOPIC?)")
            .arg(e.group);
    QString s = QStringLiteral("never reported, and no sign it was consumed (offset not "
                               "committed, run id not in its output)");
    if (!e.commandEnd.isEmpty())
        s += QStringLiteral("; the consumer %1").arg(e.commandEnd);
    return s;
}

// A refusal the round's fault answered instead of the API (api-5xx, api-429).
bool injected(const LocalApiCall& call)
{
    return call.fault == CheckFaults::kApi5xx || call.fault == CheckFaults::kApi429;
}

// What the consumer did about the fault the API answered it with, when it failed it: the verdicts
// of check-consumer --faults. Empty when it coped.
QString faultVerdict(const CheckRun& run, const JudgeEvidence& e, int completions)
{
    if (e.fault == CheckFaults::kRedeliver && completions > 1)
        return QStringLiteral("reported twice after a redelivery (COMPLETED %1 times; "
                              "de-duplicate by the run id)")
            .arg(completions);
    if (e.fault == CheckFaults::kRebalance && completions > 1)
        return QStringLiteral("processed twice across replicas (COMPLETED %1 times: the copy "
                              "that took the partition over started before the last commit; "
                              "commit after processing, and on revocation)")
            .arg(completions);
    if (e.fault == CheckFaults::kApiSlow && completions > 1)
        return QStringLiteral("reported twice after a slow answer (COMPLETED %1 times: a client "
                              "timeout shorter than Port's answer sent it again)")
            .arg(completions);
    for (qsizetype i = 0; i < run.calls.size(); ++i) {
        const LocalApiCall& faulted = run.calls.at(i).call;
        if (!injected(faulted))
            continue;
        if (i + 1 == run.calls.size())
            return faulted.status == 429
                       ? QStringLiteral("never retried after a 429 (Retry-After: 1)")
                       : QStringLiteral("gave up after a %1 (no retry)").arg(faulted.status);
        const qint64 gap = run.calls.at(i + 1).atMs - run.calls.at(i).atMs;
        if (faulted.status == 429 && gap < kRetryAfterMs - kClockSlackMs)
            return QStringLiteral("retried before Retry-After: %1 ms after the 429, which asked "
                                  "for 1 s")
                .arg(gap);
    }
    return {};
}

} // namespace

QString explainRefused(const LocalApiCall& call)
{
    const QJsonObject body = QJsonDocument::fromJson(call.body).object();
    const QString result = body.value(QStringLiteral("result")).toString();
    const QString status = body.value(QStringLiteral("status")).toString();
    if (call.status == 413)
        return QStringLiteral("sent a body of %1 bytes (%2); Port refuses bodies over 1 MiB: "
                              "shorten the output or the logs")
            .arg(call.bodySize)
            .arg(where(call));
    if (call.status == 422 && call.route.isWorkflow() &&
        (result == QLatin1String("FAILURE") || status == QLatin1String("FAILURE") ||
         status == QLatin1String("SUCCESS")))
        return QStringLiteral("sent %1 to the workflow route (%2); workflow node runs take "
                              "status COMPLETED with result FAILED or SUCCESS (SUCCESS/FAILURE "
                              "as a status is for classic action runs)")
            .arg(result == QLatin1String("FAILURE") ? QStringLiteral("result FAILURE")
                                                    : QStringLiteral("status ") + status,
                 where(call));
    if (call.status == 422 && status == QLatin1String("COMPLETED") &&
        !body.contains(QStringLiteral("result")))
        return QStringLiteral("reported COMPLETED without a result (%1); Port requires result "
                              "SUCCESS, FAILED or CANCELLED with COMPLETED")
            .arg(where(call));
    if (call.status == 404)
        return QStringLiteral("reported for a run the API does not know (%1): %2; use the ids "
                              "from the message's context (runId is the node run wfnr_…)")
            .arg(where(call), call.error);
    if (call.status == 401)
        return QStringLiteral("called without a valid token (%1): %2; log in with "
                              "PORT_CLIENT_ID/PORT_CLIENT_SECRET at PORT_API_BASE_URL")
            .arg(where(call), call.error);
    return QStringLiteral("the API refused %1: %2").arg(where(call), call.error);
}

void judge(CheckRun& run, const QJsonObject& nodeRun, const JudgeEvidence& e)
{
    run.reasons.clear();
    run.status = nodeRun.value(QStringLiteral("status")).toString();
    run.result = nodeRun.value(QStringLiteral("result")).toString();
    run.output = nodeRun.value(QStringLiteral("output")).toObject();

    int completions = 0;
    QStringList refused;
    for (const RunCall& c : run.calls) {
        if (injected(c.call))
            continue; // the round's own fault: judged below
        if (c.call.refused()) {
            const QString why = explainRefused(c.call);
            if (!refused.contains(why))
                refused.append(why);
        } else if (isCompletion(c.call)) {
            ++completions;
        }
    }
    if (run.calls.isEmpty()) {
        run.outcome = CheckRun::Outcome::Missing;
        run.status = QStringLiteral("MISSING");
        run.result.clear();
        run.reasons.append(neverReported(run, e));
        if (e.fault == CheckFaults::kRebalance)
            run.reasons.prepend(QStringLiteral("lost in the rebalance (neither copy reported it)"));
        return;
    }
    run.reasons = refused;
    if (const QString verdict = faultVerdict(run, e, completions); !verdict.isEmpty())
        run.reasons.prepend(verdict);
    if (run.status != QLatin1String("COMPLETED")) {
        run.reasons.append(QStringLiteral("not completed: its status stayed %1 (report status "
                                          "COMPLETED with a result)")
                               .arg(run.status));
    } else {
        if (run.result != e.expectResult)
            run.reasons.append(QStringLiteral("result %1, expected %2")
                                   .arg(run.result.isEmpty() ? QStringLiteral("none") : run.result,
                                        e.expectResult));
        QString why;
        if (e.predicate && !e.predicate->test(run.output, &why))
            run.reasons.append(why);
        if (completions > 1 && e.fault != CheckFaults::kRedeliver &&
            e.fault != CheckFaults::kApiSlow && e.fault != CheckFaults::kRebalance)
            run.reasons.append(QStringLiteral("reported COMPLETED %1 times; report a run once "
                                              "(a redelivered or retried message must not be "
                                              "reported again)")
                                   .arg(completions));
    }
    run.outcome = run.reasons.isEmpty() ? CheckRun::Outcome::Completed : CheckRun::Outcome::Failed;
}

} // namespace porthole::RunJudge
