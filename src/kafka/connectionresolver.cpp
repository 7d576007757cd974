// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionresolver.h"

#include "profilestore.h"

#include <QString>

namespace porthole::ConnectionResolver {

std::optional<ResolvedConnection> resolve(const std::string& bootstrap,
                                          const std::string& profileName,
                                          const std::vector<std::string>& assignments,
                                          std::string* error)
{
    if (bootstrap.empty() == profileName.empty()) {
        *error = "give exactly one of --bootstrap HOST:PORT or --profile NAME";
        return std::nullopt;
    }
    ResolvedConnection out;
    const std::string password = qEnvironmentVariable("KAFKA_PASSWORD").toStdString();
    const std::string username = qEnvironmentVariable("KAFKA_USERNAME").toStdString();
    if (!bootstrap.empty()) {
        out.config.set("bootstrap.servers", bootstrap);
    } else {
        ProfileStore store;
        const std::string path = ProfileStore::defaultPath();
        if (!store.load(path, error))
            return std::nullopt;
        auto profile = store.find(profileName);
        if (!profile) {
            *error = "no profile named '" + profileName + "' (saved in " + path +
                     "; presets: port-eu, port-us, sandbox)";
            return std::nullopt;
        }
        if (profile->username.empty())
            profile->username = username;
        out.config = profile->toKafkaConfig(password);
        out.org = profile->orgId;
    }
    for (const auto& a : assignments) {
        auto prop = KafkaConfig::parseAssignment(a, error);
        if (!prop)
            return std::nullopt;
        out.config.set(prop->first, prop->second);
    }
    // With --bootstrap, SASL settings may come from -X and the secrets from the environment.
    if (!bootstrap.empty() &&
        (out.config.get("sasl.mechanisms") || out.config.get("sasl.mechanism"))) {
        if (!out.config.get("sasl.username") && !username.empty())
            out.config.set("sasl.username", username);
        if (!out.config.get("sasl.password") && !password.empty())
            out.config.set("sasl.password", password);
    }
    if (std::string why = out.config.validate(); !why.empty()) {
        *error = why;
        return std::nullopt;
    }
    return out;
}

} // namespace porthole::ConnectionResolver
