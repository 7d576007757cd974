#pragma once

#include <optional>
#include <string>

namespace porthole::KafkaErrors {

// librdkafka retries everything forever; these tell the errors that will not heal by waiting
// (bad credentials, an untrusted certificate) from the ones that might, and say them in words.

/// A readable sentence when (code, text) from librdkafka's error callback means the
/// connection cannot work as configured: authentication or TLS failures.
std::optional<std::string> fatalConnectionError(int code, const std::string& text);

/// True when librdkafka's text says the peer answered its first request with something that is
/// not Kafka (an HTTP server, a TLS listener reached without TLS, random bytes).
bool notKafka(const std::string& text);

/// A TLS handshake the peer closed before it finished (no certificate verdict was reached).
bool handshakeCutOff(const std::string& text);

/// A delivery or metadata error in words ("not authorized for topic …" and the like), with
/// librdkafka's own text in parentheses.
std::string explain(int code, const std::string& text, const std::string& topic = {});

} // namespace porthole::KafkaErrors
