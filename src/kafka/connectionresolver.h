// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkaconfig.h"

#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// Connection settings ready for librdkafka, with the organisation they belong to (if known).
struct ResolvedConnection
{
    KafkaConfig config;
    std::string org;
};

// The command-line way to say where Kafka is: --bootstrap or --profile, then -X properties.
// Secrets come from the environment (KAFKA_USERNAME, KAFKA_PASSWORD) or -X, never from files.
namespace ConnectionResolver {

/// Builds the settings from exactly one of `bootstrap` / `profileName` plus `assignments`
/// ("key=value"); validates them with librdkafka. nullopt with a readable reason on error.
std::optional<ResolvedConnection> resolve(const std::string& bootstrap,
                                          const std::string& profileName,
                                          const std::vector<std::string>& assignments,
                                          std::string* error);

} // namespace ConnectionResolver
} // namespace porthole
