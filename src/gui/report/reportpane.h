#pragma once

#include <QWidget>

#include <memory>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace Ui {
class ReportPane;
}

namespace porthole {

class KeyringRow;
class PortClient;
struct PortRequest;

/// Reports a run's status back to Port's API (or the sandbox's local one): workflow node runs on
/// either documented route, or classic action runs. Shows the answer with status and trace id,
/// and copies the request as curl with $PORT_TOKEN instead of the token. The client secret is
/// kept in memory, and in the OS keyring only when "Remember in the system keyring" is checked
/// and Port accepted it (KeyringRow); it is never written to settings, logs or curl commands.
class ReportPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReportPane(QWidget* parent = nullptr);
    ~ReportPane() override;

    /// The API and credentials to use (the sandbox's by default).
    void setApi(const QString& baseUrl, const QString& clientId, const QString& clientSecret);
    /// The client secret typed in (memory only), for signing messages like Port.
    QString clientSecret() const;
    /// The API address and client id typed in (the connection editor's "Get from Port" uses them).
    QString baseUrl() const;
    QString clientId() const;
    /// Prefills the run ids (from the rendered context or a watched message).
    void setRunIds(const QString& workflowRunId, const QString& nodeRunId);
    /// Sends the report.
    void send();
    /// The keyring box and status line below the credentials.
    KeyringRow* keyringRow() const { return m_keyring; }

Q_SIGNALS:
    /// A report got its answer (HTTP status, 0 when none).
    void reportFinished(int status, bool ok);

private:
    QLineEdit* m_baseUrl;
    QLineEdit* m_clientId;
    QLineEdit* m_clientSecret;
    KeyringRow* m_keyring;
    QComboBox* m_target;
    QLineEdit* m_workflowRun;
    QLineEdit* m_nodeRun;
    QComboBox* m_status;
    QComboBox* m_result;
    QPlainTextEdit* m_output;
    QLineEdit* m_log;
    QPushButton* m_sendButton;
    QPlainTextEdit* m_response;
    PortClient* m_client = nullptr;
    std::unique_ptr<Ui::ReportPane>
        m_ui; // the form (ui/reportpane.ui); the pointers above are its widgets
    void targetChanged();
    bool buildRequest(PortRequest* request, QString* error) const;
    void configureClient();
    void accountChanged();
};

} // namespace porthole
