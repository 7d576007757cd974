// SPDX-License-Identifier: GPL-3.0-or-later
#include "secretstore.h"

#include <QUrl>
#include <qt6keychain/keychain.h>

namespace porthole {

namespace {
const QString kService = QStringLiteral("Porthole");

SecretStore::Status statusOf(const QKeychain::Job* job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return SecretStore::Ok;
    case QKeychain::EntryNotFound:
        return SecretStore::NotFound;
    default:
        return SecretStore::Unavailable;
    }
}

// QtKeychain's errorString() comes from the backend (D-Bus, libsecret) and describes the
// failure, never the data, so it is safe to show.
QString messageOf(const QKeychain::Job* job)
{
    switch (job->error()) {
    case QKeychain::NoError:
        return {};
    case QKeychain::EntryNotFound:
        return SecretStore::tr("no secret stored for this client id and host");
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return SecretStore::tr("the system keyring refused access: %1").arg(job->errorString());
    default:
        return SecretStore::tr("the system keyring is not available: %1").arg(job->errorString());
    }
}

// Every job deletes itself after finished(); never a plain file, whatever the platform.
template <typename JobT> JobT* makeJob(SecretStore* owner, const QString& key)
{
    auto* job = new JobT(kService, owner);
    job->setKey(key);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    return job;
}
} // namespace

SecretStore::SecretStore(QObject* parent) : QObject(parent) {}

QString SecretStore::portSecretKey(const QString& clientId, const QUrl& baseUrl)
{
    if (baseUrl.host().isEmpty())
        return {};
    // The port is part of the key so that two APIs on one host keep their own secrets.
    QString host = baseUrl.host().toLower();
    if (baseUrl.port() != -1)
        host += QLatin1Char(':') + QString::number(baseUrl.port());
    return QStringLiteral("port-client-secret/%1@%2").arg(clientId, host);
}

QString SecretStore::kafkaPasswordKey(const QString& username, const QString& bootstrapServers)
{
    const QString servers = bootstrapServers.trimmed().toLower();
    if (username.isEmpty() || servers.isEmpty())
        return {};
    return QStringLiteral("kafka-password/%1@%2").arg(username, servers);
}

void SecretStore::write(const QString& key, const QString& secret)
{
    auto* job = makeJob<QKeychain::WritePasswordJob>(this, key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job* j) {
        Q_EMIT secretWritten(key, statusOf(j), messageOf(j));
    });
    job->start();
}

void SecretStore::read(const QString& key)
{
    auto* job = makeJob<QKeychain::ReadPasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job* j) {
        const Status status = statusOf(j);
        const QString secret =
            status == Ok ? static_cast<QKeychain::ReadPasswordJob*>(j)->textData() : QString();
        Q_EMIT secretRead(key, status, secret, messageOf(j));
    });
    job->start();
}

void SecretStore::remove(const QString& key)
{
    auto* job = makeJob<QKeychain::DeletePasswordJob>(this, key);
    connect(job, &QKeychain::Job::finished, this, [this, key](QKeychain::Job* j) {
        Q_EMIT secretRemoved(key, statusOf(j), messageOf(j));
    });
    job->start();
}

} // namespace porthole
