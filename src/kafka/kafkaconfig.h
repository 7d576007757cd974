// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace porthole {

/// librdkafka properties in the order they were given (later ones win, as with kcat -X).
/// Values are passed to librdkafka verbatim; validate() lets librdkafka itself judge them.
class KafkaConfig
{
public:
    using Property = std::pair<std::string, std::string>;

    /// Sets (or replaces) a property.
    void set(std::string_view key, std::string_view value);
    /// The property's value, if set.
    std::optional<std::string> get(std::string_view key) const;
    /// Removes a property (no-op when absent).
    void remove(std::string_view key);
    /// All properties in order.
    const std::vector<Property>& properties() const { return m_properties; }
    /// Applies every property of `other` on top of this one.
    void merge(const KafkaConfig& other);

    /// "" when librdkafka accepts every property, else "KEY: librdkafka's own error text".
    std::string validate() const;

    /// Splits "key=value" (the -X syntax); nullopt with a reason when there is no '='.
    static std::optional<Property> parseAssignment(std::string_view text, std::string* error);

    /// True for properties holding secrets (never printed, never stored).
    static bool isSecret(std::string_view key);

private:
    std::vector<Property> m_properties;
};

} // namespace porthole
