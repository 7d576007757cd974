// SPDX-License-Identifier: GPL-3.0-or-later
// Port's answers as the local API writes them ({"ok":false,"error","message"} and friends),
// shared by the handler's files; private to porthole_portapi.
#pragma once

#include "localportapihandler.h"
#include "portvalidator.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace porthole::localapi {

inline LocalApiReply json(int status, const QJsonObject& body)
{
    LocalApiReply reply;
    reply.status = status;
    reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return reply;
}

inline LocalApiReply failure(int status, const QString& error, const QString& message)
{
    return json(status, {{QStringLiteral("ok"), false},
                         {QStringLiteral("error"), error},
                         {QStringLiteral("message"), message}});
}

inline LocalApiReply ok(QJsonObject extra = {})
{
    extra.insert(QStringLiteral("ok"), true);
    return json(200, extra);
}

inline LocalApiReply invalid(const QString& message)
{
    return failure(422, QStringLiteral("invalid_request"), message);
}

inline LocalApiReply notFound(const QString& message)
{
    return failure(404, QStringLiteral("not_found"), message);
}

// A 404 for a run the store does not know; when the id is well formed the run may be on its
// way (published, not yet read), which LocalPortApi can wait for.
inline LocalApiReply unknown(const QString& message, const QString& id)
{
    LocalApiReply reply = notFound(message);
    reply.unknownRun = PortValidator::isNodeRunId(id) || PortValidator::isWorkflowRunId(id) ||
                       PortValidator::isActionRunId(id);
    return reply;
}

// Parses a JSON object body; on failure fills `reply` with Port's 400 answer.
inline bool parseObject(const QByteArray& body, QJsonObject* out, LocalApiReply* reply)
{
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject()) {
        *reply = failure(400, QStringLiteral("invalid_json"),
                         err.error != QJsonParseError::NoError
                             ? QStringLiteral("body is not valid JSON: %1 at offset %2")
                                   .arg(err.errorString())
                                   .arg(err.offset)
                             : QStringLiteral("body must be a JSON object"));
        return false;
    }
    *out = doc.object();
    return true;
}

} // namespace porthole::localapi
