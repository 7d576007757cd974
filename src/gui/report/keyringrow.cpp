// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyringrow.h"

#include "gui/secretstore.h"

#include <QCheckBox>
#include <QHostAddress>
#include <QLabel>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace porthole {

KeyringRow::KeyringRow(QWidget* parent)
    : QWidget(parent), m_remember(new QCheckBox(tr("Remember in the system keyring"), this)),
      m_status(new QLabel(this)), m_store(new SecretStore(this)), m_lookupTimer(new QTimer(this))
{
    m_remember->setObjectName(QStringLiteral("reportRememberSecret"));
    m_remember->setToolTip(tr("After Port accepts the secret, keep it in the OS keyring for this "
                              "client id and API. Never written to a file. Unchecking it "
                              "removes a stored secret."));
    m_status->setObjectName(QStringLiteral("reportKeyringStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Keyring errors can be long: wrap them rather than widen the whole tab.
    m_status->setWordWrap(true);
    // Take the width the row gets, never the text's (which would widen the tab), and keep the
    // text right under the box when the form gives the row more height than it needs.
    QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    m_status->setSizePolicy(policy);
    m_status->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_status->hide();
    // The status under the box, full width: a wrapped label beside it made the row uneven.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_remember);
    layout->addWidget(m_status);
    setFocusProxy(m_remember); // the form's tab order names the row

    // Typing a client id fires textChanged per key: wait for a pause before asking the keyring.
    m_lookupTimer->setSingleShot(true);
    m_lookupTimer->setInterval(300);
    connect(m_lookupTimer, &QTimer::timeout, this, &KeyringRow::lookup);

    connect(m_store, &SecretStore::secretRead, this,
            [this](const QString& key, SecretStore::Status status, const QString& secret,
                   const QString& message) {
                if (key != m_lookupKey)
                    return;
                if (status == SecretStore::Ok) {
                    // First, since filling the secret field calls setAccount(), which clears
                    // the status line.
                    Q_EMIT secretLoaded(m_baseUrl, m_clientId, secret);
                    m_remember->setChecked(true);
                    showStatus(tr("secret loaded from the keyring"));
                } else if (status == SecretStore::NotFound) {
                    showStatus({});
                } else {
                    showStatus(tr("%1 (the secret stays in memory only)").arg(message));
                }
                Q_EMIT keyringAnswered();
            });
    // Only the user's own click forgets: setChecked() from a lookup must not delete anything.
    connect(m_remember, &QCheckBox::clicked, this, [this](bool checked) {
        if (checked || !keyringAllowed(m_baseUrl))
            return;
        const QString key = SecretStore::portSecretKey(m_clientId, QUrl(m_baseUrl));
        if (!key.isEmpty())
            m_store->remove(key);
    });
    connect(m_store, &SecretStore::secretRemoved, this,
            [this](const QString&, SecretStore::Status status, const QString& message) {
                showStatus(status == SecretStore::Ok         ? tr("secret removed from the keyring")
                           : status == SecretStore::NotFound ? QString()
                                                             : tr("not removed: %1").arg(message));
                Q_EMIT keyringAnswered();
            });
    connect(m_store, &SecretStore::secretWritten, this,
            [this](const QString&, SecretStore::Status status, const QString& message) {
                showStatus(
                    status == SecretStore::Ok
                        ? tr("secret saved in the system keyring")
                        : tr("not saved: %1 (the secret stays in memory only)").arg(message));
                Q_EMIT keyringAnswered();
            });
}

bool KeyringRow::isLoopbackHost(const QString& host)
{
    QHostAddress address;
    if (address.setAddress(host))
        return address.isLoopback();
    const QString h = host.toLower();
    return h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost"));
}

bool KeyringRow::keyringAllowed(const QString& baseUrl) const
{
    // The embedded sandbox's API listens on 127.0.0.1 and takes the throw-away "sandbox"
    // secret: storing it would fill the user's keyring with a fake entry per random port.
    // Port's real API is never on loopback, so loopback means "not worth a keyring entry".
    return m_loopbackAllowed || !isLoopbackHost(QUrl(baseUrl).host());
}

void KeyringRow::setLoopbackAllowed(bool allowed)
{
    m_loopbackAllowed = allowed;
    setAccount(m_baseUrl, m_clientId, true);
}

void KeyringRow::setAccount(const QString& baseUrl, const QString& clientId, bool secretEmpty)
{
    m_baseUrl = baseUrl;
    m_clientId = clientId;
    m_lookupKey.clear();
    m_lookupTimer->stop();
    const bool allowed = keyringAllowed(baseUrl);
    m_remember->setEnabled(allowed);
    if (!allowed) {
        m_remember->setChecked(false);
        showStatus(tr("local API (the sandbox): its secret is not stored"));
        return;
    }
    showStatus({});
    if (secretEmpty && !clientId.isEmpty())
        m_lookupTimer->start();
}

void KeyringRow::lookup()
{
    m_lookupKey = SecretStore::portSecretKey(m_clientId, QUrl(m_baseUrl));
    if (!m_lookupKey.isEmpty())
        m_store->read(m_lookupKey);
}

void KeyringRow::reportAnswered(const QString& baseUrl, const QString& clientId,
                                const QString& secret, int httpStatus, bool secretAccepted)
{
    if (!m_remember->isChecked() || secret.isEmpty() || !keyringAllowed(baseUrl))
        return;
    // Only a secret the API took is worth keeping: a typo must not come back next session.
    if (!secretAccepted) {
        showStatus(httpStatus == 0 ? tr("not saved: no answer from the API")
                                   : tr("not saved: the API did not accept the secret"));
        return;
    }
    const QString key = SecretStore::portSecretKey(clientId, QUrl(baseUrl));
    if (!key.isEmpty())
        m_store->write(key, secret);
}

void KeyringRow::showStatus(const QString& text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
}

} // namespace porthole
