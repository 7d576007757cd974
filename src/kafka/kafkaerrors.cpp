#include "kafkaerrors.h"

#include "rdkafkaptr.h"

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
