// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectiondialog.h"
#include "gui/session/kafkatarget.h"
#include "kafka/connectionprofile.h"
#include "kafka/profilestore.h"

#include <QHash>
#include <QWidget>
#include <functional>

#include <optional>

class QComboBox;
class QLabel;
class QPushButton;

namespace porthole {

class ConnectionDialog;
class ElidedLabel;
class PortAccount;
class SecretStore;

/// The toolbar's Kafka connection picker: the embedded sandbox, saved profiles and Port's
/// presets. Choosing a SASL connection takes its password from this session's memory, then the
/// system keyring, then the editor. Profiles are saved without passwords (ProfileStore); the
/// keyring keeps a password only when the editor's "Remember" box is checked.
class ConnectionBar : public QWidget
{
    Q_OBJECT

public:
    explicit ConnectionBar(QWidget* parent = nullptr);

    /// Reads the saved profiles from `path` (empty: ProfileStore::defaultPath()). A broken file
    /// is reported in the bar and never overwritten.
    void loadProfiles(const QString& path = {});
    /// The embedded sandbox runs at `bootstrap` for `org`: first in the list, and selected.
    void setSandbox(const QString& bootstrap, const QString& org);
    /// Chooses a connection by profile name (as the list does).
    void selectConnection(const QString& name);
    /// Chooses the connection a previous session used, without ever opening the editor: a
    /// connection whose password is neither in memory nor in the keyring stays unchosen and the
    /// status line says how to choose it. False when no such connection exists any more.
    bool restoreConnection(const QString& name);
    /// The chosen connection's profile name ("sandbox" for the embedded one; empty before any).
    QString currentName() const { return m_currentName; }
    /// Opens the editor for the chosen connection, or for a new one.
    void editConnection(bool asNew);
    /// Puts the keyboard on the connection list (Ctrl+K).
    void focusPicker();

    /// The connection in use (empty before any).
    const KafkaTarget& current() const { return m_current; }
    /// The names in the list, in order.
    QStringList connectionNames() const;
    /// The line beside the list.
    QString statusText() const;
    /// The editor, while one is open.
    ConnectionDialog* openDialog() const;
    /// Where the editor's "Get from Port" takes Port's API account (the session's).
    void setPortAccount(const PortAccount* account) { m_portAccount = account; }

Q_SIGNALS:
    void targetChanged(const porthole::KafkaTarget& target);
    /// The keyring answered a lookup or a write (tests wait for it).
    void keyringAnswered();

private:
    QComboBox* m_combo;
    QPushButton* m_new;
    QPushButton* m_edit;
    ElidedLabel* m_status;
    SecretStore* m_secrets;
    ProfileStore m_store;
    QString m_path;
    bool m_storeBroken = false; // never save over a file we could not read
    QString m_sandboxBootstrap;
    QString m_sandboxOrg;
    QHash<QString, QString> m_passwords; // keyring key -> password, this session only
    KafkaTarget m_current;
    QString m_currentName;
    QString m_line;        // where the current connection goes, as the status line says it
    QString m_pendingName; // waits for the keyring
    QString m_pendingKey;
    bool m_rebuilding = false;
    bool m_quiet = false; // restoring at launch: never open the editor
    bool m_pendingQuiet = false;
    const PortAccount* m_portAccount = nullptr;

    std::vector<ConnectionProfile> entries() const;
    std::optional<ConnectionProfile> profileNamed(const QString& name) const;
    void rebuild(const QString& select);
    void choose(const ConnectionProfile& profile);
    void apply(const ConnectionProfile& profile, const QString& password);
    void showEditor(const ConnectionProfile& profile, bool isNew, const QString& note);
    void editorAccepted(ConnectionDialog* dialog, bool isNew, const QString& oldName);
    void onSecretRead(const QString& key, int status, const QString& secret,
                      const QString& message);
    void revertSelection();
    void showStatus(const QString& text, bool problem = false);
};

} // namespace porthole
