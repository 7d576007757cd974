// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QCheckBox;
class QLabel;
class QTimer;

namespace porthole {

class SecretStore;

/// The Report tab's "Remember in the system keyring" box and its status line. Looks up a stored
/// client secret when the API / client id change, remembers one after Port accepted it, and
/// says plainly when the keyring is missing (the secret then stays in memory only). Loopback
/// APIs are left out: see isLoopbackHost().
class KeyringRow : public QWidget
{
    Q_OBJECT
public:
    explicit KeyringRow(QWidget* parent = nullptr);

    /// The API and client id now shown; when `secretEmpty`, looks up a stored secret shortly.
    void setAccount(const QString& baseUrl, const QString& clientId, bool secretEmpty);
    /// A report was answered with `httpStatus` (0: none): stores `secret` when the box is
    /// checked and the API accepted the secret (`secretAccepted`).
    void reportAnswered(const QString& baseUrl, const QString& clientId, const QString& secret,
                        int httpStatus, bool secretAccepted);
    /// Tests only: lets a loopback API (a test server) use the keyring. The app never calls it.
    void setLoopbackAllowed(bool allowed);
    /// True for 127.0.0.0/8, ::1 and localhost names.
    static bool isLoopbackHost(const QString& host);

Q_SIGNALS:
    /// A stored secret was found for this API and client id.
    void secretLoaded(const QString& baseUrl, const QString& clientId, const QString& secret);
    /// The keyring answered a lookup or a write (the status line is up to date).
    void keyringAnswered();

private:
    QCheckBox* m_remember;
    QLabel* m_status;
    SecretStore* m_store;
    QTimer* m_lookupTimer;
    QString m_baseUrl;
    QString m_clientId;
    QString m_lookupKey; // the latest lookup: answers for older keys are ignored
    bool m_loopbackAllowed = false;
    bool keyringAllowed(const QString& baseUrl) const;
    void lookup();
    void showStatus(const QString& text);
};

} // namespace porthole
