#include "reportpane.h"

#include "keyringrow.h"
#include "ui_reportpane.h"

#include "portapi/portcall.h"
#include "portapi/portclient.h"
#include "portapi/portrequest.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace porthole {

namespace {
enum Target
{
    NodeRunsRoute,
    WorkflowRunNodesRoute,
    ActionRun
};

// Whether the API took the client secret: it issued a token during this call, or (a token from
// an earlier login reused) it answered the report with anything but "unauthorized".
bool secretAccepted(const PortCall& call)
{
    bool loginFailed = false;
    for (const PortExchange& e : call.exchanges()) {
        if (e.url.endsWith(QLatin1String("/v1/auth/access_token"))) {
            if (e.isSuccess())
                return true;
            loginFailed = true;
        }
    }
    const int status = call.status();
    return !loginFailed && status != 0 && status != 401 && status != 403;
}
} // namespace

ReportPane::ReportPane(QWidget* parent) : QWidget(parent), m_ui(std::make_unique<Ui::ReportPane>())
{
    // The form is ui/reportpane.ui (labels with mnemonics, tab order); behaviour stays here.
    m_ui->setupUi(this);
    m_baseUrl = m_ui->reportBaseUrl;
    m_clientId = m_ui->reportClientId;
    m_clientSecret = m_ui->reportClientSecret;
    m_keyring = m_ui->reportKeyringRow;
    m_target = m_ui->reportTarget;
    m_workflowRun = m_ui->reportWorkflowRun;
    m_nodeRun = m_ui->reportRunId;
    m_status = m_ui->reportStatus;
    m_result = m_ui->reportResult;
    m_output = m_ui->reportOutput;
    m_log = m_ui->reportLog;
    m_sendButton = m_ui->reportSend;
    m_response = m_ui->reportResponse;
    QPushButton* curlButton = m_ui->reportCopyCurl;
    m_target->addItem(tr("Workflow node run · PATCH /v1/workflows/nodes/runs/{wfnr}"));
    m_target->addItem(tr("Workflow node run · PATCH /v1/workflows/runs/{wfr}/nodes/{wfnr}"));
    m_target->addItem(tr("Classic action run · PATCH /v1/actions/runs/{r}"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_output->setFont(mono);
    m_output->setPlainText(QStringLiteral("{\n  \"processedAt\": \"2024-01-15T10:30:00Z\"\n}"));
    m_response->setFont(mono);

    connect(m_target, &QComboBox::currentIndexChanged, this, &ReportPane::targetChanged);
    // A result belongs to a finished run only: IN_PROGRESS sends none, so none can be chosen.
    connect(m_status, &QComboBox::currentTextChanged, this, [this](const QString& status) {
        m_result->setEnabled(m_target->currentIndex() != ActionRun &&
                             status == QStringLiteral("COMPLETED"));
    });
    connect(m_baseUrl, &QLineEdit::textChanged, this, &ReportPane::accountChanged);
    connect(m_clientId, &QLineEdit::textChanged, this, &ReportPane::accountChanged);
    // A typed secret wins over a lookup still under way.
    connect(m_clientSecret, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (!text.isEmpty())
            accountChanged();
    });
    connect(m_keyring, &KeyringRow::secretLoaded, this,
            [this](const QString& baseUrl, const QString& clientId, const QString& secret) {
                // The user may have typed a secret or moved on while the keyring answered.
                if (m_baseUrl->text().trimmed() == baseUrl && m_clientId->text() == clientId &&
                    m_clientSecret->text().isEmpty())
                    m_clientSecret->setText(secret);
            });
    connect(m_sendButton, &QPushButton::clicked, this, &ReportPane::send);
    connect(curlButton, &QPushButton::clicked, this, [this] {
        PortRequest request;
        QString error;
        if (!buildRequest(&request, &error)) {
            m_response->setPlainText(error);
            return;
        }
        configureClient();
        const QString curl = m_client->curlCommand(request);
        QApplication::clipboard()->setText(curl);
        m_response->setPlainText(tr("Copied to the clipboard:\n\n%1").arg(curl));
    });
    targetChanged();
}

ReportPane::~ReportPane() = default;

QString ReportPane::clientSecret() const
{
    return m_clientSecret->text();
}

QString ReportPane::baseUrl() const
{
    return m_baseUrl->text().trimmed();
}

QString ReportPane::clientId() const
{
    return m_clientId->text().trimmed();
}

void ReportPane::setApi(const QString& baseUrl, const QString& clientId,
                        const QString& clientSecret)
{
    // The secret first: the keyring is asked only when it ends up empty.
    m_clientSecret->setText(clientSecret);
    m_baseUrl->setText(baseUrl);
    m_clientId->setText(clientId);
}

void ReportPane::accountChanged()
{
    m_keyring->setAccount(m_baseUrl->text().trimmed(), m_clientId->text(),
                          m_clientSecret->text().isEmpty());
}

void ReportPane::setRunIds(const QString& workflowRunId, const QString& nodeRunId)
{
    m_workflowRun->setText(workflowRunId);
    m_nodeRun->setText(nodeRunId);
}

void ReportPane::targetChanged()
{
    // Workflows say FAILED, classic runs FAILURE: each target offers only its own words.
    const bool action = m_target->currentIndex() == ActionRun;
    m_status->clear();
    m_result->clear();
    if (action) {
        m_status->addItems({QStringLiteral("SUCCESS"), QStringLiteral("FAILURE")});
        m_result->setEnabled(false);
        m_nodeRun->setPlaceholderText(QStringLiteral("r_…"));
    } else {
        m_status->addItems({QStringLiteral("COMPLETED"), QStringLiteral("IN_PROGRESS")});
        m_result->addItems(
            {QStringLiteral("SUCCESS"), QStringLiteral("FAILED"), QStringLiteral("CANCELLED")});
        m_result->setEnabled(m_status->currentText() == QStringLiteral("COMPLETED"));
        m_nodeRun->setPlaceholderText(QStringLiteral("wfnr_…"));
    }
    m_workflowRun->setEnabled(m_target->currentIndex() == WorkflowRunNodesRoute);
}

bool ReportPane::buildRequest(PortRequest* request, QString* error) const
{
    const int target = m_target->currentIndex();
    std::optional<PortRequest> built;
    if (target == ActionRun) {
        ActionRunUpdate u;
        u.runId = m_nodeRun->text().trimmed();
        u.status = m_status->currentText();
        u.summary = m_log->text();
        built = PortRequest::actionRunUpdate(u, error);
    } else {
        NodeRunUpdate u;
        u.nodeRunId = m_nodeRun->text().trimmed();
        u.workflowRunId = m_workflowRun->text().trimmed();
        u.status = m_status->currentText();
        if (u.status == QStringLiteral("COMPLETED"))
            u.result = m_result->currentText();
        const QString outputText = m_output->toPlainText().trimmed();
        if (!outputText.isEmpty()) {
            QJsonParseError pe;
            const QJsonDocument doc = QJsonDocument::fromJson(outputText.toUtf8(), &pe);
            if (!doc.isObject()) {
                *error = tr("Output must be a JSON object (%1 at character %2).")
                             .arg(pe.error == QJsonParseError::NoError ? tr("not an object")
                                                                       : pe.errorString())
                             .arg(pe.offset);
                return false;
            }
            u.output = doc.object();
        }
        if (!m_log->text().isEmpty())
            u.logs << NodeLogEntry{QStringLiteral("INFO"), m_log->text(), {}};
        built = PortRequest::nodeRunUpdate(
            u, target == NodeRunsRoute ? NodeRunRoute::NodeRuns : NodeRunRoute::WorkflowRunNodes,
            error);
    }
    if (!built)
        return false;
    *request = *built;
    return true;
}

void ReportPane::configureClient()
{
    PortClientConfig config;
    QString error;
    if (auto url = PortClientConfig::parseBaseUrl(m_baseUrl->text().trimmed(), &error))
        config.baseUrl = *url;
    config.clientId = m_clientId->text();
    config.clientSecret = m_clientSecret->text();
    config.timeoutMs = 15000;
    if (!m_client)
        m_client = new PortClient(config, this);
    else
        m_client->setConfig(config);
}

void ReportPane::send()
{
    PortRequest request;
    QString error;
    if (!buildRequest(&request, &error)) {
        m_response->setPlainText(tr("Not sent: %1").arg(error));
        Q_EMIT reportFinished(0, false);
        return;
    }
    configureClient();
    m_sendButton->setEnabled(false);
    m_response->setPlainText(
        tr("Sending %1 %2…")
            .arg(QString::fromLatin1(request.method), m_client->urlFor(request.path).toString()));
    PortCall* call = m_client->send(request);
    call->setParent(this);
    // The account as sent: the fields may change before the answer arrives.
    connect(call, &PortCall::finished, this,
            [this, call, baseUrl = m_baseUrl->text().trimmed(), clientId = m_clientId->text(),
             secret = m_clientSecret->text()] {
                m_sendButton->setEnabled(true);
                m_keyring->reportAnswered(baseUrl, clientId, secret, call->status(),
                                          secretAccepted(*call));
                QString text = call->status() ? QStringLiteral("HTTP %1\n").arg(call->status())
                                              : QStringLiteral("No answer\n");
                if (!call->errorString().isEmpty())
                    text += call->errorString() + QLatin1Char('\n');
                text += QLatin1Char('\n') + QString::fromUtf8(call->body());
                m_response->setPlainText(text);
                Q_EMIT reportFinished(call->status(), call->isSuccess());
                call->deleteLater();
            });
}

} // namespace porthole
