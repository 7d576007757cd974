// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionbar.h"

#include "gui/session/portaccount.h"

#include "connectiondialog.h"
#include "gui/elidedlabel.h"
#include "gui/secretstore.h"
#include "gui/systemtheme.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace porthole {

namespace {

const std::string kSandboxName = "sandbox";

QString fromStd(const std::string& s)
{
    return QString::fromStdString(s);
}

bool usesSasl(const ConnectionProfile& p)
{
    return p.securityProtocol.rfind("SASL_", 0) == 0;
}

QString passwordKey(const ConnectionProfile& p)
{
    return SecretStore::kafkaPasswordKey(fromStd(p.username), fromStd(p.bootstrapServers));
}

// What is missing before this connection can be used, or "".
QString missing(const ConnectionProfile& p)
{
    if (p.bootstrapServers.empty())
        return ConnectionBar::tr("its bootstrap servers");
    if (usesSasl(p) && p.username.empty())
        return ConnectionBar::tr("the user name Port gave you");
    if (p.orgId.empty())
        return ConnectionBar::tr("the organisation id");
    return {};
}

} // namespace

ConnectionBar::ConnectionBar(QWidget* parent)
    : QWidget(parent), m_combo(new QComboBox(this)), m_new(new QPushButton(tr("New…"), this)),
      m_edit(new QPushButton(tr("Edit…"), this)), m_status(new ElidedLabel(this)),
      m_secrets(new SecretStore(this))
{
    setObjectName(QStringLiteral("connectionBar"));
    m_combo->setObjectName(QStringLiteral("connectionCombo"));
    m_combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_combo->setToolTip(tr("The Kafka cluster the Publish and Runs topic tabs use"));
    m_new->setObjectName(QStringLiteral("connectionNew"));
    m_new->setToolTip(tr("Add a connection to a Kafka cluster"));
    m_edit->setObjectName(QStringLiteral("connectionEdit"));
    m_edit->setToolTip(tr("Change this connection, its password or test it"));
    m_status->setObjectName(QStringLiteral("connectionStatus"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* label = new QLabel(tr("&Kafka"), this);
    label->setBuddy(m_combo);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(6, 2, 6, 2);
    row->addWidget(label);
    row->addWidget(m_combo);
    row->addWidget(m_edit);
    row->addWidget(m_new);
    row->addSpacing(8);
    row->addWidget(m_status, 1);

    connect(m_combo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (!m_rebuilding && index >= 0)
            selectConnection(m_combo->itemData(index).toString());
    });
    connect(m_new, &QPushButton::clicked, this, [this] { editConnection(true); });
    connect(m_edit, &QPushButton::clicked, this, [this] { editConnection(false); });
    connect(m_secrets, &SecretStore::secretRead, this,
            [this](const QString& key, SecretStore::Status status, const QString& secret,
                   const QString& message) { onSecretRead(key, status, secret, message); });
    connect(m_secrets, &SecretStore::secretWritten, this,
            [this](const QString&, SecretStore::Status status, const QString& message) {
                // The connection line stays; the keyring's answer is added to it, briefly
                // (the keyring's own words go to the tooltip: they can be long).
                showStatus(m_line + QStringLiteral(" · ") +
                           (status == SecretStore::Ok
                                ? tr("password saved in the system keyring")
                                : tr("password kept in memory only (no keyring)")));
                m_status->setToolTip(message);
                Q_EMIT keyringAnswered();
            });
    connect(
        m_secrets, &SecretStore::secretRemoved, this,
        [this](const QString&, SecretStore::Status, const QString&) { Q_EMIT keyringAnswered(); });
    rebuild({});
}

void ConnectionBar::loadProfiles(const QString& path)
{
    m_path = path.isEmpty() ? fromStd(ProfileStore::defaultPath()) : path;
    std::string error;
    m_storeBroken = !m_store.load(m_path.toStdString(), &error);
    rebuild(m_currentName);
    if (m_storeBroken)
        showStatus(tr("Saved connections not loaded: %1").arg(fromStd(error)), true);
}

void ConnectionBar::setSandbox(const QString& bootstrap, const QString& org)
{
    m_sandboxBootstrap = bootstrap;
    m_sandboxOrg = org;
    rebuild(QString::fromStdString(kSandboxName));
    selectConnection(QString::fromStdString(kSandboxName));
}

std::vector<ConnectionProfile> ConnectionBar::entries() const
{
    std::vector<ConnectionProfile> list;
    if (!m_sandboxBootstrap.isEmpty())
        list.push_back(ConnectionProfile::sandbox(m_sandboxBootstrap.toStdString(),
                                                  m_sandboxOrg.toStdString()));
    for (const ConnectionProfile& p : m_store.profiles())
        if (p.name != kSandboxName)
            list.push_back(p);
    for (const ConnectionProfile& p : ConnectionProfile::presets())
        if (p.name != kSandboxName && !m_store.isSaved(p.name))
            list.push_back(p);
    return list;
}

std::optional<ConnectionProfile> ConnectionBar::profileNamed(const QString& name) const
{
    for (const ConnectionProfile& p : entries())
        if (fromStd(p.name) == name)
            return p;
    return std::nullopt;
}

QStringList ConnectionBar::connectionNames() const
{
    QStringList names;
    for (int i = 0; i < m_combo->count(); ++i)
        names << m_combo->itemData(i).toString();
    return names;
}

QString ConnectionBar::statusText() const
{
    return m_status->fullText();
}

void ConnectionBar::rebuild(const QString& select)
{
    m_rebuilding = true;
    m_combo->clear();
    for (const ConnectionProfile& p : entries()) {
        const QString name = fromStd(p.name);
        QString shown = name;
        if (p.name == kSandboxName)
            shown = tr("Sandbox (embedded)");
        else if (p.name == "port-eu" && !m_store.isSaved(p.name))
            shown = tr("Port EU (set up…)");
        else if (p.name == "port-us" && !m_store.isSaved(p.name))
            shown = tr("Port US (set up…)");
        m_combo->addItem(shown, name);
    }
    const int index = m_combo->findData(select);
    m_combo->setCurrentIndex(index);
    m_edit->setEnabled(index >= 0 && select != fromStd(kSandboxName));
    m_rebuilding = false;
}

void ConnectionBar::revertSelection()
{
    m_rebuilding = true;
    m_combo->setCurrentIndex(m_combo->findData(m_currentName));
    m_rebuilding = false;
}

void ConnectionBar::selectConnection(const QString& name)
{
    const std::optional<ConnectionProfile> p = profileNamed(name);
    if (!p) {
        showStatus(tr("No connection named \"%1\".").arg(name), true);
        revertSelection();
        return;
    }
    choose(*p);
}

bool ConnectionBar::restoreConnection(const QString& name)
{
    const std::optional<ConnectionProfile> p = profileNamed(name);
    if (!p)
        return false;
    m_quiet = true;
    choose(*p);
    return true;
}

void ConnectionBar::choose(const ConnectionProfile& p)
{
    const QString lacking = missing(p);
    if (!lacking.isEmpty() && m_quiet) {
        m_quiet = false;
        showStatus(tr("Last used: %1 (choose it to enter %2).").arg(fromStd(p.name), lacking));
        return;
    }
    if (!lacking.isEmpty()) {
        revertSelection();
        showEditor(p, false, tr("To use %1, enter %2.").arg(fromStd(p.name), lacking));
        return;
    }
    if (!usesSasl(p)) {
        apply(p, {});
        return;
    }
    const QString key = passwordKey(p);
    if (m_passwords.contains(key)) {
        m_quiet = false;
        apply(p, m_passwords.value(key));
        return;
    }
    m_pendingQuiet = m_quiet;
    m_quiet = false;
    m_pendingName = fromStd(p.name);
    m_pendingKey = key;
    showStatus(tr("Looking up the password of %1 in the system keyring…").arg(m_pendingName));
    m_secrets->read(key);
}

void ConnectionBar::onSecretRead(const QString& key, int status, const QString& secret,
                                 const QString& message)
{
    if (key != m_pendingKey)
        return; // an older lookup
    m_pendingKey.clear();
    const std::optional<ConnectionProfile> p = profileNamed(m_pendingName);
    Q_EMIT keyringAnswered();
    if (!p)
        return;
    if (status == SecretStore::Ok) {
        m_passwords.insert(key, secret);
        apply(*p, secret);
        return;
    }
    revertSelection();
    if (m_pendingQuiet) { // at launch: say so, never prompt
        showStatus(
            tr("Last used: %1 (no saved password: choose it to enter one).").arg(m_pendingName));
        return;
    }
    showEditor(
        *p, false,
        status == SecretStore::NotFound
            ? tr("No password for %1 in the system keyring: enter it.").arg(fromStd(p->username))
            : tr("No keyring (%1): the password will stay in memory for this session.")
                  .arg(message));
}

void ConnectionBar::apply(const ConnectionProfile& p, const QString& password)
{
    m_quiet = false;
    m_currentName = fromStd(p.name);
    m_current.name = p.name == kSandboxName ? tr("sandbox") : m_currentName;
    m_current.config = p.toKafkaConfig(password.toStdString());
    m_current.topic = fromStd(p.orgId) + QStringLiteral(".runs");
    rebuild(m_currentName);
    QString how = fromStd(p.securityProtocol);
    if (usesSasl(p))
        how += tr(" as %1").arg(fromStd(p.username));
    m_line = tr("%1 · %2 · topic %3").arg(fromStd(p.bootstrapServers), how, m_current.topic);
    showStatus(m_line);
    Q_EMIT targetChanged(m_current);
}

void ConnectionBar::editConnection(bool asNew)
{
    if (asNew) {
        ConnectionProfile blank;
        blank.securityProtocol = "SASL_SSL"; // what Port provisions
        blank.saslMechanism = "SCRAM-SHA-512";
        showEditor(blank, true, {});
        return;
    }
    if (const std::optional<ConnectionProfile> p = profileNamed(m_combo->currentData().toString()))
        showEditor(*p, false, {});
}

ConnectionDialog* ConnectionBar::openDialog() const
{
    // A closed editor lingers until its deferred delete: only a visible one counts.
    for (ConnectionDialog* d :
         findChildren<ConnectionDialog*>(QString(), Qt::FindDirectChildrenOnly))
        if (d->isVisible())
            return d;
    return nullptr;
}

void ConnectionBar::showEditor(const ConnectionProfile& p, bool isNew, const QString& note)
{
    if (ConnectionDialog* open = openDialog())
        open->close();
    auto* dialog = new ConnectionDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setProfile(p);
    const QString key = passwordKey(p);
    dialog->setPassword(m_passwords.value(key));
    dialog->setRememberPassword(true);
    dialog->setKeyringNote(note);
    if (m_portAccount)
        dialog->setPortAccount(PortApiAccount{m_portAccount->baseUrl(), m_portAccount->clientId(),
                                              m_portAccount->clientSecret()});
    const QString oldName = isNew ? QString() : fromStd(p.name);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, isNew, oldName] { editorAccepted(dialog, isNew, oldName); });
    dialog->open();
    dialog->focusFirstMissing();
}

