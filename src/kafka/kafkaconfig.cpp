// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaconfig.h"

#include "rdkafkaptr.h"

#include <algorithm>

namespace porthole {

void KafkaConfig::set(std::string_view key, std::string_view value)
{
    for (auto& p : m_properties)
        if (p.first == key) {
            p.second = value;
            return;
        }
    m_properties.emplace_back(std::string(key), std::string(value));
}

std::optional<std::string> KafkaConfig::get(std::string_view key) const
{
    for (const auto& p : m_properties)
        if (p.first == key)
            return p.second;
    return std::nullopt;
}

void KafkaConfig::remove(std::string_view key)
{
    std::erase_if(m_properties, [&](const Property& p) { return p.first == key; });
}

void KafkaConfig::merge(const KafkaConfig& other)
{
    for (const auto& [k, v] : other.m_properties)
        set(k, v);
}

std::string KafkaConfig::validate() const
{
    std::string error;
    RdConfPtr conf = buildConf(*this, &error);
    return conf ? std::string() : error;
}

std::optional<KafkaConfig::Property> KafkaConfig::parseAssignment(std::string_view text,
                                                                  std::string* error)
{
    const size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq == 0) {
        *error = "expected property=value, got '" + std::string(text) + "'";
        return std::nullopt;
    }
    return Property{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

bool KafkaConfig::isSecret(std::string_view key)
{
    return key.find("password") != std::string_view::npos ||
           key.find("secret") != std::string_view::npos || key == "ssl.key.pem" ||
           key == "sasl.oauthbearer.config";
}

RdConfPtr buildConf(const KafkaConfig& config, std::string* error)
{
    RdConfPtr conf(rd_kafka_conf_new());
    char errstr[512];
    for (const auto& [key, value] : config.properties()) {
        if (rd_kafka_conf_set(conf.get(), key.c_str(), value.c_str(), errstr, sizeof errstr) !=
            RD_KAFKA_CONF_OK) {
            // librdkafka's text names the property already for unknown ones; keep it verbatim.
            *error = key + ": " + errstr;
            return nullptr;
        }
    }
    return conf;
}

} // namespace porthole

namespace porthole {

RdKafkaPtr newHandle(rd_kafka_type_t type, RdConfPtr conf, std::string* error)
{
    char errstr[512];
    rd_kafka_t* rk = rd_kafka_new(type, conf.get(), errstr, sizeof errstr);
    if (!rk) {
        *error = errstr; // conf is still ours on failure and is destroyed with the pointer
        return nullptr;
    }
    (void)conf.release(); // rd_kafka_new took it
    return RdKafkaPtr(rk);
}

} // namespace porthole
