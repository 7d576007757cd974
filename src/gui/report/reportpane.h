#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace porthole {

class PortClient;
struct PortRequest;

/// Reports a run's status back to Port's API (or the sandbox's local one): workflow node runs on
/// either documented route, or classic action runs. Shows the answer with status and trace id,
/// and copies the request as curl with $PORT_TOKEN instead of the token. Secrets live only in
/// memory here.
class ReportPane : public QWidget
{
    Q_OBJECT
public:
    explicit ReportPane(QWidget* parent = nullptr);
    ~ReportPane() override;

    /// The API and credentials to use (the sandbox's by default).
    void setApi(const QString& baseUrl, const QString& clientId, const QString& clientSecret);
    /// Prefills the run ids (from the rendered context or a watched message).
    void setRunIds(const QString& workflowRunId, const QString& nodeRunId);
    /// Sends the report.
    void send();

Q_SIGNALS:
    /// A report got its answer (HTTP status, 0 when none).
    void reportFinished(int status, bool ok);

private:
    QLineEdit* m_baseUrl;
    QLineEdit* m_clientId;
    QLineEdit* m_clientSecret;
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
    void targetChanged();
    bool buildRequest(PortRequest* request, QString* error) const;
    void configureClient();
};

} // namespace porthole