void ConnectionBar::editorAccepted(ConnectionDialog* dialog, bool isNew, const QString& oldName)
{
    const ConnectionProfile p = dialog->profile();
    if (!isNew && !oldName.isEmpty() && oldName != fromStd(p.name))
        m_store.remove(oldName.toStdString());
    m_store.put(p);
    QString saveError;
    if (m_storeBroken) {
        saveError = tr("not saved: the file of saved connections could not be read");
    } else if (std::string error;
               !m_path.isEmpty() && !m_store.save(m_path.toStdString(), &error)) {
        saveError = tr("not saved: %1").arg(fromStd(error));
    }
    const QString password = dialog->password();
    const QString key = passwordKey(p);
    if (usesSasl(p) && !key.isEmpty()) {
        m_passwords.insert(key, password);
        if (dialog->rememberPassword() && !password.isEmpty())
            m_secrets->write(key, password);
        else
            m_secrets->remove(key); // unchecked: forget what the keyring had
    }
    apply(p, password);
    if (!saveError.isEmpty())
        showStatus(tr("%1 is in use but %2").arg(fromStd(p.name), saveError), true);
}

void ConnectionBar::showStatus(const QString& text, bool problem)
{
    m_status->setFullText(text); // elided to the room there is, whole in the tooltip
    m_status->setStyleSheet(problem ? SystemTheme::css(SystemTheme::Tone::Problem) : QString());
}

void ConnectionBar::focusPicker()
{
    m_combo->setFocus(Qt::ShortcutFocusReason);
}

} // namespace porthole
