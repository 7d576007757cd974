// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportpane.h"

#include "gui/session/portaccount.h"
#include "gui/session/renderinputs.h"
#include "gui/session/runselection.h"
#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "jsontextcheck.h"
#include "keyringrow.h"
#include "reporthistorymodel.h"
#include "sentreport.h"
#include "ui_reportpane.h"

#include "models/runledger.h"
#include "portapi/portcall.h"
#include "portapi/portclient.h"
#include "portapi/portrequest.h"
#include "portapi/portvalidator.h"
#include "portapi/redactor.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFontDatabase>
#include <QHeaderView>
#include <QMessageBox>
#include <QRegularExpression>
#include <QSplitter>
#include <QTimer>

#include <algorithm>

namespace porthole {

namespace {

const QStringList& kLevels = PortValidator::logLevels();

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

QString normalizedUrl(QString url)
{
    url = url.trimmed().toLower();
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

} // namespace

ReportPane::ReportPane(Session* session, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::ReportPane>()),
      m_history(new ReportHistoryModel(this)),
      m_shared(session ? session : new Session(nullptr, this))
{
    // The form is ui/reportpane.ui (labels with mnemonics, tab order); behaviour stays here.
    m_ui->setupUi(this);
    m_keyring = m_ui->reportKeyringRow;
    for (ReportEndpoint::Id id : ReportEndpoint::all())
        m_ui->reportTarget->addItem(ReportEndpoint(id).label(), int(id));
    m_ui->reportLogLevel->addItems(kLevels);
    m_ui->reportLogLevel->setCurrentText(QStringLiteral("INFO"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (QPlainTextEdit* e : {m_ui->reportOutput, m_ui->reportLog, m_ui->reportResponse})
        e->setFont(mono);
    // A sample dated now: a fixed past date in a report on today's run reads as a mistake.
    m_jsonText[0] = QStringLiteral("{\n  \"processedAt\": \"%1\"\n}")
                        .arg(QDateTime::currentDateTimeUtc().toString(Qt::ISODate));
    m_jsonText[1] = QStringLiteral("{\n  \"summary\": \"Processed by Porthole\"\n}");
    m_ui->reportOutput->setPlainText(m_jsonText[0]);
    QPalette warn = m_ui->reportOutputProblem->palette();
    warn.setColor(QPalette::WindowText, SystemTheme::color(SystemTheme::Tone::Problem));
    m_ui->reportOutputProblem->setPalette(warn);
    m_ui->reportOutputProblem->hide();

    m_ui->reportHistory->setModel(m_history);
    QHeaderView* header = m_ui->reportHistory->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ReportHistoryModel::Time, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReportHistoryModel::Run, QHeaderView::Stretch);
    header->setSectionResizeMode(ReportHistoryModel::Sent, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ReportHistoryModel::Http, QHeaderView::ResizeToContents);
    // Form, then Send and the history, then the answer, which takes what is left; on a small
    // screen the form scrolls rather than squeezing the answer (see showEvent).
    m_ui->reportSplitter->setStretchFactor(0, 0);
    m_ui->reportSplitter->setStretchFactor(1, 0);
    m_ui->reportSplitter->setStretchFactor(2, 1);
    connect(m_ui->reportHistory->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid())
                    m_ui->reportResponse->setPlainText(m_history->at(current.row()).text());
            });

    connect(m_ui->reportTarget, &QComboBox::currentIndexChanged, this,
            &ReportPane::endpointChanged);
    connect(m_ui->reportStatus, &QComboBox::currentIndexChanged, this, &ReportPane::statusChanged);
    connect(m_ui->reportOutput, &QPlainTextEdit::textChanged, this, &ReportPane::updateSendState);
    connect(m_ui->reportRunId, &QLineEdit::textChanged, this, &ReportPane::updateSendState);
    connect(m_ui->reportBaseUrl, &QLineEdit::textChanged, this, &ReportPane::accountChanged);
    connect(m_ui->reportClientId, &QLineEdit::textChanged, this, &ReportPane::accountChanged);
    // A typed secret wins over a lookup still under way.
    connect(m_ui->reportClientSecret, &QLineEdit::textChanged, this, [this](const QString& text) {
        if (m_showingAccount)
            return;
        m_shared->account()->setClientSecret(text);
        if (!text.isEmpty())
            accountChanged();
    });
    connect(m_keyring, &KeyringRow::secretLoaded, this,
            [this](const QString& baseUrl, const QString& clientId, const QString& secret) {
                // The user may have typed a secret or moved on while the keyring answered.
                if (m_ui->reportBaseUrl->text().trimmed() == baseUrl &&
                    m_ui->reportClientId->text() == clientId &&
                    m_ui->reportClientSecret->text().isEmpty())
                    m_ui->reportClientSecret->setText(secret);
            });
    connect(m_ui->reportSend, &QPushButton::clicked, this, &ReportPane::send);
    connect(m_ui->reportTimeline, &QPushButton::clicked, this,
            [this] { Q_EMIT m_shared->timelineRequested(m_ui->reportRunId->text().trimmed()); });
    connect(m_ui->reportCopyCurl, &QPushButton::clicked, this, [this] {
        PortRequest request;
        QString error;
        if (!buildRequest(&request, &error)) {
            m_ui->reportResponse->setPlainText(tr("Not copied: %1").arg(error));
            return;
        }
        configureClient();
        const QString curl = m_client->curlCommand(request);
        QApplication::clipboard()->setText(curl);
        m_ui->reportResponse->setPlainText(tr("Copied to the clipboard:\n\n%1").arg(curl));
    });
    endpointChanged();

