#pragma once

#include "kafka/connectionprofile.h"

#include <QDialog>

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

    void accept() override;

Q_SIGNALS:
    void testFinished(bool ok, const QString& message);

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
    QDialogButtonBox* m_buttons;
    std::unique_ptr<Ui::ConnectionDialog> m_ui; // the form (ui/connectiondialog.ui)
    ConnectionProfile m_original;
    int m_testTimeoutMs = 10000;
    quint64 m_testNumber = 0; // a test still running when another starts is ignored

    bool usesSasl() const;
    bool usesTls() const;
    void updateFields();
    void showVerdict(quint64 number, const ConnectionVerdict& verdict);
};

} // namespace porthole
