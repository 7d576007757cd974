// SPDX-License-Identifier: GPL-3.0-or-later
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

/// librdkafka's text without its internals, for a message's main line: broker names
/// ("sasl_ssl://host:9196/1: ", "host:9092/bootstrap: ") become "host:9196: ", and the state
/// machine notes ("(after 193ms in state UP)", "1 identical error(s) suppressed", "Connect to
/// ipv4#… failed: ") go. "sasl_ssl://127.0.0.1:58317/1: Disconnected (after 193ms in state UP)"
/// reads "127.0.0.1:58317: disconnected". Show the original in details or a tooltip.
std::string readable(const std::string& text);

/// The cause of a connection failure in words a user acts on, read from librdkafka's text
/// (a prefix of ours may come first): "cannot resolve host b-1.example.com", "connection
/// refused by 127.0.0.1:9", "no answer from h:9092 (connection timed out)", "TLS handshake
/// failed: …", "authentication failed (SASL …)", "h:9092 does not speak the Kafka protocol …".
/// Empty when the text names none of them ("1/1 brokers are down" names no cause).
std::string cause(const std::string& text);

/// The one line to show for an error text: its cause() when it has one, else readable(text).
/// librdkafka's own text belongs in a Details expander or a tooltip, not under this line.
std::string summary(const std::string& text);

/// A delivery or metadata error in words ("not authorized for topic …" and the like), with
/// librdkafka's own text in parentheses.
std::string explain(int code, const std::string& text, const std::string& topic = {});

} // namespace porthole::KafkaErrors