    // The session: the account the fields show and edit, the context's run ids, and the run
    // the user asks to report on.
    connect(m_shared->account(), &PortAccount::changed, this, &ReportPane::showAccount);
    const auto takeContextIds = [this] {
        const RunIds ids = m_shared->render()->runIds();
        setRunIds(QString::fromStdString(ids.workflowRun.text()),
                  m_shared->render()->primaryRunId());
    };
    connect(m_shared->render(), &RenderInputs::changed, this, takeContextIds);
    takeContextIds(); // the context in force before this pane was made
    connect(m_shared, &Session::reportOnSelectionRequested, this, &ReportPane::takeSelection);
    showAccount();
}

ReportPane::~ReportPane() = default;

void ReportPane::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (m_splitterSized)
        return;
    m_splitterSized = true;
    // Once the show has laid everything out: before that the form's rows that depend on the
    // account (the keyring line) are not shown yet and its size hint is short by them.
    QTimer::singleShot(0, this, &ReportPane::sizeSplitter);
}

void ReportPane::sizeSplitter()
{
    // Send and a header plus three history rows; the answer at least ~7 lines; the form whole when
    // that leaves room for it, else it scrolls. The user may drag the handles.
    QSplitter* split = m_ui->reportSplitter;
    const int total = split->height() - 2 * split->handleWidth();
    const int line = m_ui->reportResponse->fontMetrics().lineSpacing();
    const int row = m_ui->reportHistory->fontMetrics().height() + 6;
    const int sent = m_ui->reportSend->sizeHint().height() + 4 * row;
    const int whole =
        m_ui->reportFormPage->sizeHint().height() + 2 * m_ui->reportFormScroll->frameWidth();
    const int form = std::clamp(total - sent - 7 * line - 12, 160, std::max(160, whole));
    split->setSizes({form, sent, std::max(total - form - sent, 8 * line)});
}

QString ReportPane::workflowRunId() const
{
    return m_ui->reportWorkflowRun->text().trimmed();
}

QString ReportPane::runId() const
{
    return m_ui->reportRunId->text().trimmed();
}

void ReportPane::showAccount()
{
    // The account changed elsewhere (the sandbox started, a test): the fields follow. The
    // secret first: the keyring is asked only when it ends up empty.
    const PortAccount* a = m_shared->account();
    m_showingAccount = true; // the fields follow: they must not write back half an account
    bool changed = false;
    // The address and id are kept trimmed: a field that differs only by the spaces being typed
    // is left alone (the cursor must not jump).
    const auto show = [&changed](QLineEdit* field, const QString& text, bool trimmed) {
        if ((trimmed ? field->text().trimmed() : field->text()) == text)
            return;
        field->setText(text);
        changed = true;
    };
    show(m_ui->reportClientSecret, a->clientSecret(), false);
    show(m_ui->reportBaseUrl, a->baseUrl(), true);
    show(m_ui->reportClientId, a->clientId(), true);
    m_showingAccount = false;
    if (changed)
        accountChanged(); // the keyring hears the whole new account once
}

void ReportPane::accountChanged()
{
    // The fields are the account's editor: what is typed is the session's at once.
    if (m_showingAccount)
        return;
    m_shared->account()->set(m_ui->reportBaseUrl->text().trimmed(),
                             m_ui->reportClientId->text().trimmed(),
                             m_ui->reportClientSecret->text());
    m_keyring->setAccount(m_ui->reportBaseUrl->text().trimmed(), m_ui->reportClientId->text(),
                          m_ui->reportClientSecret->text().isEmpty());
}

