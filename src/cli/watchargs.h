// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "kafka/watchoptions.h"

#include <optional>
#include <string>
#include <variant>

namespace porthole::cli {

/// What `porthole-cli watch` was asked to do, checked (the filter compiles) but not started.
struct WatchArgs
{
    WatchOptions options;              ///< connection, topic, org, partition, start, group
    long long limit = -1;              ///< --count; -1 = no limit
    bool exitAtEnd = false;            ///< --exit-at-end
    std::optional<std::string> filter; ///< --filter, a jq filter body
    int filterTimeoutMs = 1000;        ///< --filter-timeout: the most one message may take
    /// --verify: the client secret (PORT_CLIENT_SECRET or --client-secret) to check with.
    std::optional<std::string> verifySecret;
};

/// Parses watch's arguments (args[0] is "watch"). An int is the exit code after --help or a
/// usage error, already printed as the command always has.
std::variant<int, WatchArgs> parseWatchArgs(const QStringList& args);

} // namespace porthole::cli
