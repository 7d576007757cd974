// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionprofile.h"

namespace porthole {
namespace {

// Field name and member pointer, so JSON reading and writing cannot drift apart.
struct Field
{
    const char* name;
    std::string ConnectionProfile::*member;
};

constexpr Field kFields[] = {
    {"name", &ConnectionProfile::name},
    {"bootstrapServers", &ConnectionProfile::bootstrapServers},
    {"securityProtocol", &ConnectionProfile::securityProtocol},
    {"saslMechanism", &ConnectionProfile::saslMechanism},
    {"username", &ConnectionProfile::username},
    {"caFile", &ConnectionProfile::caFile},
    {"certFile", &ConnectionProfile::certFile},
    {"keyFile", &ConnectionProfile::keyFile},
    {"orgId", &ConnectionProfile::orgId},
};

ConnectionProfile portPreset(const char* name, const char* cluster, const char* region)
{
    ConnectionProfile p;
    p.name = name;
    for (int b = 1; b <= 3; ++b) {
        if (b > 1)
            p.bootstrapServers += ',';
        p.bootstrapServers += "b-" + std::to_string(b) + "-public." + cluster + ".kafka." + region +
                              ".amazonaws.com:9196";
    }
    p.securityProtocol = "SASL_SSL";
    p.saslMechanism = "SCRAM-SHA-512";
    return p;
}

} // namespace

JsonValue ConnectionProfile::toJson() const
{
    JsonValue json = JsonValue::object();
    for (const auto& f : kFields)
        json.set(f.name, this->*f.member);
    JsonValue props = JsonValue::object();
    for (const auto& [k, v] : extra)
        if (!KafkaConfig::isSecret(k))
            props.set(k, v);
    json.set("extra", props);
    return json;
}

std::optional<ConnectionProfile> ConnectionProfile::fromJson(const JsonValue& json,
                                                             std::string* error)
{
    if (!json.isObject()) {
        *error = "a profile must be a JSON object";
        return std::nullopt;
    }
    ConnectionProfile p;
    for (const auto& f : kFields) {
        const JsonValue& v = json[f.name];
        if (v.isUndefined())
            continue;
        if (!v.isString()) {
            *error = std::string("profile field '") + f.name + "' must be a string";
            return std::nullopt;
        }
        p.*f.member = v.toString();
    }
    const JsonValue& extra = json["extra"];
    if (!extra.isUndefined() && !extra.isObject()) {
        *error = "profile field 'extra' must be an object of strings";
        return std::nullopt;
    }
    for (const auto& [k, v] : extra.members()) {
        if (!v.isString()) {
            *error = "extra property '" + k + "' must be a string";
            return std::nullopt;
        }
        if (!KafkaConfig::isSecret(k))
            p.extra.emplace_back(k, v.toString());
    }
    return p;
}

KafkaConfig ConnectionProfile::toKafkaConfig(const std::string& password) const
{
    KafkaConfig c;
    c.set("bootstrap.servers", bootstrapServers);
    if (!securityProtocol.empty())
        c.set("security.protocol", securityProtocol);
    if (!saslMechanism.empty())
        c.set("sasl.mechanisms", saslMechanism);
    if (!username.empty())
        c.set("sasl.username", username);
    if (!password.empty())
        c.set("sasl.password", password);
    if (!caFile.empty())
        c.set("ssl.ca.location", caFile);
    if (!certFile.empty())
        c.set("ssl.certificate.location", certFile);
    if (!keyFile.empty())
        c.set("ssl.key.location", keyFile);
    for (const auto& [k, v] : extra)
        c.set(k, v);
    return c;
}

// Broker lists as published in Port's docs (Kafka self-service setup and the US-region tip);
// they stay editable in case Port moves its clusters.
ConnectionProfile ConnectionProfile::portEu()
{
    return portPreset("port-eu", "publicclusterprod.t9rw6w.c1", "eu-west-1");
}

ConnectionProfile ConnectionProfile::portUs()
{
    return portPreset("port-us", "production.5v06xt.c21", "us-east-1");
}

ConnectionProfile ConnectionProfile::sandbox(const std::string& bootstrap, const std::string& org)
{
    ConnectionProfile p;
    p.name = "sandbox";
    p.bootstrapServers = bootstrap;
    p.orgId = org;
    return p;
}

std::vector<ConnectionProfile> ConnectionProfile::presets()
{
    return {portEu(), portUs(), sandbox()};
}

} // namespace porthole
