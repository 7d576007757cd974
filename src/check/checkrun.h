// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portapi/localapicall.h"

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <utility>
#include <vector>

namespace porthole {

/// One call the local API answered about a run, with its time on the check's clock.
struct RunCall
{
    qint64 atMs = 0; ///< milliseconds since the check started
    LocalApiCall call;
};

/// One published run of a consumer check: its ids, where its messages landed, what the
/// consumer did about it, and (once judged) the outcome with its reasons in words.
struct CheckRun
{
    enum class Outcome
    {
        Pending,   ///< still waiting
        Completed, ///< COMPLETED with the expected result, output passes, no refused call
        Failed,    ///< the consumer called about it, but it did not complete as expected
        Missing    ///< the API never heard about it
    };

    int index = 0; ///< from 0
    QString nodeRunId, workflowRunId;
    std::vector<std::string> messages;               ///< the values published
    std::vector<std::pair<int32_t, int64_t>> landed; ///< partition, offset of each message
    qint64 publishedMs = -1, firstReportMs = -1, completedMs = -1;
    /// When the API first refused a call about it with a 4xx of its own (not a fault the round
    /// injected): the run cannot pass any more, so its verdict is known (-1: never).
    qint64 refusedMs = -1;
    QList<RunCall> calls;

    // The judgement (RunJudge).
    Outcome outcome = Outcome::Pending;
    QString status = QStringLiteral("MISSING"); ///< the node run's final status
    QString result;                             ///< its result (empty: none)
    QJsonObject output;
    QStringList reasons; ///< why it failed or is missing, in words; notes when completed

    /// True when a PATCH with status COMPLETED was accepted.
    bool isCompleted() const { return completedMs >= 0; }
    /// True when nothing the consumer does later can change whether it passes: reported
    /// COMPLETED (a second report is caught by the check's short settle) or refused.
    bool isSettled() const { return completedMs >= 0 || refusedMs >= 0; }
    /// Milliseconds from publishing to the first report / to completion (-1: none).
    qint64 toFirstReportMs() const;
    qint64 toCompletionMs() const;
    /// "run 1/3 wfnr_… COMPLETED SUCCESS first-report=12ms completed=13ms: ok[: reasons]".
    QString line(int total) const;
    /// "check-consumer: runs=N completed=C failed=F missing=M" (pending counts as missing).
    static QString summary(const std::vector<CheckRun>& runs);
    /// "completed", "failed", "missing" or "pending".
    static QString outcomeName(Outcome o);
};

} // namespace porthole
