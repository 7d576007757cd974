// SPDX-License-Identifier: GPL-3.0-or-later
#include "kafkaaccessfetch.h"

#include "portcall.h"
#include "portclient.h"

namespace porthole {

KafkaAccessFetch::KafkaAccessFetch(PortClient* client, QObject* parent)
    : QObject(parent), m_credentials(client->send(PortRequest::kafkaCredentials())),
      m_organization(client->send(PortRequest::organization()))
{
    m_credentials->setParent(this);
    m_organization->setParent(this);
    connect(m_credentials, &PortCall::finished, this, &KafkaAccessFetch::onCallFinished);
    connect(m_organization, &PortCall::finished, this, &KafkaAccessFetch::onCallFinished);
}

KafkaAccessFetch::~KafkaAccessFetch() = default;

void KafkaAccessFetch::onCallFinished()
{
    if (m_finished)
        return;
    // The first failure answers at once: no need to wait for the other call.
    for (PortCall* call : {m_credentials.data(), m_organization.data()}) {
        if (call->isFinished() && !call->isSuccess()) {
            const bool creds = call == m_credentials;
            m_error =
                QStringLiteral("%1: %2").arg(creds ? QStringLiteral("GET /v1/kafka-credentials")
                                                   : QStringLiteral("GET /v1/organization"),
                                             call->errorString());
            m_finished = true;
            Q_EMIT finished();
            return;
        }
    }
    if (!m_credentials->isFinished() || !m_organization->isFinished())
        return;
    m_access.credentials = *m_credentials->kafkaCredentials();
    // A value, read from the answer as sent: the redacted copy is for text shown.
    m_access.orgId = PortResponse::parseOrganizationId(m_organization->rawBody());
    if (m_access.orgId.isEmpty())
        m_error = QStringLiteral("GET /v1/organization answered without organization.id");
    m_finished = true;
    Q_EMIT finished();
}

} // namespace porthole