void ReportPane::takeSelection()
{
    // Fill the form from the selected run and show it; sending stays the user's Send.
    const RunSelection* selection = m_shared->selection();
    if (!reportOn(selection->kind(), selection->ids())) {
        Q_EMIT m_shared->told(tr("The selected message names no run to report on."), 4000);
        return;
    }
    Q_EMIT m_shared->placeRequested(Session::Place::Report);
    m_ui->reportSend->setFocus(Qt::ShortcutFocusReason);
}

ReportEndpoint ReportPane::endpoint() const
{
    return ReportEndpoint(ReportEndpoint::Id(m_ui->reportTarget->currentData().toInt()));
}

void ReportPane::setEndpoint(ReportEndpoint::Id id)
{
    m_ui->reportTarget->setCurrentIndex(m_ui->reportTarget->findData(int(id)));
}

void ReportPane::setRunIds(const QString& workflowRunId, const QString& nodeRunId)
{
    // Every render repeats the context's ids: only a change may replace what the user chose
    // (a run picked in the Runs tab, an id typed by hand).
    const QString ids = workflowRunId + QLatin1Char(' ') + nodeRunId;
    if (ids == m_contextIds)
        return;
    m_contextIds = ids;
    if (nodeRunId.startsWith(QLatin1String("r_")) && endpoint().isWorkflow())
        setEndpoint(ReportEndpoint::ActionRun);
    else if (nodeRunId.startsWith(QLatin1String("wfnr_")) && !endpoint().isWorkflow())
        setEndpoint(ReportEndpoint::NodeRun);
    m_ui->reportWorkflowRun->setText(workflowRunId);
    m_ui->reportRunId->setText(nodeRunId);
}

bool ReportPane::reportOn(MessageKind kind, const RunIds& ids)
{
    const auto text = [](const RunId& id) { return QString::fromStdString(id.text()); };
    const bool workflow = kind == MessageKind::WorkflowNode ||
                          (kind != MessageKind::ActionRun && !ids.nodeRun.isNull());
    if (workflow && !ids.nodeRun.isNull()) {
        if (!endpoint().isWorkflow())
            setEndpoint(ReportEndpoint::NodeRun);
        m_ui->reportWorkflowRun->setText(text(ids.workflowRun));
        m_ui->reportRunId->setText(text(ids.nodeRun));
        return true;
    }
    if (!workflow && !ids.actionRun.isNull()) {
        if (endpoint().isWorkflow())
            setEndpoint(ReportEndpoint::ActionRun);
        m_ui->reportWorkflowRun->clear();
        m_ui->reportRunId->setText(text(ids.actionRun));
        return true;
    }
    return false;
}

void ReportPane::endpointChanged()
{
    const ReportEndpoint e = endpoint();
    // Node output and action run fields are different things: each kind keeps its own text.
    const int kind = e.isWorkflow() ? 0 : 1;
    if (m_endpointShown >= 0) {
        const int shownKind =
            ReportEndpoint(ReportEndpoint::Id(m_endpointShown)).isWorkflow() ? 0 : 1;
        if (shownKind != kind) {
            m_jsonText[shownKind] = m_ui->reportOutput->toPlainText();
            m_ui->reportOutput->setPlainText(m_jsonText[kind]);
        }
    }
    m_endpointShown = e.id();

    // Workflows say FAILED, classic runs FAILURE: each endpoint offers only its own words.
    const QString previous = m_ui->reportStatus->currentData().toString();
    const QSignalBlocker block(m_ui->reportStatus);
    m_ui->reportStatus->clear();
    for (const QString& s : e.statuses())
        m_ui->reportStatus->addItem(
            s.isEmpty() ? (e.isLog() ? tr("(no termination)") : tr("(leave as is)")) : s, s);
    // A status both endpoints take stays chosen; "leave as is" / "no termination" do not carry.
    if (const int i = m_ui->reportStatus->findData(previous); i >= 0 && !previous.isEmpty())
        m_ui->reportStatus->setCurrentIndex(i);
    m_ui->reportStatus->setEnabled(!e.statuses().isEmpty());
    m_ui->reportStatus->setToolTip(e.id() == ReportEndpoint::ActionRunLog
                                       ? tr("terminationStatus: ends the run (Port takes it once)")
                                   : e.statuses().isEmpty()
                                       ? tr("This endpoint takes log lines only")
                                       : tr("The status this endpoint accepts"));
    m_ui->labelOutput->setText(e.id() == ReportEndpoint::ActionRun ? tr("&Other fields")
                                                                   : tr("&Output"));
    m_ui->reportOutput->setEnabled(e.takesJson());
    m_ui->reportOutput->setToolTip(
        e.id() == ReportEndpoint::ActionRun
            ? tr("A JSON object with statusLabel, link, summary, externalRunId")
        : e.takesJson() ? tr("The node run's output: a JSON object")
                        : tr("This endpoint takes no output"));
    m_ui->reportLog->setEnabled(e.takesLogs());
    m_ui->reportLogLevel->setEnabled(e.takesLogLevel());
    m_ui->reportLog->setToolTip(e.takesLogs()
                                    ? QString()
                                    : tr("Classic action runs take logs on their own endpoint "
                                         "(…/logs)"));
    m_ui->reportWorkflowRun->setEnabled(e.needsWorkflowRun());
    m_ui->reportRunId->setPlaceholderText(e.runIdPrefix() + QStringLiteral("…"));
    statusChanged();
}

