// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaerrors.h"

#include "rdkafkaptr.h"

#include <cctype>
#include <regex>

namespace porthole::KafkaErrors {

bool notKafka(const std::string& text)
{
    return text.find("Invalid response size") != std::string::npos &&
           text.find("APIVERSION_QUERY") != std::string::npos;
}

bool handshakeCutOff(const std::string& text)
{
    return text.find("SSL handshake failed") != std::string::npos &&
           text.find("Disconnected") != std::string::npos &&
           text.find("certificate verify failed") == std::string::npos;
}

std::optional<std::string> fatalConnectionError(int code, const std::string& text)
{
    if (code == RD_KAFKA_RESP_ERR__AUTHENTICATION ||
        code == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED ||
        code == RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM)
        return "authentication failed (check the user name, the password and the SASL "
               "mechanism): " +
               text;
    if (code == RD_KAFKA_RESP_ERR__SSL || text.find("SSL handshake failed") != std::string::npos) {
        if (text.find("certificate verify failed") != std::string::npos ||
            text.find("could not be verified") != std::string::npos)
            return "TLS certificate verification failed (check the CA file): " + text;
        return "TLS handshake failed (check the security protocol and the certificates): " + text;
    }
    // The first request (ApiVersion) got an answer that is not Kafka: a size prefix beyond any
    // limit is what a TLS alert or an HTTP server looks like. Later in a connection the same
    // words mean a really large response (a huge message), which waiting will not fix either but
    // which is not this.
    if (notKafka(text))
        return "the server does not speak the Kafka protocol (check the host and port; a TLS "
               "listener needs security.protocol=SSL or SASL_SSL, which Port's brokers use): " +
               text;
    return std::nullopt;
}

std::string readable(const std::string& text)
{
    // Patterns from librdkafka 2.0's rdkafka_broker.c; text that matches none stays as it is.
    static const std::regex state(R"( ?\((?:after \d+ms in state [A-Z_]+(?:, )?)?)"
                                  R"((?:\d+ identical error\(s\) suppressed)?\))");
    static const std::regex coordinator(R"(GroupCoordinator(?:/\d+)?: )");
    static const std::regex broker(R"((?:[a-z_]+://)?([^\s/]+:\d+)/(?:bootstrap|\d+): )");
    static const std::regex connect(R"(Connect to ipv[46]#\S+ failed: )");
    static const std::regex down(R"((\d+)/(\d+) brokers are down)");
    std::string s = std::regex_replace(text, state, "");
    s = std::regex_replace(s, coordinator, "");
    s = std::regex_replace(s, broker, "$1: ");
    s = std::regex_replace(s, connect, "");
    std::smatch m;
    if (std::regex_search(s, m, down) && m[1] == m[2])
        s = m.prefix().str() + (m[1] == "1" ? "the broker is down" : "all brokers are down") +
            m.suffix().str();
    // "Disconnected" mid-sentence reads "disconnected"; acronyms (SSL, SASL) stay.
    for (size_t at = s.find(": "); at != std::string::npos; at = s.find(": ", at + 2)) {
        const size_t i = at + 2;
        if (i + 1 < s.size() && std::isupper(static_cast<unsigned char>(s[i])) &&
            std::islower(static_cast<unsigned char>(s[i + 1])))
            s[i] = char(std::tolower(static_cast<unsigned char>(s[i])));
    }
    while (!s.empty() && s.back() == ' ')
        s.pop_back();
    return s;
}

std::string explain(int code, const std::string& text, const std::string& topic)
{
    const std::string of = topic.empty() ? std::string() : " " + topic;
    switch (code) {
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
        return "not authorized for topic" + of + " (" + text + ")";
    case RD_KAFKA_RESP_ERR_GROUP_AUTHORIZATION_FAILED:
        return "the consumer group is not authorized (" + text + ")";
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
        return "topic" + of + " does not exist (" + text + ")";
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
        return "the message is too large for message.max.bytes (raise it with -X "
               "message.max.bytes=N, up to the broker's own limit) (" +
               text + ")";
    case RD_KAFKA_RESP_ERR__MSG_TIMED_OUT:
        return "not delivered in time; is the broker reachable? (" + text + ")";
    default:
        return text;
    }
}

} // namespace porthole::KafkaErrors
