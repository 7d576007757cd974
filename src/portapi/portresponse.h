// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

// Reading what Port's API answers. Nothing here trusts the bytes: bodies may be empty, binary,
// truncated or not JSON at all, and headers may hold anything.
namespace porthole::PortResponse {

/// The message Port put in an error body ({"ok":false,"error","message"}), else an excerpt of
/// the body; always one printable line of at most 500 characters (and an ellipsis).
QString errorMessage(const QByteArray& body);

/// Retry-After (delay-seconds or an HTTP date) in milliseconds from `now`, at most a day;
/// -1 when absent or unreadable.
qint64 retryAfterMs(const QByteArray& value, const QDateTime& now);

/// What POST /v1/auth/access_token answers.
struct Token
{
    QString accessToken;
    qint64 expiresInS = 0; ///< clamped to [0, one year]; Port's tokens live three hours
};

/// The token in a login answer; nullopt when there is none.
std::optional<Token> parseToken(const QByteArray& body);

/// What GET /v1/kafka-credentials answers: {"credentials":{"brokers":[…],"username","password"}}.
struct KafkaCredentials
{
    QStringList brokers; ///< host:port each, in Port's order
    QString username;    ///< empty for a broker without SASL (the sandbox's)
    QString password;    ///< a secret: never logged, never in settings
};

/// The credentials in a kafka-credentials answer; nullopt (and `error`) when the answer has no
/// brokers list or its members have the wrong types.
std::optional<KafkaCredentials> parseKafkaCredentials(const QByteArray& body, QString* error);

/// organization.id in a GET /v1/organization answer; empty when missing or not a string.
QString parseOrganizationId(const QByteArray& body);
/// What a refusal (422, 400, 404, …) says, taken apart for a reader.
struct Problem
{
    QString error;   ///< Port's short code ("invalid_request"), empty when absent
    QString message; ///< one printable line (errorMessage())
    /// The body field the refusal is about ("result", "logs[0].logLevel", "output"), empty when
    /// the answer names none.
    QString field;
};

/// Reads Port's error body {"ok":false,"error","message"} (port-reference.md §5), plus what
/// validation libraries add (a "details"/"errors" array of {instancePath|dataPath|path|field,
/// message}, or messages such as "body/status must be …", "body must have required property
/// 'result'"), and finds which field is wrong. Never trusts the bytes.
Problem problem(const QByteArray& body);

} // namespace porthole::PortResponse