void ReportPane::statusChanged()
{
    const QStringList results = endpoint().results(m_ui->reportStatus->currentData().toString());
    const QString previous = m_ui->reportResult->currentText();
    m_ui->reportResult->clear();
    m_ui->reportResult->addItems(results);
    if (results.contains(previous))
        m_ui->reportResult->setCurrentText(previous);
    // A result belongs to a finished node run only: IN_PROGRESS sends none, so none is offered.
    m_ui->reportResult->setEnabled(!results.isEmpty());
    m_ui->reportResult->setToolTip(results.isEmpty() ? tr("This status takes no result")
                                                     : tr("The result: required with COMPLETED"));
    updateSendState();
}

void ReportPane::updateSendState()
{
    QString problem;
    bool blocking = false;
    if (endpoint().takesJson()) {
        const JsonTextCheck check = JsonTextCheck::check(m_ui->reportOutput->toPlainText());
        if (!check.ok) {
            problem = tr("Not JSON at %1").arg(check.where());
            blocking = true;
        } else if (!check.empty && !check.value.isObject()) {
            problem = tr("Port wants a JSON object here (it answers 422 otherwise)");
        }
    }
    m_ui->reportOutputProblem->setText(problem);
    m_ui->reportOutputProblem->setVisible(!problem.isEmpty());
    m_ui->reportSend->setEnabled(!blocking && !m_sending);
    m_ui->reportTimeline->setEnabled(!m_ui->reportRunId->text().trimmed().isEmpty());
}

QList<NodeLogEntry> ReportPane::logEntries() const
{
    static const QRegularExpression levelPrefix(
        QStringLiteral("^(%1):\\s*").arg(kLevels.join(u'|')));
    QList<NodeLogEntry> entries;
    const QStringList lines = m_ui->reportLog->toPlainText().split(QLatin1Char('\n'));
    for (QString line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        QString level = m_ui->reportLogLevel->currentText();
        if (const auto m = levelPrefix.match(line); m.hasMatch()) {
            level = m.captured(1);
            line = line.mid(m.capturedLength());
        }
        entries << NodeLogEntry{level, line, {}};
    }
    return entries;
}

bool ReportPane::buildRequest(PortRequest* request, QString* error) const
{
    const ReportEndpoint e = endpoint();
    ReportInput in;
    in.runId = m_ui->reportRunId->text().trimmed();
    in.workflowRunId = m_ui->reportWorkflowRun->text().trimmed();
    in.status = m_ui->reportStatus->currentData().toString();
    if (m_ui->reportResult->isEnabled())
        in.result = m_ui->reportResult->currentText();
    if (e.takesJson()) {
        const JsonTextCheck check = JsonTextCheck::check(m_ui->reportOutput->toPlainText());
        if (!check.ok) {
            *error = tr("%1 is not JSON at %2")
                         .arg(m_ui->labelOutput->text().remove(QLatin1Char('&')), check.where());
            return false;
        }
        if (!check.empty)
            in.output = check.value;
    }
    if (e.takesLogs())
        in.logs = logEntries();
    const auto built = e.build(in, error, m_ui->reportValidate->isChecked());
    if (!built)
        return false;
    *request = *built;
    return true;
}

void ReportPane::configureClient()
{
    PortClientConfig config;
    QString error;
    if (auto url = PortClientConfig::parseBaseUrl(m_ui->reportBaseUrl->text().trimmed(), &error))
        config.baseUrl = *url;
    config.clientId = m_ui->reportClientId->text();
    config.clientSecret = m_ui->reportClientSecret->text();
    config.timeoutMs = 15000;
    // The sandbox's record of calls tells the tab's reports from a consumer's by this prefix.
    config.userAgent = QByteArray(kReportUserAgentPrefix) + PORTHOLE_VERSION;
    if (!m_client)
        m_client = new PortClient(config, this);
    else
        m_client->setConfig(config);
}

