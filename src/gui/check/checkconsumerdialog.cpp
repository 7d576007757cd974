#include "checkconsumerdialog.h"

#include "check/consumercheck.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProcess>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
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
      m_table(new QTableWidget(0, Columns, this)), m_details(new QPlainTextEdit(this)),
      m_log(new QPlainTextEdit(this))
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
    m_cancel->setObjectName(QStringLiteral("checkCancel"));
    m_cancel->setEnabled(false);
    m_summary->setObjectName(QStringLiteral("checkSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* form = new QFormLayout;
    form->addRow(tr("Consumer command:"), m_command);
    form->addRow(tr("Runs:"), m_count);
    form->addRow(tr("Wait for reports:"), m_timeout);
    form->addRow(tr("Expected result:"), m_expectResult);
    form->addRow(tr("Expected output:"), m_expectOutput);
    m_sign->setObjectName(QStringLiteral("checkSign"));
    form->addRow(QString(), m_sign);

    m_table->setObjectName(QStringLiteral("checkRuns"));
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
    m_details->setReadOnly(true);
    m_details->setPlaceholderText(tr("Select a run: why it failed and every call it made."));
    m_log->setObjectName(QStringLiteral("checkLog"));
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->addWidget(m_log);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_start, QDialogButtonBox::ActionRole);
    buttons->addButton(m_cancel, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_start, &QPushButton::clicked, this, &CheckConsumerDialog::startCheck);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        if (m_check)
            m_check->cancel();
    });
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &CheckConsumerDialog::showDetails);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 640);
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
    return m_check && m_check->phase() != ConsumerCheck::Phase::Done;
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
    m_check = std::make_unique<ConsumerCheck>(options);
    m_table->setRowCount(0);
    m_details->clear();
    m_log->clear();
    connect(m_check.get(), &ConsumerCheck::logged, m_log, &QPlainTextEdit::appendPlainText);
    connect(&m_check->process(), &ConsumerProcess::printed, this, [this](const QByteArray& bytes) {
        m_log->appendPlainText(QString::fromUtf8(bytes).trimmed());
    });
    connect(m_check.get(), &ConsumerCheck::runUpdated, this, &CheckConsumerDialog::updateRow);
    connect(m_check.get(), &ConsumerCheck::finished, this, &CheckConsumerDialog::onFinished);
    m_start->setEnabled(false);
    m_cancel->setEnabled(true);
    m_summary->setText(tr("Starting a private sandbox and the consumer…"));
    m_check->start();
}

void CheckConsumerDialog::updateRow(int index)
{
    const CheckRun& run = m_check->runs().at(size_t(index));
    if (m_table->rowCount() <= index)
        m_table->setRowCount(index + 1);
    const bool judged = run.outcome != CheckRun::Outcome::Pending;
    const QString verdict =
        !judged ? (run.isCompleted() ? tr("reported") : tr("waiting…"))
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
            item->setForeground(run.outcome == CheckRun::Outcome::Completed ? QColor(0, 110, 0)
                                                                            : QColor(170, 0, 0));
    }
    if (m_table->currentRow() == index)
        showDetails();
}

void CheckConsumerDialog::showDetails()
{
    const int row = m_table->currentRow();
    if (!m_check || row < 0 || size_t(row) >= m_check->runs().size())
        return m_details->clear();
    const CheckRun& run = m_check->runs().at(size_t(row));
    // The run's recorded calls stand in for a timeline: what the consumer did, in order.
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
    QString text = CheckRun::summary(m_check->runs());
    if (!m_check->error().isEmpty())
        text = m_check->error() + QStringLiteral(" — ") + text;
    m_summary->setText(text);
    // The first run that did not pass is selected: its details are already on screen.
    for (const CheckRun& run : m_check->runs())
        if (run.outcome != CheckRun::Outcome::Completed) {
            m_table->selectRow(run.index);
            break;
        }
    Q_EMIT checkFinished(exitCode);
}

void CheckConsumerDialog::reject()
{
    // Closing ends the check: the consumer is stopped and the sandbox goes with the dialog.
    if (isRunning())
        m_check->cancel();
    QDialog::reject();
}

} // namespace porthole
