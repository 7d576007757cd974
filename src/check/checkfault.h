// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace porthole {

/// The faults a consumer check can put a consumer through (check-consumer --faults), the one
/// list the CLI, the app's dialog and the check read.
namespace CheckFaults {

inline const QString kRedeliver = QStringLiteral("redeliver");
inline const QString kApi5xx = QStringLiteral("api-5xx");
inline const QString kApi429 = QStringLiteral("api-429");
inline const QString kBrokerRestart = QStringLiteral("broker-restart");
inline const QString kApiSlow = QStringLiteral("api-slow");
inline const QString kRebalance = QStringLiteral("rebalance");

/// Every fault, in the order rounds run.
inline QStringList all()
{
    return {kRedeliver, kApi5xx, kApi429, kBrokerRestart, kApiSlow, kRebalance};
}

/// What the check does for `fault`, in a few words (help text, tooltips).
inline QString describe(const QString& fault)
{
    if (fault == kRedeliver)
        return QStringLiteral("publishes every run's message twice, as at-least-once delivery "
                              "can");
    if (fault == kApi5xx)
        return QStringLiteral("answers each run's first report with 503");
    if (fault == kApi429)
        return QStringLiteral("answers each run's first report with 429 and Retry-After: 1");
    if (fault == kBrokerRestart)
        return QStringLiteral("after the first run, the broker goes away for 3 s and comes back "
                              "with its log and committed offsets");
    if (fault == kApiSlow)
        return QStringLiteral("answers each report after 3 s");
    if (fault == kRebalance)
        return QStringLiteral("starts a second copy of the consumer in the same group halfway "
                              "(needs a real broker: --broker)");
    return {};
}

/// Seconds the broker stays down in a broker-restart round / a slow answer takes.
inline constexpr int kBrokerDownMs = 3000;
inline constexpr int kSlowAnswerMs = 3000;
/// rebalance: how long after the second copy starts the second half of the runs goes out. The
/// group rebalances meanwhile (the copy starts and joins in ~1 s; a kafka-python member notices
/// the rebalance at its next heartbeat, every 3 s), so the first half is handed over mid-work and
/// the check cannot end before the partitions have changed hands (measured on Kafka 3.9.1).
inline constexpr int kRebalanceDelayMs = 8000;

/// Why the sandbox's own broker cannot hold a rebalance round (librdkafka 2.0.2's mock cluster,
/// rdkafka_mock_cgrp.c): a member joining a settled group waits session.timeout.ms - 1 s for the
/// rebalance, and the group is "up" as soon as the leader's SyncGroup assigns every member, so a
/// follower whose SyncGroup arrives after the leader's is answered INVALID_REQUEST (42), which
/// kafka-python raises out of poll(). The round would blame the consumer for the broker.
inline QString rebalanceNeedsBroker()
{
    return QStringLiteral("needs a real Kafka broker (check-consumer --broker HOST:PORT): the "
                          "sandbox's mock broker cannot hold a group of two (a late SyncGroup "
                          "gets INVALID_REQUEST)");
}

} // namespace CheckFaults
} // namespace porthole
