// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <optional>
#include <variant>

namespace porthole::cli {

/// What `porthole-cli lint` was asked to do (files named, not read yet).
struct LintArgs
{
    QString nodeFile;
    bool json = false;                   ///< --format json
    std::optional<QString> contextFile;  ///< also evaluate the templates against it
    std::optional<QString> workflowFile; ///< --workflow: lint a whole workflow (no NODE.json)
};

/// Parses lint's arguments (args[0] is "lint"). An int is the exit code after --help or a
/// usage error, already printed as the command always has.
std::variant<int, LintArgs> parseLintArgs(const QStringList& args);

} // namespace porthole::cli
