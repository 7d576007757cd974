// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkrun.h"
#include "outputpredicate.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

#include <cstdint>
#include <map>

namespace porthole {

/// What a judgement may use besides the run's own calls.
struct JudgeEvidence
{
    QString expectResult = QStringLiteral("SUCCESS");
    const OutputPredicate* predicate = nullptr;
    std::map<int32_t, int64_t> committed; ///< the group's committed offsets (may be empty)
    QByteArray commandOutput;             ///< what the consumer printed
    QString group;                        ///< its group id
    bool joined = false;                  ///< a member joined the group
    QString commandEnd; ///< "" while it ran to the end; else e.g. "exited with code 1"
    bool endedBeforeJoin = false;
    QString fault; ///< the round's fault (CheckFaults); empty: a calm day
};

/// Turns what the local Port API saw about a run into an outcome and reasons in words: the
/// common consumer bugs (FAILURE on the workflow route, COMPLETED without a result, a report for
/// an unknown run, a body over 1 MiB, consumed but never reported, reported twice).
namespace RunJudge {

/// Fills run.outcome/status/result/output/reasons from `nodeRun` (the store's JSON of the node
/// run) and the run's recorded calls.
void judge(CheckRun& run, const QJsonObject& nodeRun, const JudgeEvidence& evidence);

/// One refused call in words: what the consumer did wrong and what Port wants instead.
QString explainRefused(const LocalApiCall& call);

} // namespace RunJudge
} // namespace porthole
