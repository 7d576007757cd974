// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaerrors.h"

#include "rdkafkaptr.h"

#include <cctype>
#include <cstring>
#include <regex>

namespace porthole::KafkaErrors {
namespace {

bool has(const std::string& text, const char* needle)
{
    return text.find(needle) != std::string::npos;
}

// "host:port" of the broker librdkafka names ("ssl://h:9196/1: ", "h:9092/bootstrap: "), else
// the address it connected to ("Connect to ipv4#127.0.0.1:9 failed"); empty when neither.
std::string brokerOf(const std::string& text)
{
    static const std::regex broker(R"((?:[a-z_]+://)?([^\s/]+:\d+)/(?:bootstrap|\d+): )");
    static const std::regex address(R"(ipv[46]#(\S+) failed)");
    std::smatch m;
    if (std::regex_search(text, m, broker) || std::regex_search(text, m, address))
        return m[1];
    return {};
}

// "b-1.example.com:9092" → "b-1.example.com", "[::1]:9092" → "::1".
std::string hostOf(std::string hostPort)
{
    const size_t colon = hostPort.rfind(':');
    if (colon != std::string::npos && colon > 0 &&
        hostPort.find_first_not_of("0123456789", colon + 1) == std::string::npos)
        hostPort.erase(colon);
    if (hostPort.size() > 2 && hostPort.front() == '[' && hostPort.back() == ']')
        hostPort = hostPort.substr(1, hostPort.size() - 2);
    return hostPort;
}

// What librdkafka says after `marker` (or all of it), without its internals or broker name.
std::string after(const std::string& text, const char* marker = nullptr)
{
    const size_t at = marker ? text.find(marker) : std::string::npos;
    std::string rest = readable(at == std::string::npos ? text : text.substr(at + strlen(marker)));
    const std::string broker = brokerOf(text);
    if (!broker.empty() && rest.rfind(broker + ": ", 0) == 0)
        rest.erase(0, broker.size() + 2);
    return rest;
}

} // namespace

std::string cause(const std::string& text)
{
    std::smatch m;
    static const std::regex resolve(R"(Failed to resolve '([^']*)')");
    if (std::regex_search(text, m, resolve))
        return "cannot resolve host " + hostOf(m[1]) + " (is the address right?)";
    const std::string at = brokerOf(text);
    const std::string peer = at.empty() ? std::string("the server") : at;
    if (has(text, "Connection refused"))
        return "connection refused by " + peer + " (is the broker running, is the port right?)";
    if (has(text, "Connection timed out") || has(text, "Connection setup timed out"))
        return "no answer from " + peer +
               " (connection timed out: check the address and any "
               "firewall)";
    if (has(text, "SSL handshake failed") || has(text, "state SSL_HANDSHAKE") ||
        has(text, "certificate verify failed")) {
        if (has(text, "certificate verify failed") || has(text, "could not be verified"))
            return "TLS handshake failed: the certificate of " + peer +
                   " is not trusted (check the CA file)";
        if (has(text, "Disconnected") || has(text, "Connection reset"))
            return "TLS handshake failed: " + peer +
                   " closed the connection (is it a TLS listener? check the security protocol)";
        return "TLS handshake failed: " + after(text, "SSL handshake failed: ");
    }
    if (notKafka(text))
        return peer + " does not speak the Kafka protocol (check the host and port; a TLS "
                      "listener needs security.protocol=SSL or SASL_SSL)";
    if (has(text, "SASL") || has(text, "Authentication failed")) {
        static const std::regex mechanism(R"(SASL mechanism ([A-Z0-9-]+))");
        const std::string named =
            std::regex_search(text, m, mechanism) ? " " + m[1].str() : std::string();
        if (has(text, "not supported by broker"))
            return "authentication failed (SASL is not offered by " + peer +
                   ": check the security protocol)";
        if (has(text, "invalid credentials"))
            return "authentication failed (SASL" + named + ": wrong user name or password)";
        return "authentication failed (" + after(text) + ")";
    }
    return {};
}

std::string summary(const std::string& text)
{
    const std::string c = cause(text);
    return c.empty() ? readable(text) : c;
}

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
        // Down names no cause (a name that does not resolve is "down" too): cause() has it.
        s = m.prefix().str() +
            (m[1] == "1" ? "the broker cannot be reached" : "no broker can be reached") +
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
