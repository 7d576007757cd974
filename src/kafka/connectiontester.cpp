// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectiontester.h"

#include "kafkaerrors.h"
#include "rdkafkaptr.h"

#include <chrono>
#include <cstdio>
#include <vector>

namespace porthole::ConnectionTester {
namespace {

struct Collected
{
    std::vector<std::pair<int, std::string>> errors;
};

void onError(rd_kafka_t*, int err, const char* reason, void* opaque)
{
    static_cast<Collected*>(opaque)->errors.emplace_back(err, reason);
}

bool isTls(int err, const std::string& text)
{
    return err == RD_KAFKA_RESP_ERR__SSL || text.find("SSL") != std::string::npos ||
           text.find("certificate") != std::string::npos;
}

bool isAuth(int err, const std::string& text)
{
    return err == RD_KAFKA_RESP_ERR__AUTHENTICATION ||
           err == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED ||
           err == RD_KAFKA_RESP_ERR_UNSUPPORTED_SASL_MECHANISM ||
           err == RD_KAFKA_RESP_ERR_ILLEGAL_SASL_STATE || text.find("SASL") != std::string::npos;
}

ConnectionVerdict verdict(ConnectionVerdict::Result r, std::string message, std::string detail = {})
{
    return {r, std::move(message), std::move(detail)};
}

// The cause in the user's words (KafkaErrors::cause), else `fallback`.
std::string said(const std::string& text, const char* fallback)
{
    std::string cause = KafkaErrors::cause(text);
    return cause.empty() ? std::string(fallback) : cause;
}

} // namespace

ConnectionVerdict test(const KafkaConfig& config, const std::string& topic, int timeoutMs)
{
    using R = ConnectionVerdict::Result;
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(timeoutMs);
    const auto left = [&] {
        return int(
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count());
    };

    KafkaConfig c;
    c.set("socket.connection.setup.timeout.ms", std::to_string(std::max(1000, timeoutMs)));
    c.set("allow.auto.create.topics", "false");
    c.set("log_level", "0"); // errors arrive through the error callback instead
    c.merge(config);
    std::string why;
    RdConfPtr conf = buildConf(c, &why);
    if (!conf)
        return verdict(R::ConfigError, "the connection settings are invalid", why);
    Collected collected;
    rd_kafka_conf_set_opaque(conf.get(), &collected);
    rd_kafka_conf_set_error_cb(conf.get(), &onError);
    RdKafkaPtr rk = newHandle(RD_KAFKA_CONSUMER, std::move(conf), &why);
    if (!rk)
        return verdict(R::ConfigError, "the connection settings are invalid", why);

    std::string lastNetwork, unreachable;
    bool allDown = false;
    const auto started = Clock::now();
    while (left() > 0) {
        // All topics, not just ours: asking for one topic by name makes brokers that
        // auto-create topics (the sandbox among them) create it.
        const rd_kafka_metadata_t* raw = nullptr;
        const rd_kafka_resp_err_t err =
            rd_kafka_metadata(rk.get(), 1, nullptr, &raw, std::min(1000, std::max(1, left())));
        RdMetadataPtr md(raw);
        rd_kafka_poll(rk.get(), 0); // serve the error callback
        for (const auto& [code, text] : collected.errors) {
            if (isTls(code, text))
                return verdict(R::TlsFailure,
                               said(text, "the TLS handshake failed (check the security protocol "
                                          "and the CA file)"),
                               text);
            if (isAuth(code, text))
                return verdict(R::AuthFailed,
                               said(text, "authentication failed (check the user name, the "
                                          "password and the SASL mechanism)"),
                               text);
            if (KafkaErrors::notKafka(text))
                return verdict(R::Failed, KafkaErrors::cause(text), text);
            if (code == RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
                allDown = true;
            // "1/1 brokers are down" follows the error that says why (a name that does not
            // resolve, a refused connection): that one is the answer.
            if (unreachable.empty() && !KafkaErrors::cause(text).empty()) {
                unreachable = KafkaErrors::cause(text);
                lastNetwork = text;
            }
            if (unreachable.empty())
                lastNetwork = text;
        }
        collected.errors.clear();
        if (!err && md) {
            const std::string where =
                std::to_string(md->broker_cnt) +
                (md->broker_cnt == 1 ? " broker answered" : " brokers answered");
            if (topic.empty()) // no organisation id yet: the brokers and credentials are tested
                return verdict(R::Ok, "connected: " + where +
                                          " (no organisation id: the runs topic was not checked)");
            for (int i = 0; i < md->topic_cnt; ++i) {
                const rd_kafka_metadata_topic_t& t = md->topics[i];
                if (topic != t.topic)
                    continue;
                if (t.err == RD_KAFKA_RESP_ERR_NO_ERROR)
                    return verdict(R::Ok, "connected: " + where + ", topic " + topic + " has " +
                                              std::to_string(t.partition_cnt) + " partitions");
                if (t.err == RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
                    return verdict(R::NotAuthorized,
                                   "connected, but this user may not use topic " + topic,
                                   rd_kafka_err2str(t.err));
                return verdict(R::Failed, "topic " + topic + ": " + rd_kafka_err2str(t.err));
            }
            // Not listed: ask for it by name to tell "missing" from "not authorized". A
            // broker that creates topics on lookup (the sandbox) answers with a new topic;
            // it still did not exist.
            RdTopicPtr rkt(rd_kafka_topic_new(rk.get(), topic.c_str(), nullptr));
            const rd_kafka_metadata_t* one = nullptr;
            const rd_kafka_resp_err_t oerr = rd_kafka_metadata(rk.get(), 0, rkt.get(), &one,
                                                               std::min(5000, std::max(1, left())));
            RdMetadataPtr byName(one);
            if (!oerr && byName && byName->topic_cnt == 1 &&
                byName->topics[0].err == RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED)
                return verdict(R::NotAuthorized,
                               "connected, but this user may not use topic " + topic,
                               rd_kafka_err2str(byName->topics[0].err));
            return verdict(R::TopicMissing,
                           "connected (" + where + "), but topic " + topic + " does not exist");
        }
        // A refused connection repeats forever; a few seconds of it is answer enough.
        if (allDown && Clock::now() - started > std::chrono::seconds(3))
            break;
    }
    // The time actually waited: a refused connection ends the wait early.
    const auto waitedMs =
        std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - started).count();
    char waited[32];
    std::snprintf(waited, sizeof waited, "%.1f", double(waitedMs) / 1000.0);
    if (!unreachable.empty())
        return verdict(R::Unreachable, unreachable, lastNetwork);
    return verdict(R::Unreachable,
                   std::string(allDown ? "no broker answered (the connection was closed) in "
                                       : "no broker answered within ") +
                       waited + " s",
                   lastNetwork);
}

const char* resultName(ConnectionVerdict::Result result)
{
    using R = ConnectionVerdict::Result;
    switch (result) {
    case R::Ok:
        return "ok";
    case R::ConfigError:
        return "config-error";
    case R::Unreachable:
        return "unreachable";
    case R::TlsFailure:
        return "tls-failure";
    case R::AuthFailed:
        return "auth-failed";
    case R::TopicMissing:
        return "topic-missing";
    case R::NotAuthorized:
        return "not-authorized";
    case R::Failed:
        break;
    }
    return "failed";
}

} // namespace porthole::ConnectionTester
