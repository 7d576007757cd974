// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkaconfig.h"

#include <string>

namespace porthole {

/// A readable answer to "can I use this cluster and topic?".
struct ConnectionVerdict
{
    enum class Result
    {
        Ok,
        ConfigError,   ///< librdkafka refused a property
        Unreachable,   ///< no broker answered (DNS, refused, timeout)
        TlsFailure,    ///< TLS handshake or certificate problem
        AuthFailed,    ///< SASL authentication failed or not offered
        TopicMissing,  ///< the cluster answered but the topic does not exist
        NotAuthorized, ///< the topic exists but this user may not use it
        Failed         ///< anything else
    };
    Result result = Result::Failed;
    std::string message; ///< one readable sentence
    std::string detail;  ///< librdkafka's own text, when there is one
    bool ok() const { return result == Result::Ok; }
};

// Instead of librdkafka's endless retries: one metadata round trip, the first decisive error
// wins, and the answer comes within the timeout whatever happens.
namespace ConnectionTester {

/// Connects with `config`, looks `topic` up, and returns a verdict within `timeoutMs`.
ConnectionVerdict test(const KafkaConfig& config, const std::string& topic, int timeoutMs = 10000);

/// "ok", "config-error", "unreachable", "tls-failure", "auth-failed", "topic-missing",
/// "not-authorized" or "failed".
const char* resultName(ConnectionVerdict::Result result);

} // namespace ConnectionTester
} // namespace porthole
