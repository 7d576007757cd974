// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

class QUrl;

namespace porthole {

/// The OS keyring (Secret Service, KWallet, macOS Keychain, Windows Credential Store) through
/// QtKeychain, under the service name "Porthole". Every call is asynchronous and answers with
/// one signal; messages never contain the secret. There is deliberately no plain-file fallback:
/// when no keyring answers, callers keep the secret in memory only.
class SecretStore : public QObject
{
    Q_OBJECT
public:
    enum Status
    {
        Ok,
        NotFound,    ///< nothing stored under the key
        Unavailable, ///< no keyring, or it refused: the message says which
    };
    Q_ENUM(Status)

    explicit SecretStore(QObject* parent = nullptr);

    /// "port-client-secret/<clientId>@<host[:port]>"; empty when the URL has no host.
    static QString portSecretKey(const QString& clientId, const QUrl& baseUrl);
    /// "kafka-password/<username>@<bootstrap servers>"; empty without a user name or servers.
    static QString kafkaPasswordKey(const QString& username, const QString& bootstrapServers);
    /// Starts storing `secret` under `key`; answers with secretWritten().
    void write(const QString& key, const QString& secret);
    /// Starts reading `key`; answers with secretRead().
    void read(const QString& key);
    /// Starts deleting `key`; answers with secretRemoved().
    void remove(const QString& key);

Q_SIGNALS:
    /// A write ended; `message` is empty on success.
    void secretWritten(const QString& key, porthole::SecretStore::Status status,
                       const QString& message);
    /// A read ended; `secret` is empty unless `status` is Ok.
    void secretRead(const QString& key, porthole::SecretStore::Status status, const QString& secret,
                    const QString& message);
    /// A delete ended (NotFound when there was nothing to delete).
    void secretRemoved(const QString& key, porthole::SecretStore::Status status,
                       const QString& message);
};

} // namespace porthole
