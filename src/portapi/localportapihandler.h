// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "localapicall.h"
#include "localrunstore.h"
#include "localworkflows.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>
#include <QString>

namespace porthole {

/// An HTTP request as the local Port API sees it.
struct LocalApiRequest
{
    // A constructor, not an aggregate: callers write {method, path, authorization, body} and
    // the query stays optional.
    LocalApiRequest(QByteArray method = {}, QString path = {}, QByteArray authorization = {},
                    QByteArray body = {}, QString query = {})
        : method(std::move(method)), path(std::move(path)), authorization(std::move(authorization)),
          body(std::move(body)), query(std::move(query))
    {}

    QByteArray method;        ///< GET, POST, PATCH, …
    QString path;             ///< e.g. /v1/workflows/nodes/runs/wfnr_…
    QByteArray authorization; ///< the Authorization header value, if any
    QByteArray body;
    QString query; ///< the URL's query, e.g. upsert=true&run_id=r_… (entity upserts)
};

/// The answer: status, JSON body and extra headers.
struct LocalApiReply
{
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    /// A 404 for a well-formed run id the store does not know (yet): the sandbox may catch up
    /// on its topic and ask again before answering.
    bool unknownRun = false;
    /// The fault answered instead of handling the request (LocalApiFaults), else empty.
    QString fault;
};

// The local Port API's behaviour without HTTP, so every rule is unit-testable: routes, bearer
// tokens, Port's validation (401, 404, 413, 422 with {"ok":false,"error","message"}) and the
// run state in a LocalRunStore.
class LocalPortApiHandler
{
public:
    LocalPortApiHandler();

    /// The accepted client id and secret (default sandbox/sandbox).
    void setCredentials(const QString& clientId, const QString& clientSecret);
    /// The accepted client secret (the sandbox signs its messages with it).
    QString clientSecret() const { return m_clientSecret; }
    /// Lifetime of issued tokens in seconds (Port: 3 hours).
    void setTokenLifetime(int seconds) { m_tokenLifetimeS = seconds; }
    /// The broker list GET /v1/kafka-credentials returns ("host:port[,host:port…]").
    void setKafkaBootstrap(const QString& bootstrap) { m_bootstrap = bootstrap; }
    /// The SASL user GET /v1/kafka-credentials returns (the sandbox broker has none: empty).
    void setKafkaUser(const QString& username, const QString& password)
    {
        m_kafkaUser = username;
        m_kafkaPassword = password;
    }
    /// The organisation id GET /v1/organization returns.
    void setOrgId(const QString& orgId) { m_orgId = orgId; }
    /// The organisation id.
    QString orgId() const { return m_orgId; }

    /// Answers one request.
    LocalApiReply handle(const LocalApiRequest& request);
    /// The run state.
    LocalRunStore& store() { return m_store; }
    const LocalRunStore& store() const { return m_store; }
    /// The workflows (POST /v1/workflows, …) and the runs started on them.
    LocalWorkflows& workflows() { return m_workflows; }
    /// Forgets every issued token (as if they expired), so the next call answers 401.
    void revokeTokens() { m_tokens.clear(); }
    /// Tokens issued so far (tests grep logs and files for them).
    QStringList issuedTokens() const { return m_tokens.keys(); }
    /// Records a call as it was finally answered (LocalPortApi does so when it sends the answer:
    /// a request it holds back is handled more than once but answered once).
    void recordCall(const LocalApiRequest& request, const LocalApiReply& reply,
                    const QByteArray& userAgent = {});
    /// The newest answered calls, oldest first (at most kKeptCalls), refused ones included.
    const QList<LocalApiCall>& calls() const { return m_calls; }
    /// How many calls are kept.
    static constexpr qsizetype kKeptCalls = 1000;

private:
    LocalApiReply route(const LocalApiRequest& request, const PortRouteMatch& match);
    LocalApiReply accessToken(const QByteArray& body);
    LocalApiReply organization() const;
    LocalApiReply patchOrganization(const QByteArray& body);
    bool authorized(const QByteArray& authorization) const;
    LocalApiReply claimOrAck(PortRouteId route, const QByteArray& body);
    LocalApiReply upsertEntity(const PortRouteMatch& match, const QByteArray& body);

    LocalRunStore m_store;
    LocalWorkflows m_workflows;
    QString m_clientId = QStringLiteral("sandbox");
    QString m_clientSecret = QStringLiteral("sandbox");
    QString m_bootstrap;
    QString m_kafkaUser;
    QString m_kafkaPassword;
    QString m_orgId = QStringLiteral("sandbox");
    int m_tokenLifetimeS = 3 * 3600;
    QHash<QString, QDateTime> m_tokens; // token → expiry
    QJsonObject m_orgSettings;          // PATCH /v1/organization {"settings":{…}}, merged
    QList<LocalApiCall> m_calls;
    QHash<QString, QDateTime> m_claimedUntil; // polling: claimed run → visible again at
    QSet<QString> m_acked;                    // polling: runs acknowledged (a repeat is 409)
    QHash<QString, QJsonObject> m_entities;   // "blueprint/identifier" → the entity upserted
};

} // namespace porthole
