// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafka/connectionprofile.h"

#include <QDialog>
#include <QPointer>

#include <memory>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace Ui {
class ConnectionDialog;
}

namespace porthole {

struct ConnectionVerdict;
class ErrorDetails;
class KafkaAccessFetch;
class PortClient;
class SecretStore;

/// Port's API account "Get from Port" uses (the Report tab's fields). An empty secret is looked
/// up in the system keyring.
struct PortApiAccount
{
    QString baseUrl;
    QString clientId;
    QString clientSecret;
};

/// Edits one Kafka connection profile and its password, and tests it against the cluster
/// without blocking: the test runs on a worker thread and answers within its timeout. The
/// password field is never saved with the profile; the caller decides about the keyring.
class ConnectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionDialog(QWidget* parent = nullptr);
    ~ConnectionDialog() override;

    void setProfile(const ConnectionProfile& profile);
    /// The profile as edited (extra librdkafka properties of the original are kept).
    ConnectionProfile profile() const;
    void setPassword(const QString& password);
    QString password() const;
    /// The "Remember the password in the system keyring" box.
    bool rememberPassword() const;
    void setRememberPassword(bool remember);
    /// A line under the password about the keyring (missing keyring, password found, ...).
    void setKeyringNote(const QString& text);
    /// Puts the cursor in the first field that still needs a value.
    void focusFirstMissing();
    /// What is wrong with the fields for saving (or, !forSaving, for a connection test: no
    /// organisation id needed), or "" when there is nothing.
    QString problem(bool forSaving = true) const;
    /// How long a connection test may take.
    void setTestTimeoutMs(int ms) { m_testTimeoutMs = ms; }

    /// Starts testing the connection as edited; testFinished() answers.
    void testConnection();
    /// The last test's result as shown ("" before any).
    QString verdictText() const;

    /// The Port API account "Get from Port" asks.
    void setPortAccount(const PortApiAccount& account) { m_portAccount = account; }
    /// How long each call to Port's API may take.
    void setPortTimeoutMs(int ms) { m_portTimeoutMs = ms; }
    /// "Get from Port": asks Port for the brokers, SASL user, password and organisation id and
    /// fills the fields; portFetchFinished() answers.
    void getFromPort();

    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok, const QString& message);
    /// "Get from Port" ended: the fields were filled (ok) or `message` says why not.
    void portFetchFinished(bool ok, const QString& message);

private:
    QLineEdit* m_name;
    QLineEdit* m_bootstrap;
    QComboBox* m_protocol;
    QComboBox* m_mechanism;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QCheckBox* m_remember;
    QLabel* m_keyringNote;
    QLineEdit* m_caFile;
    QLineEdit* m_org;
    QLabel* m_topicHint;
    QPushButton* m_testButton;
    QProgressBar* m_busy;
    QLabel* m_verdict;
    ErrorDetails* m_details; ///< librdkafka's own text under a failed test's verdict
    QDialogButtonBox* m_buttons;
    std::unique_ptr<Ui::ConnectionDialog> m_ui; // the form (ui/connectiondialog.ui)
    ConnectionProfile m_original;
    int m_testTimeoutMs = 10000;
    quint64 m_testNumber = 0; // a test still running when another starts is ignored
    PortApiAccount m_portAccount;
    int m_portTimeoutMs = 15000;
    PortClient* m_portClient = nullptr;
    SecretStore* m_secrets = nullptr;
    QString m_secretKey; // the keyring lookup "Get from Port" waits for
    QPointer<KafkaAccessFetch> m_fetch;

    bool usesSasl() const;
    bool usesTls() const;
    void updateFields();
    void showVerdict(quint64 number, const ConnectionVerdict& verdict);
    void fetchWithSecret(const QString& secret);
    void fillFromPort();
    void portFailed(const QString& why);
};

} // namespace porthole
