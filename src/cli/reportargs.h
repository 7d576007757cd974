// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include "portapi/portclientconfig.h"
#include "portapi/portrequest.h"

#include <optional>
#include <variant>

namespace porthole::cli {

/// What `porthole-cli report` was asked to do: the requests, built and checked, not sent.
struct ReportArgs
{
    PortClientConfig config; ///< base URL, credentials, timeouts, retries, CA file
    QList<PortRequest> requests;
    bool printCurl = false;             ///< print curl commands, send nothing
    bool recordHistory = true;          ///< false with --no-history
    std::optional<QString> historyFile; ///< --history; absent: the default path
};

/// Parses report's arguments (args[0] is "report"); reads the environment (PORT_TOKEN, …)
/// but no file. An int is the exit code after --help or a usage/input error, already printed.
std::variant<int, ReportArgs> parseReportArgs(const QStringList& args);

} // namespace porthole::cli
