// SPDX-License-Identifier: GPL-3.0-or-later
#include "diagnosedialog.h"

#include "diagnosiswords.h"
#include "groupwords.h"
#include "gui/session/connectionstate.h"
#include "gui/session/portaccount.h"
#include "gui/session/runselection.h"
#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "models/groupcommits.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QTextBrowser>
#include <QUrl>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace porthole {

DiagnoseDialog::DiagnoseDialog(Session* session, QWidget* parent)
    : QDialog(parent), m_session(session), m_runId(new QLineEdit(this)),
      m_useSelected(new QPushButton(tr("Use &selected row"), this)),
      m_start(new QPushButton(tr("&Diagnose"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_progress(new QProgressBar(this)),
      m_verdict(new QLabel(this)), m_summary(new QLabel(this)), m_evidence(new QTextBrowser(this)),
      m_showRow(new QPushButton(tr("Show &row"), this)),
      m_showTimeline(new QPushButton(tr("&Timeline"), this))
{
    setObjectName(QStringLiteral("diagnoseDialog"));
    setWindowTitle(tr("Diagnose a run — Porthole"));
    setModal(false);
    m_runId->setObjectName(QStringLiteral("diagnoseRunId"));
    m_runId->setPlaceholderText(tr("wfnr_…, wfr_… or r_…"));
    m_runId->setClearButtonEnabled(true);
    auto* label = new QLabel(tr("R&un id"), this);
    label->setBuddy(m_runId);
    m_useSelected->setObjectName(QStringLiteral("diagnoseUseSelected"));
    m_useSelected->setToolTip(tr("The run of the row selected in the Runs table"));
    m_start->setObjectName(QStringLiteral("diagnoseStart"));
    m_start->setDefault(true);
    m_cancel->setObjectName(QStringLiteral("diagnoseCancel"));
    m_progress->setObjectName(QStringLiteral("diagnoseProgress"));
    m_progress->setAccessibleName(tr("Scan progress"));
    m_progress->setTextVisible(true);
    m_verdict->setObjectName(QStringLiteral("diagnoseVerdict"));
    QFont big = m_verdict->font();
    big.setPointSizeF(big.pointSizeF() * 1.5);
    big.setBold(true);
    m_verdict->setFont(big);
    m_verdict->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("diagnoseSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_evidence->setObjectName(QStringLiteral("diagnoseEvidence"));
    m_evidence->setAccessibleName(tr("Evidence"));
    m_evidence->setOpenLinks(false);
    m_showRow->setObjectName(QStringLiteral("diagnoseShowRow"));
    m_showRow->setToolTip(tr("Select the run's newest row in the Runs table"));
    m_showTimeline->setObjectName(QStringLiteral("diagnoseShowTimeline"));

    auto* idRow = new QHBoxLayout;
    idRow->addWidget(label);
    idRow->addWidget(m_runId, 1);
    idRow->addWidget(m_useSelected);
    idRow->addWidget(m_start);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_showRow, QDialogButtonBox::ActionRole);
    buttons->addButton(m_showTimeline, QDialogButtonBox::ActionRole);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(idRow);
    layout->addLayout(progressRow);
    layout->addWidget(m_verdict);
    layout->addWidget(m_summary);
    layout->addWidget(m_evidence, 1);
    layout->addWidget(buttons);
    resize(760, 480);

    m_progress->hide();
    m_cancel->hide();
    m_showRow->setEnabled(false);
    m_showTimeline->setEnabled(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::close);
    connect(m_start, &QPushButton::clicked, this, &DiagnoseDialog::start);
    connect(m_runId, &QLineEdit::returnPressed, this, &DiagnoseDialog::start);
    connect(m_cancel, &QPushButton::clicked, this, &DiagnoseDialog::cancel);
    connect(m_useSelected, &QPushButton::clicked, this,
            [this] { m_runId->setText(m_session->selection()->runId()); });
    const auto selectionChanged = [this] {
        m_useSelected->setEnabled(!m_session->selection()->runId().isEmpty());
    };
    connect(m_session->selection(), &RunSelection::changed, this, selectionChanged);
    selectionChanged();
    connect(m_evidence, &QTextBrowser::anchorClicked, this, &DiagnoseDialog::anchorClicked);
    connect(m_showRow, &QPushButton::clicked, this,
            [this] { anchorClicked(QUrl(QStringLiteral("row:") + m_lastRun)); });
    connect(m_showTimeline, &QPushButton::clicked, this,
            [this] { anchorClicked(QUrl(QStringLiteral("timeline:") + m_lastRun)); });
    connect(&m_watcher, &QFutureWatcher<DiagnoseOutcome>::finished, this, &DiagnoseDialog::done);
}

DiagnoseDialog::~DiagnoseDialog()
{
    // The worker ends its scan within ~100 ms once cancelled; its results go nowhere.
    if (m_cancelFlag)
        *m_cancelFlag = true;
}

void DiagnoseDialog::serve(Session* session, QWidget* window)
{
    QObject::connect(
        session, &Session::diagnoseRequested, window, [session, window](const QString& runId) {
            auto* dialog =
                window->findChild<DiagnoseDialog*>(QString(), Qt::FindDirectChildrenOnly);
            if (!dialog)
                dialog = new DiagnoseDialog(session, window);
            dialog->diagnose(runId);
        });
}

void DiagnoseDialog::diagnose(const QString& runId)
{
    const QString run = runId.isEmpty() ? m_session->selection()->runId() : runId;
    show();
    raise();
    activateWindow();
    if (run.isEmpty()) {
        // Nothing chosen yet: the box waits for a pasted id.
        m_runId->setFocus(Qt::OtherFocusReason);
        return;
    }
    m_runId->setText(run);
    if (isRunning()) {
        m_restart = true; // the running one ends within ~100 ms, then this one starts
        cancel();
        return;
    }
    start();
}

bool DiagnoseDialog::start()
{
    if (isRunning())
        return false;
    const QString text = m_runId->text().trimmed();
    const RunId run = RunId::parse(text.toStdString());
    m_last.reset();
    m_evidence->clear();
    m_showRow->setEnabled(false);
    m_showTimeline->setEnabled(false);
    m_verdict->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Problem));
    if (run.isNull() || QString::fromStdString(run.text()) != text) {
        m_verdict->setText(tr("Not a run id"));
        m_summary->setText(
            text.isEmpty()
                ? tr("Paste a run id (wfnr_…, wfr_… or r_…) or use the selected row.")
                : tr("'%1' is not a run id: expected wfr_…, wfnr_… or r_… followed by letters "
                     "and digits.")
                      .arg(text));
        return false;
    }
    const KafkaTarget target = m_session->connection()->effective();
    if (target.bootstrap().isEmpty() || target.topic.isEmpty()) {
        m_verdict->setText(tr("No Kafka connection"));
        m_summary->setText(tr("Choose a Kafka connection in the toolbar (Ctrl+K)."));
        return false;
    }
    DiagnoseRequest request;
    request.run = run;
    request.config = target.config;
    request.topic = target.topic.toStdString();
    request.org = orgOfTopic(target.topic).toStdString();
    // The groups the panel watches; none: every ORG.* group where the broker can list them.
    for (const QString& g : m_session->groupCommits()->groups())
        request.groups.push_back(g.toStdString());
    const PortAccount* account = m_session->account();
    QString error;
    if (const auto url = PortClientConfig::parseBaseUrl(account->baseUrl().trimmed(), &error);
        url && !account->baseUrl().trimmed().isEmpty()) {
        PortClientConfig api;
        api.baseUrl = *url;
        api.clientId = account->clientId();
        api.clientSecret = account->clientSecret();
        api.timeoutMs = 10000;
        api.maxAttempts = 2;
        request.api = api;
    }
    request.nowMs = QDateTime::currentMSecsSinceEpoch();

    m_lastRun = text;
    m_verdict->setStyleSheet(QString());
    m_verdict->setText(tr("Diagnosing %1…").arg(text));
    m_summary->setText(tr("Asking Port, finding the run's messages, reading the groups' offsets."));
    m_progress->setRange(0, 0);
    m_progress->setFormat(tr("Connecting…"));
    m_progress->show();
    m_cancel->show();
    m_start->setEnabled(false);
    m_cancelFlag = std::make_shared<std::atomic<bool>>(false);
    m_running = true;
    const QPointer<DiagnoseDialog> self(this);
    const auto flag = m_cancelFlag;
    m_watcher.setFuture(QtConcurrent::run([request, self, flag] {
        return RunDiagnoser::run(
            request,
            [self](const RunScanProgress& p) {
                QMetaObject::invokeMethod(qApp, [self, p] {
                    if (self)
                        self->progressed(p);
                });
            },
            flag.get());
    }));
    return true;
}

void DiagnoseDialog::cancel()
{
    if (m_cancelFlag)
        *m_cancelFlag = true;
    m_progress->setFormat(tr("Cancelling…"));
}

void DiagnoseDialog::progressed(const RunScanProgress& p)
{
    if (!isRunning())
        return;
    const qint64 total = p.scanned + p.remaining;
    m_progress->setRange(0, int(std::min<qint64>(total, 1'000'000'000)));
    m_progress->setValue(int(std::min<qint64>(p.scanned, 1'000'000'000)));
    m_progress->setFormat(tr("%1 messages scanned, ~%2 left in %3 of %4 partitions")
                              .arg(p.scanned)
                              .arg(p.remaining)
                              .arg(p.partitionsLeft)
                              .arg(p.partitions));
}

void DiagnoseDialog::done()
{
    m_running = false;
    m_progress->hide();
    m_cancel->hide();
    m_start->setEnabled(true);
    const DiagnoseOutcome outcome = m_watcher.result();
    if (!outcome.diagnosis) {
        m_verdict->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Problem));
        m_verdict->setText(outcome.usage ? tr("Cannot diagnose") : tr("Unreachable"));
        m_summary->setText(outcome.error);
    } else {
        showVerdict(*outcome.diagnosis);
    }
    Q_EMIT finished();
    if (std::exchange(m_restart, false))
        start();
}

void DiagnoseDialog::showVerdict(const Diagnosis& d)
{
    m_last = d;
    const bool good = d.verdict == QLatin1String("completed");
    const bool waiting = d.verdict == QLatin1String("in-progress");
    m_verdict->setStyleSheet(SystemTheme::css(good      ? SystemTheme::Tone::Good
                                              : waiting ? SystemTheme::Tone::Caution
                                                        : SystemTheme::Tone::Problem));
    m_verdict->setText(DiagnosisWords::verdictTitle(d.verdict));
    m_verdict->setToolTip(d.verdict);
    m_summary->setText(m_lastRun + QStringLiteral(": ") + d.summary + QLatin1Char('.'));
    m_evidence->setHtml(DiagnosisWords::evidenceHtml(d, QDateTime::currentMSecsSinceEpoch()));
    m_showRow->setEnabled(!d.json.value(QStringLiteral("messages")).toArray().isEmpty());
    m_showTimeline->setEnabled(true);
}

QString DiagnoseDialog::verdict() const
{
    return m_last ? m_last->verdict : QString();
}

void DiagnoseDialog::anchorClicked(const QUrl& url)
{
    const QString target = QUrl::fromPercentEncoding(url.path().toUtf8());
    if (url.scheme() == QLatin1String("row")) {
        Q_EMIT m_session->placeRequested(Session::Place::Runs);
        Q_EMIT m_session->runRowRequested(target);
    } else if (url.scheme() == QLatin1String("group")) {
        Q_EMIT m_session->placeRequested(Session::Place::Runs);
        Q_EMIT m_session->groupRequested(target);
    } else if (url.scheme() == QLatin1String("timeline")) {
        Q_EMIT m_session->timelineRequested(target);
    }
}

} // namespace porthole
