// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <variant>

namespace porthole::cli {

/// What `porthole-cli sandbox` was asked to run.
struct SandboxArgs
{
    QString org = QStringLiteral("sandbox");
    uint16_t kafkaPort = 0; ///< 0: a free one
    uint16_t apiPort = 0;   ///< 0: a free one
};

/// Parses sandbox's arguments (args[0] is "sandbox"). An int is the exit code after --help or
/// a usage error, already printed as the command always has.
std::variant<int, SandboxArgs> parseSandboxArgs(const QStringList& args);

} // namespace porthole::cli
