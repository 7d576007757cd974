// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace porthole {

/// Port's API and the credentials to reach it: one account for the window. The Report tab edits
/// it; signing, "Get from Port" and the timeline read it. The secret lives in memory only (the
/// keyring is the Report tab's business), never in settings.
class PortAccount : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    QString baseUrl() const { return m_baseUrl; }
    QString clientId() const { return m_clientId; }
    QString clientSecret() const { return m_clientSecret; }
    /// The sandbox's local API address (reports to it never ask first), empty when none.
    QString sandboxApiUrl() const { return m_sandboxApiUrl; }

    /// Sets all three at once (one `changed`).
    void set(const QString& baseUrl, const QString& clientId, const QString& clientSecret);
    void setBaseUrl(const QString& url);
    void setClientId(const QString& id);
    void setClientSecret(const QString& secret);
    void setSandboxApiUrl(const QString& url);

Q_SIGNALS:
    /// Any of the address, client id or secret changed.
    void changed();

private:
    QString m_baseUrl;
    QString m_clientId;
    QString m_clientSecret;
    QString m_sandboxApiUrl;
};

} // namespace porthole
