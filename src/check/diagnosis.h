// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "core/runid.h"
#include "kafka/groupoffsets.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

// The verdict of `porthole-cli diagnose` from what was found: no I/O here, so every verdict is
// testable from plain values.
namespace porthole {

/// What Port's API said about the run.
struct PortRecord
{
    bool asked = false; ///< a request went out (an API was given and the route was known)
    QString route;      ///< "GET /v1/…"
    int httpStatus = 0; ///< 0: no answer
    bool found = false; ///< the answer holds the run
    QString status;     ///< the run's own status (the node run's for wfnr_)
    QString result;
    QJsonValue output;
    QJsonArray logs;
    QDateTime createdAt, updatedAt;
    bool reported = false; ///< a consumer reported on it (status, result, logs or an update)
    QString note;          ///< why it was not asked, or what the API said
};

/// Reads Port's answer to `route` for `run` (2xx bodies; other statuses give found = false).
PortRecord portRecordFrom(const RunId& run, const QString& route, int httpStatus,
                          const QByteArray& body);

/// Everything diagnose found.
struct DiagnosisInput
{
    RunId run;
    std::vector<KafkaRecord> messages; ///< the run's messages on ORG.runs
    std::vector<GroupPosition> groups; ///< per group and partition of those messages
    std::string groupsNote;            ///< why no groups were read ("" when some were)
    PortRecord port;
    int64_t scanned = 0;
    std::optional<int64_t> sinceMs; ///< where the scan started; absent: the log start
    bool scanCancelled = false;
    int64_t nowMs = 0;
};

/// The verdict with its evidence.
struct Diagnosis
{
    QString verdict;      ///< completed|failed|in-progress|consumed-not-reported|not-consumed|…
    QString summary;      ///< one sentence: what it means for this run
    QStringList evidence; ///< one line each: message, group, Port, scan
    QJsonObject json;     ///< {run, verdict, summary, messages, groups, port, scan, evidence}
    int exitCode = 1;     ///< 0 for completed, else 1
};

/// Decides: Port's report first (completed, failed, in-progress), then the topic (not-published,
/// not-consumed, no-consumer, consumed-not-reported).
Diagnosis diagnose(const DiagnosisInput& in);

/// "2026-12-05T10:00:00.123Z".
QString isoTime(int64_t epochMs);

} // namespace porthole
