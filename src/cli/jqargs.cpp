// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqargs.h"

#include "command.h"

namespace porthole::cli {

JqRunOptions::JqRunOptions()
    : timeout(QStringLiteral("timeout-ms"),
              QStringLiteral("Per-expression time limit (default 5000)."), QStringLiteral("MS"),
              QStringLiteral("5000")),
      inProcess(QStringLiteral("in-process"),
                QStringLiteral("Run jq inside this process (faster, no time or memory limit)."))
{}

std::optional<JqLimits> JqRunOptions::read(const QCommandLineParser& parser,
                                           const QString& command) const
{
    bool ok = false;
    JqLimits limits;
    limits.timeoutMs = parser.value(timeout).toInt(&ok);
    if (!ok || limits.timeoutMs <= 0) {
        fail(command, QStringLiteral("--timeout-ms must be a positive number"), UsageError);
        return std::nullopt;
    }
    limits.isolation = parser.isSet(inProcess) ? Isolation::InProcess : Isolation::Fork;
    return limits;
}

} // namespace porthole::cli
