// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "core/runid.h"
#include "kafka/kafkaconfig.h"
#include "portapi/portclientconfig.h"

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace porthole::cli {

/// What `porthole-cli diagnose` was asked to do, checked but not started.
struct DiagnoseArgs
{
    RunId run;          ///< wfr_…, wfnr_… or r_…
    KafkaConfig config; ///< --bootstrap/--profile + -X
    std::string org;
    std::string topic;                   ///< ORG.runs
    std::vector<std::string> groups;     ///< --group; empty: list ORG.* where the broker can
    std::optional<PortClientConfig> api; ///< --api with its credentials
    std::optional<int64_t> sinceMs;      ///< --since, epoch ms
    bool json = false;                   ///< --format json
    int timeoutMs = 10000;               ///< --timeout: connecting, each broker query
};

/// Parses diagnose's arguments (args[0] is "diagnose"); `nowMs` anchors a relative --since.
/// Reads PORT_TOKEN/PORT_CLIENT_ID/PORT_CLIENT_SECRET. An int is the exit code after --help or
/// a usage error, already printed.
std::variant<int, DiagnoseArgs> parseDiagnoseArgs(const QStringList& args, int64_t nowMs);

/// --since: an ISO 8601 date-time (UTC unless it says otherwise), @EPOCH_MS, or a duration ago
/// (90s, 15m, 2h, 3d); nullopt for anything else.
std::optional<int64_t> parseSince(const QString& text, int64_t nowMs);

} // namespace porthole::cli
