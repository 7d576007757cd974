// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkconsumerdialog.h"

#include "checkbanner.h"

#include "check/checkfault.h"
#include "check/consumercheck.h"
#include "check/faultrounds.h"
#include "check/runjudge.h"
#include "gui/story/apicallevents.h"
#include "gui/story/timelineview.h"
#include "gui/systemtheme.h"
#include "models/runledger.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace porthole {
namespace {

enum Column
{
    Number,
    NodeRun,
    Status,
    Result,
    FirstReport,
    Completed,
    Verdict,
    Columns
};

QString ms(qint64 v)
{
    return v < 0 ? QStringLiteral("–") : QStringLiteral("%1 ms").arg(v);
}

// The refusal that settled a run's verdict, in words, before the run is judged.
QString firstRefusal(const CheckRun& run)
{
    for (const RunCall& c : run.calls)
        if (c.atMs == run.refusedMs && c.call.refused() && c.call.fault.isEmpty())
            return RunJudge::explainRefused(c.call);
    return {};
}

} // namespace

CheckConsumerDialog::CheckConsumerDialog(std::string nodeText, JsonValue context, QString nodeName,
                                         QWidget* parent)
    : QDialog(parent), m_nodeText(std::move(nodeText)), m_context(std::move(context)),
      m_nodeName(std::move(nodeName)), m_command(new QLineEdit(this)), m_count(new QSpinBox(this)),
      m_timeout(new QSpinBox(this)), m_expectResult(new QComboBox(this)),
      m_expectOutput(new QLineEdit(this)),
      m_sign(new QCheckBox(tr("Sign like Port (X-Port-Signature with PORT_CLIENT_SECRET)"), this)),
      m_start(new QPushButton(tr("&Start"), this)),
      m_cancel(new QPushButton(tr("&Cancel check"), this)), m_summary(new QLabel(this)),
      m_table(new QTableWidget(0, Columns, this)), m_detailTabs(new QTabWidget(this)),
      m_ledger(new RunLedger(this)), m_timeline(new TimelineView(m_ledger, this)),
      m_details(new QPlainTextEdit(this)), m_log(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("checkConsumerDialog"));
    setWindowTitle(tr("Check a consumer"));
    m_command->setObjectName(QStringLiteral("checkCommand"));
    m_command->setPlaceholderText(
        tr("e.g. python3 \"my consumer.py\" (double quotes group words; it gets "
           "KAFKA_BOOTSTRAP_SERVERS, KAFKA_TOPIC, KAFKA_GROUP_ID, PORT_API_BASE_URL, …)"));
    m_count->setObjectName(QStringLiteral("checkCount"));
    m_count->setRange(1, 10000);
    m_timeout->setObjectName(QStringLiteral("checkTimeout"));
    m_timeout->setRange(1, 86400);
    m_timeout->setValue(60);
    m_timeout->setSuffix(tr(" s"));
    m_expectResult->setObjectName(QStringLiteral("checkExpectResult"));
    m_expectResult->addItems(
        {QStringLiteral("SUCCESS"), QStringLiteral("FAILED"), QStringLiteral("CANCELLED")});
    m_expectOutput->setObjectName(QStringLiteral("checkExpectOutput"));
    m_expectOutput->setPlaceholderText(tr("optional jq predicate on the output, e.g. .ok == true"));
    m_start->setObjectName(QStringLiteral("checkStart"));
    m_start->setDefault(true); // Enter in a field starts the check
    m_cancel->setObjectName(QStringLiteral("checkCancel"));
    m_cancel->setEnabled(false);
    m_summary->setObjectName(QStringLiteral("checkSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true); // the banner's first reason can be long

    auto* form = new QFormLayout;
    form->addRow(tr("Consumer command:"), m_command);
    form->addRow(tr("Runs:"), m_count);
    form->addRow(tr("Wait for reports:"), m_timeout);
    form->addRow(tr("Expected result:"), m_expectResult);
    form->addRow(tr("Expected output:"), m_expectOutput);
    m_sign->setObjectName(QStringLiteral("checkSign"));
    form->addRow(QString(), m_sign);
    // Each checked fault is a round of its own (porthole-cli check-consumer --faults).
    auto* faults = new QHBoxLayout;
    for (const QString& fault : CheckFaults::all()) {
        auto* box = new QCheckBox(fault, this);
        box->setObjectName(QStringLiteral("checkFault_") + fault);
        box->setToolTip(CheckFaults::describe(fault));
        faults->addWidget(box);
        m_faults.append(box);
    }
    faults->addStretch();
    form->addRow(tr("Faults:"), faults);

    m_table->setObjectName(QStringLiteral("checkRuns"));
    m_table->setAccessibleName(tr("Runs"));
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Node run"), tr("Status"), tr("Result"),
                                        tr("First report"), tr("Completed"), tr("Verdict")});
    m_table->horizontalHeader()->setStretchLastSection(true);
    // Ids are 21 characters: their column shows them whole; the verdict takes the rest.
    for (const auto& [column, width] : {std::pair{Number, 36},
                                        {NodeRun, 200},
                                        {Status, 100},
                                        {Result, 80},
                                        {FirstReport, 95},
                                        {Completed, 95}})
        m_table->setColumnWidth(column, width);
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_details->setObjectName(QStringLiteral("checkDetails"));
    m_details->setAccessibleName(tr("Reasons and calls"));
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a run: why it failed and every call it made."));
    m_log->setObjectName(QStringLiteral("checkLog"));
    m_log->setAccessibleName(tr("Log"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    m_detailTabs->setObjectName(QStringLiteral("checkDetailTabs"));
    m_detailTabs->setAccessibleName(tr("Run details"));
    m_timeline->setObjectName(QStringLiteral("checkTimeline"));
    m_detailTabs->addTab(m_timeline, tr("T&imeline"));
    m_detailTabs->addTab(m_details, tr("Reasons and ca&lls"));
    split->addWidget(m_detailTabs);
    split->addWidget(m_log);
    // The selected run's story gets the most room; the consumer's output the least.
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setStretchFactor(2, 1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &CheckConsumerDialog::startCheck);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_rounds)
            m_rounds->cancel();
        else if (m_check)
            m_check->cancel();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CheckConsumerDialog::showDetails);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 640);
    m_command->setFocus();
}

