// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"
#include "kafkaconfig.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace porthole {

/// How to reach a Kafka cluster. The password is never part of a profile: the GUI keeps it in
/// the keyring, the CLI reads KAFKA_PASSWORD or -X sasl.password=….
struct ConnectionProfile
{
    std::string name;
    std::string bootstrapServers;               ///< "host:port,host:port"
    std::string securityProtocol = "PLAINTEXT"; ///< PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL
    std::string saslMechanism;                  ///< PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 or ""
    std::string username;
    std::string caFile;
    std::string certFile;
    std::string keyFile;
    std::string orgId;
    std::vector<KafkaConfig::Property> extra; ///< passed to librdkafka verbatim

    /// The profile as JSON; secret-looking extra properties are left out.
    JsonValue toJson() const;
    /// Reads toJson()'s shape; nullopt with a reason when a field has the wrong type.
    static std::optional<ConnectionProfile> fromJson(const JsonValue& json, std::string* error);

    /// librdkafka properties for this profile (the password only when not empty).
    KafkaConfig toKafkaConfig(const std::string& password = {}) const;

    /// Port's EU cluster (SASL_SSL, SCRAM-SHA-512, port 9196; brokers from Port's docs).
    static ConnectionProfile portEu();
    /// Port's US cluster.
    static ConnectionProfile portUs();
    /// The embedded sandbox broker on 127.0.0.1.
    static ConnectionProfile sandbox(const std::string& bootstrap = "127.0.0.1:9092",
                                     const std::string& org = "sandbox");
    /// The three presets above.
    static std::vector<ConnectionProfile> presets();
};

} // namespace porthole
