// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCommandLineParser>

#include "kafka/connectionresolver.h"

#include <optional>
#include <string>
#include <vector>

// publish and watch say where Kafka is the same way: --bootstrap or --profile, then -X.
namespace porthole::cli {

/// The connection options, declared once; each command adds them where its help lists them.
struct KafkaConnectionOptions
{
    QCommandLineOption bootstrap;
    QCommandLineOption profile;
    QCommandLineOption property; ///< -X, repeatable

    /// `propertyHelp` is the -X help text (publish names its default timeout there).
    explicit KafkaConnectionOptions(const QString& propertyHelp);

    /// Resolves the parsed options; `defaults` are -X assignments that come first (so the
    /// user's -X override them). On error prints "porthole-cli: COMMAND: why", returns nullopt.
    std::optional<ResolvedConnection> resolve(const QCommandLineParser& parser,
                                              const QString& command,
                                              std::vector<std::string> defaults = {}) const;
};

} // namespace porthole::cli
