// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

#include "template/jqengine.h"

#include <optional>

// render and template run jq the same way: --timeout-ms and --in-process.
namespace porthole::cli {

/// The jq run options, declared once; each command adds them where its help lists them.
struct JqRunOptions
{
    QCommandLineOption timeout;
    QCommandLineOption inProcess;

    JqRunOptions();

    /// The limits the parsed options ask for. On error prints "porthole-cli: COMMAND: why" and
    /// returns nullopt.
    std::optional<JqLimits> read(const QCommandLineParser& parser, const QString& command) const;
};

} // namespace porthole::cli
