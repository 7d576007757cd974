// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace porthole {

// Port's message signature, exactly as Port's execution agent checks it: the message without
// headers["X-Port-Signature"] and headers["X-Port-Timestamp"] (an empty "headers":{} stays),
// re-serialised like Python's json.dumps(msg, separators=(",", ":"), ensure_ascii=False),
// HMAC-SHA256 over "<timestamp>.<text>" with the client secret, written "v1,<base64>".
// Used by `publish --sign`, `watch --verify`, the app and the sandbox.
class PortSignature
{
public:
    static constexpr std::string_view kSignatureHeader = "X-Port-Signature";
    static constexpr std::string_view kTimestampHeader = "X-Port-Timestamp";

    /// A message ready to be signed many times: the wire text around the signature and the
    /// timestamp (the rest of the original bytes are kept as they were), and the canonical text.
    struct Prepared
    {
        std::string head;           ///< wire text up to the signature's value
        std::string middle;         ///< between the signature and the timestamp
        std::string tail;           ///< after the timestamp
        std::string canonical;      ///< what is signed after "<ts>."
        bool loneSurrogate = false; ///< Python cannot encode it: the agent fails to verify
    };

    enum class Status
    {
        Valid,
        Invalid,
        Missing
    };
    /// The result of checking one message.
    struct Check
    {
        Status status = Status::Missing;
        std::optional<double> ageS; ///< now minus X-Port-Timestamp, when that is a number
        std::string reason;         ///< why it is invalid or missing (empty when valid)
    };

    /// Parses a message value for signing; nullopt with `error` set when it is not a JSON
    /// object Python can read, or its "headers" is not an object.
    static std::optional<Prepared> prepare(std::string_view message, std::string* error);
    /// The message with both headers set, signed at `timestamp` (seconds) with `secret`.
    static std::string sign(const Prepared& prepared, int64_t timestamp, std::string_view secret);
    /// prepare + sign in one go; nullopt with `error` set when the message cannot be signed.
    static std::optional<std::string> sign(std::string_view message, int64_t timestamp,
                                           std::string_view secret, std::string* error);
    /// "v1," + base64(HMAC-SHA256(secret, "<timestamp>.<canonical>")).
    static std::string signature(std::string_view canonical, std::string_view timestamp,
                                 std::string_view secret);
    /// Checks a received message at time `nowS` (seconds since the epoch).
    static Check verify(std::string_view message, std::string_view secret, double nowS);
    /// True when Port's execution agent acts on the message:
    /// payload.action.invocationMethod.agent is true.
    static bool addressedToAgent(std::string_view message);
    /// "valid", "invalid" or "missing".
    static const char* statusName(Status status);
};

} // namespace porthole
