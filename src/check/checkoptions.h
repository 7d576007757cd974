// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <QString>
#include <QStringList>

#include <string>
#include <vector>

namespace porthole {

/// What a consumer check runs: the node, the contexts, how many runs, what to expect and the
/// team's consumer command. Checked by whoever builds it (CLI arguments, the app's dialog).
struct CheckOptions
{
    QString nodeName;                ///< shown in reports (the node file's name)
    std::string nodeText;            ///< the KAFKA node's JSON text
    std::vector<JsonValue> contexts; ///< run i uses contexts[i % size]; empty: workflow preset
    int count = 1;                   ///< runs to publish
    int rate = 0;                    ///< runs per second to publish at; 0: all at once
    int timeoutS = 60;               ///< how long to wait for reports after publishing
    int joinTimeoutS = 30;           ///< how long to wait for the consumer to join its group
    QString expectResult = QStringLiteral("SUCCESS"); ///< SUCCESS, FAILED or CANCELLED
    QString expectOutput; ///< a jq predicate on the node run's output; empty: none
    bool sign = false;    ///< sign messages like Port (X-Port-Signature)
    QString org = QStringLiteral("sandbox");
    QString program;          ///< the consumer's executable
    QStringList arguments;    ///< and its arguments
    QString workingDirectory; ///< empty: the current one
    QString fault;            ///< one of CheckFaults::all() for this round; empty: a calm day
    /// A real broker's bootstrap (PLAINTEXT) instead of the sandbox's mock one; its topic
    /// ORG.runs must exist with GroupProbe's partition count. Needed by the rebalance fault.
    QString broker;
};

} // namespace porthole
