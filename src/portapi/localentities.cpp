// SPDX-License-Identifier: GPL-3.0-or-later
// Entity upserts, as Ocean and a consumer that reflects its work in the catalog send them:
// POST /v1/blueprints/{blueprint}/entities?upsert=true[&merge=…][&run_id=…]. The sandbox has no
// blueprints: it keeps the entity and answers it back; run_id ties the call to the run's story
// (PortRoutes::match with the query). Inferred, as Port does not document it: 201 for a new
// entity and 200 for an update, and a 404 for a run_id the sandbox does not know.
#include "localapireply_p.h"
#include "localportapihandler.h"

#include <QUuid>

namespace porthole {

using namespace localapi;

LocalApiReply LocalPortApiHandler::upsertEntity(const PortRouteMatch& m, const QByteArray& body)
{
    QJsonObject entity;
    LocalApiReply reply;
    if (!parseObject(body, &entity, &reply))
        return reply;
    const QString runId = m.runId();
    if (!runId.isEmpty() && !m.idsWellFormed)
        return invalid(QStringLiteral("run_id '%1' is not a run id (r_… or wfnr_…)").arg(runId));
    if (!runId.isEmpty() && !m_store.hasActionRun(runId) && !m_store.hasNodeRun(runId))
        return unknown(QStringLiteral("run %1 was not found").arg(runId), runId);
    const QJsonValue id = entity.value(QStringLiteral("identifier"));
    if (!id.isUndefined() && (!id.isString() || id.toString().isEmpty()))
        return invalid(QStringLiteral("identifier must be a non-empty string"));
    for (const char* field : {"properties", "relations"})
        if (entity.contains(QLatin1String(field)) && !entity.value(QLatin1String(field)).isObject())
            return invalid(QStringLiteral("%1 must be an object").arg(QLatin1String(field)));
    if (id.isUndefined()) // Port makes one up when none is given
        entity.insert(QStringLiteral("identifier"),
                      QUuid::createUuid().toString(QUuid::WithoutBraces).left(12));
    entity.insert(QStringLiteral("blueprint"), m.blueprint);
    const QString key = m.blueprint + QLatin1Char('/') + entity.value(u"identifier").toString();
    const bool created = !m_entities.contains(key);
    m_entities.insert(key, entity);
    return json(created ? 201 : 200,
                {{QStringLiteral("ok"), true}, {QStringLiteral("entity"), entity}});
}

} // namespace porthole
