// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portresponse.h"

#include <QObject>
#include <QPointer>
#include <QString>

namespace porthole {

class PortCall;
class PortClient;

/// What Port says a Kafka client of the organisation needs (its brokers, SASL user and password,
/// and the organisation id that names the topic {orgId}.runs).
struct KafkaAccess
{
    PortResponse::KafkaCredentials credentials;
    QString orgId;
};

// "Get from Port": GET /v1/kafka-credentials and GET /v1/organization with one client (one
// login), answered once by finished(). Either call failing fails the whole with that call's
// readable error (401, unreachable, …). The password stays in memory.
class KafkaAccessFetch : public QObject
{
    Q_OBJECT
public:
    /// Starts both calls on `client` (which must outlive this object).
    explicit KafkaAccessFetch(PortClient* client, QObject* parent = nullptr);
    ~KafkaAccessFetch() override;

    /// True once finished() was emitted.
    bool isFinished() const { return m_finished; }
    /// The error of the first call that failed ("" on success).
    const QString& errorString() const { return m_error; }
    /// What Port answered (valid when errorString() is empty).
    const KafkaAccess& access() const { return m_access; }

Q_SIGNALS:
    /// Both answers are in, or one call failed.
    void finished();

private:
    QPointer<PortCall> m_credentials;
    QPointer<PortCall> m_organization;
    KafkaAccess m_access;
    QString m_error;
    bool m_finished = false;
    void onCallFinished();
};

} // namespace porthole