void ReportPane::refuse(const QString& why)
{
    m_ui->reportResponse->setPlainText(tr("Not sent: %1").arg(why));
    Q_EMIT reportFinished(0, false);
}

bool ReportPane::needsConfirmation(const QString& runId) const
{
    if (m_confirmedRuns.contains(runId) || m_shared->ledger()->publishedHere(runId))
        return false;
    const QString sandboxApi = m_shared->account()->sandboxApiUrl();
    return sandboxApi.isEmpty() ||
           normalizedUrl(sandboxApi) != normalizedUrl(m_ui->reportBaseUrl->text());
}

void ReportPane::send()
{
    if (m_sending)
        return; // one report at a time: its answer is on its way
    PortRequest request;
    QString error;
    if (!buildRequest(&request, &error)) {
        refuse(error);
        return;
    }
    const QString runId = m_ui->reportRunId->text().trimmed();
    if (!needsConfirmation(runId)) {
        dispatch(request);
        return;
    }
    // Someone else's run on a real API: a report can fail it. Ask, without blocking the loop.
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Report on a run Porthole did not publish?"),
        tr("This session did not publish run %1, and %2 is not the sandbox's API.\n\n"
           "If it is someone's real run, this report changes it in Port (a COMPLETED or FAILED "
           "ends it).")
            .arg(runId, m_ui->reportBaseUrl->text().trimmed()),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("reportConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton* sendAnyway = box->addButton(tr("&Send anyway"), QMessageBox::AcceptRole);
    box->setDefaultButton(box->addButton(QMessageBox::Cancel));
    auto* dontAsk = new QCheckBox(tr("&Don't ask again for this run"), box);
    dontAsk->setObjectName(QStringLiteral("reportConfirmDontAsk"));
    box->setCheckBox(dontAsk);
    m_sending = true;
    updateSendState();
    connect(box, &QMessageBox::finished, this, [this, box, sendAnyway, dontAsk, request, runId] {
        m_sending = false;
        updateSendState();
        if (box->clickedButton() != sendAnyway) {
            refuse(tr("cancelled: run %1 was not published by this session").arg(runId));
            return;
        }
        if (dontAsk->isChecked())
            m_confirmedRuns.insert(runId);
        dispatch(request);
    });
    box->open();
}

void ReportPane::dispatch(const PortRequest& request)
{
    configureClient();
    m_sending = true;
    updateSendState();
    const QString url = m_client->urlFor(request.path).toString();
    m_ui->reportResponse->setPlainText(
        tr("Sending %1 %2…").arg(QString::fromLatin1(request.method), url));
    auto clock = std::make_shared<QElapsedTimer>();
    clock->start();
    PortCall* call = m_client->send(request);
    call->setParent(this);
    // What was sent, as sent: the fields may change before the answer arrives.
    const ReportEndpoint e = endpoint();
    const int logLines = e.takesLogs() ? int(logEntries().size()) : 0;
    connect(call, &PortCall::finished, this,
            [this, call, clock, url, e, logLines, runId = m_ui->reportRunId->text().trimmed(),
             workflowRunId = m_ui->reportWorkflowRun->text().trimmed(),
             baseUrl = m_ui->reportBaseUrl->text().trimmed(),
             clientId = m_ui->reportClientId->text(), secret = m_ui->reportClientSecret->text()] {
                SentReport report = SentReport::fromCall(*call, url, e, runId, workflowRunId,
                                                         logLines, clock->elapsed());
                finished(std::move(report), secretAccepted(*call), baseUrl, clientId, secret);
                call->deleteLater();
            });
}

void ReportPane::finished(SentReport report, bool accepted, const QString& baseUrl,
                          const QString& clientId, const QString& secret)
{
    // Nothing kept or told may hold the secret, even one pasted into the output by mistake.
    Redactor redactor;
    redactor.addSecret(secret.toUtf8());
    report.requestBody = redactor.redactBody(report.requestBody);
    report.responseBody = redactor.redactBody(report.responseBody);
    m_sending = false;
    updateSendState();
    m_keyring->reportAnswered(baseUrl, clientId, secret, report.httpStatus, accepted);
    m_history->add(report);
    // Show the new answer (selecting it shows its text even when row 0 was already current).
    m_ui->reportHistory->setCurrentIndex(m_history->index(0, 0));
    m_ui->reportResponse->setPlainText(report.text());
    m_shared->ledger()->add(report.toEvent());
    Q_EMIT reportFinished(report.httpStatus, report.isSuccess());
}

} // namespace porthole