CheckConsumerDialog::~CheckConsumerDialog() = default;

void CheckConsumerDialog::open(QWidget* parent, const QByteArray& nodeText,
                               const JsonValue& context, const QString& nodeName)
{
    auto* dialog = new CheckConsumerDialog(nodeText.toStdString(), context, nodeName, parent);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

bool CheckConsumerDialog::isRunning() const
{
    return m_running;
}

ConsumerCheck* CheckConsumerDialog::check() const
{
    return m_rounds ? m_rounds->current() : m_check.get();
}

const std::vector<CheckRun>& CheckConsumerDialog::runs() const
{
    static const std::vector<CheckRun> none;
    if (const ConsumerCheck* c = check())
        return c->runs();
    return m_rounds && !m_rounds->rounds().isEmpty() ? m_rounds->rounds().constLast().runs : none;
}

void CheckConsumerDialog::startCheck()
{
    if (isRunning())
        return;
    const QStringList command = QProcess::splitCommand(m_command->text());
    if (command.isEmpty()) {
        m_summary->setText(tr("Give the consumer's command first."));
        return;
    }
    CheckOptions options;
    options.nodeName = m_nodeName;
    options.nodeText = m_nodeText;
    if (m_context.isObject())
        options.contexts.push_back(m_context);
    options.count = m_count->value();
    options.timeoutS = m_timeout->value();
    options.expectResult = m_expectResult->currentText();
    options.expectOutput = m_expectOutput->text().trimmed();
    options.sign = m_sign->isChecked();
    options.program = command.first();
    options.arguments = command.mid(1);
    QStringList faults;
    for (QCheckBox* box : std::as_const(m_faults))
        if (box->isChecked())
            faults << box->text();
    m_check.reset();
    m_rounds.reset();
    m_log->clear();
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_running = true;
    m_summary->setStyleSheet(QString());
    m_summary->setText(tr("Starting a private sandbox and the consumer…"));
    if (!faults.isEmpty())
        return startRounds(options, faults);
    m_check = std::make_unique<ConsumerCheck>(options);
    connect(m_check.get(), &ConsumerCheck::logged, m_log, &QPlainTextEdit::appendPlainText);
    watch(m_check.get());
    connect(m_check.get(), &ConsumerCheck::finished, this, &CheckConsumerDialog::onFinished);
    m_check->start();
}

// One round per checked fault; the table follows the round running, the summary collects each
// round's verdict line.
void CheckConsumerDialog::startRounds(const CheckOptions& options, const QStringList& faults)
{
    m_rounds = std::make_unique<FaultRounds>(options, faults);
    connect(m_rounds.get(), &FaultRounds::logged, m_log, &QPlainTextEdit::appendPlainText);
    connect(m_rounds.get(), &FaultRounds::roundStarted, this,
            [this] { watch(m_rounds->current()); });
    connect(m_rounds.get(), &FaultRounds::roundFinished, this, [this](int index) {
        QStringList lines;
        for (int i = 0; i <= index; ++i)
            lines << FaultRounds::line(m_rounds->rounds().at(i));
        m_summary->setText(lines.join(QLatin1Char('\n')));
    });
    connect(m_rounds.get(), &FaultRounds::finished, this, &CheckConsumerDialog::onFinished);
    m_rounds->start();
}

// Shows `check`'s runs live (a fresh table, ledger and timeline for each round).
void CheckConsumerDialog::watch(ConsumerCheck* check)
{
    m_table->setRowCount(0);
    m_details->clear();
    m_ledger->clear();
    m_callsFed.clear();
    m_checkStart = QDateTime::currentDateTimeUtc();
    connect(&check->process(), &ConsumerProcess::printed, this, [this](const QByteArray& bytes) {
        m_log->appendPlainText(QString::fromUtf8(bytes).trimmed());
    });
    connect(check, &ConsumerCheck::runUpdated, this, &CheckConsumerDialog::updateRow);
}

void CheckConsumerDialog::updateRow(int index)
{
    const CheckRun& run = runs().at(size_t(index));
    if (m_table->rowCount() <= index)
        m_table->setRowCount(index + 1);
    const bool judged = run.outcome != CheckRun::Outcome::Pending;
    const QString verdict =
        !judged ? (run.isCompleted()    ? tr("reported")
                   : run.refusedMs >= 0 ? tr("refused: %1").arg(firstRefusal(run))
                                        : tr("waiting…"))
        : run.outcome == CheckRun::Outcome::Completed
            ? tr("ok")
            : CheckRun::outcomeName(run.outcome) + QStringLiteral(": ") + run.reasons.value(0);
    const QStringList cells{QString::number(index + 1),
                            run.nodeRunId,
                            judged ? run.status
                                   : (run.calls.isEmpty() ? tr("published") : tr("reporting")),
                            run.result.isEmpty() ? QStringLiteral("–") : run.result,
                            ms(run.toFirstReportMs()),
                            ms(run.toCompletionMs()),
                            verdict};
    for (int c = 0; c < Columns; ++c) {
        auto* item = m_table->item(index, c);
        if (!item)
            m_table->setItem(index, c, item = new QTableWidgetItem);
        item->setText(cells.at(c));
        item->setToolTip(c == Verdict ? run.reasons.join(QLatin1Char('\n')) : QString());
        if (judged)
            item->setForeground(SystemTheme::color(run.outcome == CheckRun::Outcome::Completed
                                                       ? SystemTheme::Tone::Good
                                                       : SystemTheme::Tone::Problem));
    }
    feedTimeline(run);
    if (m_table->currentRow() < 0) {
        m_table->selectRow(index); // the first run's story shows as it unfolds
        m_summary->setText(tr("Published; waiting for the consumer's reports…"));
    }
    if (m_table->currentRow() == index)
        showDetails();
}

// The run's story as the main window's timeline tells one: its publishing, then what each call
// the consumer made said about it (reports, logs, refusals), in this check's own ledger.
void CheckConsumerDialog::feedTimeline(const CheckRun& run)
{
    if (m_callsFed.size() <= size_t(run.index))
        m_callsFed.resize(size_t(run.index) + 1, -1);
    int& fed = m_callsFed[size_t(run.index)];
    if (fed < 0) {
        if (run.publishedMs < 0)
            return;
        RunEvent e;
        e.stage = RunEvent::Stage::Published;
        e.at = m_checkStart.addMSecs(run.publishedMs);
        e.runId = run.nodeRunId;
        e.workflowRunId = run.workflowRunId;
        e.source = tr("consumer check");
        QStringList where;
        for (const auto& [partition, offset] : run.landed)
            where << QStringLiteral("[%1] @%2").arg(partition).arg(offset);
        e.summary =
            tr("published %n message(s) to the check's sandbox", nullptr, int(run.messages.size()));
        e.detail = where.join(QStringLiteral(", "));
        m_ledger->add(e);
        fed = 0;
    }
    for (; fed < run.calls.size(); ++fed)
        for (const RunEvent& e : ApiCallEvents::fromCall(run.calls.at(fed).call))
            m_ledger->add(e);
}

void CheckConsumerDialog::showDetails()
{
    const int row = m_table->currentRow();
    if (row < 0 || size_t(row) >= runs().size())
        return m_details->clear();
    const CheckRun& run = runs().at(size_t(row));
    if (m_timeline->runId() != run.nodeRunId)
        m_timeline->setRunId(run.nodeRunId);
    // The reasons in words, then every call with its body as the API recorded it.
    QString text =
        QStringLiteral("node run %1 · workflow run %2\n").arg(run.nodeRunId, run.workflowRunId);
    for (const QString& reason : run.reasons)
        text += QStringLiteral("• %1\n").arg(reason);
    text += run.calls.isEmpty() ? tr("\nThe consumer made no call about this run.\n")
                                : tr("\nCalls, from publishing:\n");
    for (const RunCall& c : run.calls) {
        text += QStringLiteral("+%1 ms  %2 %3 → %4")
                    .arg(c.atMs - run.publishedMs)
                    .arg(QString::fromLatin1(c.call.method), c.call.path)
                    .arg(c.call.status);
        if (!c.call.error.isEmpty())
            text += QStringLiteral("  (") + c.call.error + QLatin1Char(')');
        text += QStringLiteral("\n    ") + QString::fromUtf8(c.call.body.left(4096)) +
                QLatin1Char('\n');
    }
    m_details->setPlainText(text);
}

void CheckConsumerDialog::onFinished(int exitCode)
{
    m_start->setEnabled(true);
    m_cancel->setEnabled(false);
    m_running = false;
    // A banner in words (pass or fail, the counts, the first reason), not the CLI's line;
    // under faults each fault's verdict line comes first.
    CheckBanner banner;
    QString text;
    if (m_rounds) {
        for (const FaultRounds::Round& round : m_rounds->rounds()) {
            text += FaultRounds::line(round) + QLatin1Char('\n');
            banner.add(round.runs, round.fault);
            if (banner.error.isEmpty() && !round.error.isEmpty())
                banner.error = round.error;
        }
    } else {
        banner.add(m_check->runs());
        banner.error = m_check->error();
    }
    m_summary->setText(text + banner.text());
    m_summary->setStyleSheet(
        SystemTheme::css(banner.passed() ? SystemTheme::Tone::Good : SystemTheme::Tone::Problem) +
        QStringLiteral("font-weight: bold;"));
    // The first run that did not pass is selected: its details are already on screen.
    for (const CheckRun& run : runs())
        if (run.outcome != CheckRun::Outcome::Completed) {
            m_table->selectRow(run.index);
            break;
        }
    Q_EMIT checkFinished(exitCode);
}

void CheckConsumerDialog::reject()
{
    // Closing ends the check: the consumer is stopped and the sandbox goes with the dialog.
    if (isRunning() && m_rounds)
        m_rounds->cancel();
    else if (isRunning())
        m_check->cancel();
    QDialog::reject();
}

} // namespace porthole
