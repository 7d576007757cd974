#include "runspane.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/messagedecoder.h"
#include "kafka/watchsession.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"

#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace porthole {

namespace {
// The most of one value the detail view shows (pretty-printing only below it).
constexpr size_t kDetailBytes = 1024 * 1024;
// Qt lays a text block out whole: one line of a megabyte stalls the window for minutes
// (measured), so longer lines are broken for display.
constexpr qsizetype kDisplayLine = 2000;

// `text` with every line longer than kDisplayLine broken into pieces; counts the breaks.
QString brokenForDisplay(const QString& text, int* breaks)
{
    QString out;
    out.reserve(text.size() + text.size() / kDisplayLine + 1);
    qsizetype run = 0;
    for (const QChar c : text) {
        if (c == QLatin1Char('\n')) {
            run = 0;
        } else if (++run > kDisplayLine && !c.isLowSurrogate()) {
            out += QLatin1Char('\n');
            ++*breaks;
            run = 1;
        }
        out += c;
    }
    return out;
}
} // namespace

RunsPane::RunsPane(QWidget* parent)
    : QWidget(parent), m_model(new RunsTableModel(this)), m_proxy(new RunsFilterProxy(this)),
      m_bootstrap(new QLineEdit(this)), m_topic(new QLineEdit(this)), m_from(new QComboBox(this)),
      m_watchButton(new QPushButton(tr("Watch"), this)), m_filter(new QLineEdit(this)),
      m_kind(new QComboBox(this)), m_table(new QTableView(this)),
      m_detail(new QPlainTextEdit(this)), m_status(new QLabel(this)),
      m_saveValue(new QPushButton(tr("Save value…"), this))
{
    setObjectName(QStringLiteral("runsPane"));
    m_bootstrap->setObjectName(QStringLiteral("runsBootstrap"));
    m_bootstrap->setPlaceholderText(tr("host:port"));
    m_topic->setObjectName(QStringLiteral("runsTopic"));
    m_topic->setPlaceholderText(tr("ORG.runs"));
    m_from->setObjectName(QStringLiteral("runsFrom"));
    m_from->addItem(tr("From the beginning"), QStringLiteral("beginning"));
    m_from->addItem(tr("Last 100 per partition"), QStringLiteral("-100"));
    m_from->addItem(tr("New messages only"), QStringLiteral("end"));
    m_watchButton->setObjectName(QStringLiteral("runsWatch"));
    m_watchButton->setToolTip(tr("Read-only: Porthole never joins a group or commits offsets, "
                                 "so production consumers are not disturbed."));
    m_filter->setObjectName(QStringLiteral("runsFilter"));
    m_filter->setPlaceholderText(tr("Filter: run id, key, text…"));
    m_filter->setClearButtonEnabled(true);
    m_kind->setObjectName(QStringLiteral("runsKind"));
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(tr("Workflow node runs"), int(MessageKind::WorkflowNode));
    m_kind->addItem(tr("Action runs"), int(MessageKind::ActionRun));
    m_kind->addItem(tr("Change log"), int(MessageKind::ChangeLog));
    m_kind->addItem(tr("Unknown"), int(MessageKind::Unknown));

    m_proxy->setSourceModel(m_model);
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->horizontalHeader()->setStretchLastSection(false);
    m_table->horizontalHeader()->setSectionResizeMode(RunsTableModel::Value, QHeaderView::Stretch);
    m_table->setColumnWidth(RunsTableModel::Time, 100);
    m_table->setColumnWidth(RunsTableModel::Partition, 44);
    m_table->setColumnWidth(RunsTableModel::Offset, 64);
    m_table->setColumnWidth(RunsTableModel::Kind, 110);
    m_table->setColumnWidth(RunsTableModel::Key, 90);
    m_table->setColumnWidth(RunsTableModel::RunId, 190);
    m_table->setColumnWidth(RunsTableModel::Size, 70);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);

    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_detail->setObjectName(QStringLiteral("runsDetail"));
    m_detail->setReadOnly(true);
    m_detail->setFont(mono);
    m_detail->setPlaceholderText(tr("Select a message to see it whole."));
    m_status->setObjectName(QStringLiteral("runsStatus"));
    m_saveValue->setObjectName(QStringLiteral("runsSaveValue"));
    m_saveValue->setToolTip(tr("Write the selected message's value to a file, byte for byte."));
    m_saveValue->setEnabled(false);

    auto* connectRow = new QHBoxLayout;
    connectRow->addWidget(new QLabel(tr("Broker"), this));
    connectRow->addWidget(m_bootstrap, 2);
    connectRow->addWidget(new QLabel(tr("Topic"), this));
    connectRow->addWidget(m_topic, 2);
    connectRow->addWidget(m_from, 1);
    connectRow->addWidget(m_watchButton);
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filter, 3);
    filterRow->addWidget(m_kind, 1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(connectRow);
    layout->addLayout(filterRow);
    layout->addWidget(split, 1);
    auto* statusRow = new QHBoxLayout;
    statusRow->addWidget(m_status, 1);
    statusRow->addWidget(m_saveValue);
    layout->addLayout(statusRow);

    connect(m_watchButton, &QPushButton::clicked, this,
            [this] { isWatching() ? stopWatching() : startWatching(); });
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &RunsFilterProxy::setText);
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setKind(m_kind->currentData().toInt()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunsPane::showSelected);
    connect(m_saveValue, &QPushButton::clicked, this, &RunsPane::saveSelectedValue);
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { updateStatus(); });
    updateStatus(tr("Not watching"));
}

RunsPane::~RunsPane()
{
    stopWatching();
}

void RunsPane::setConnection(const KafkaTarget& target)
{
    m_kafka = target.config;
    m_kafka.remove("bootstrap.servers"); // the field says which brokers
    m_bootstrap->setText(target.bootstrap());
    m_topic->setText(target.topic);
    m_bootstrap->setToolTip(target.name.isEmpty() ? QString()
                                                  : tr("Connection: %1").arg(target.name));
}

void RunsPane::startWatching()
{
    stopWatching();
    WatchOptions options;
    options.config = m_kafka;
    options.config.set("bootstrap.servers", m_bootstrap->text().trimmed().toStdString());
    options.topic = m_topic->text().trimmed().toStdString();
    std::string error;
    auto from = StartPosition::parse(m_from->currentData().toString().toStdString(), &error);
    if (from)
        options.from = *from;
    m_model->clear();
    m_session = std::make_unique<WatchSession>(options);
    WatchWorker* worker = m_session->worker();
    connect(worker, &WatchWorker::messagesReceived, m_model, &RunsTableModel::appendBatch);
    connect(worker, &WatchWorker::statusChanged, this,
            [this](WatchStatus, const QString& text) { updateStatus(text); });
    connect(worker, &WatchWorker::failed, this, [this](const QString& e) {
        stopWatching();
        updateStatus(tr("Stopped: %1").arg(e));
    });
    m_session->start();
    m_watchButton->setText(tr("Stop"));
    updateStatus(tr("Connecting to %1…").arg(m_bootstrap->text()));
}

void RunsPane::stopWatching()
{
    if (!m_session)
        return;
    m_session->stop(); // joins the worker thread
    m_session.reset();
    m_watchButton->setText(tr("Watch"));
    updateStatus(tr("Not watching"));
}

void RunsPane::showSelected()
{
    const QModelIndex idx = m_proxy->mapToSource(m_table->currentIndex());
    if (!idx.isValid()) {
        m_detail->clear();
        m_saveValue->setEnabled(false);
        return;
    }
    const WatchedMessage& m = m_model->message(idx.row());
    const KafkaRecord& r = *m.record;
    QString text =
        QStringLiteral("%1 · partition %2 · offset %3 · %4\n")
            .arg(QString::fromStdString(r.topic))
            .arg(r.partition)
            .arg(r.offset)
            .arg(QDateTime::fromMSecsSinceEpoch(r.timestamp).toString(Qt::ISODateWithMs));
    for (const auto& [name, value] : r.headers)
        text += QStringLiteral("header %1: %2\n")
                    .arg(QString::fromStdString(name),
                         value ? QString::fromUtf8(value->data(), qsizetype(value->size()))
                               : QStringLiteral("(null)"));
    const QString why = m_model->data(idx, RunsTableModel::SignatureWhyRole).toString();
    if (!why.isEmpty())
        text += tr("signature: %1\n").arg(why);
    text += QLatin1Char('\n');
    m_saveValue->setEnabled(r.value.has_value());
    if (!r.value) {
        text += tr("(null value)");
    } else if (r.value->size() > kDetailBytes && m.info.format != ValueFormat::Binary) {
        // A plain-text view of 100 MB would freeze the window: show the start, save the rest.
        text += QString::fromUtf8(r.value->data(), qsizetype(kDetailBytes));
        const QLocale locale;
        text += tr("\n\n… the rest is not shown: this value has %1 bytes (%2), the view shows the "
                   "first %3. Save value… writes all of it to a file.")
                    .arg(locale.toString(qulonglong(r.value->size())),
                         locale.formattedDataSize(qint64(r.value->size())),
                         locale.formattedDataSize(qint64(kDetailBytes)));
    } else if (m.info.format == ValueFormat::Json) {
        // Pretty JSON in JavaScript's key order, decoded only now, for the one row shown.
        const JsonDocument doc = JsonParser::parse(*r.value);
        text += doc.ok() ? QString::fromStdString(JsWriter::stringify(doc.root->toValue(), 2))
                         : QString::fromUtf8(r.value->data(), qsizetype(r.value->size()));
    } else if (m.info.format == ValueFormat::Binary) {
        const QByteArray bytes(r.value->data(), qsizetype(std::min<size_t>(r.value->size(), 4096)));
        text += tr("%1 bytes of binary data; the first %2 as hex:\n")
                    .arg(r.value->size())
                    .arg(bytes.size()) +
                QString::fromLatin1(bytes.toHex(' '));
    } else {
        text += QString::fromUtf8(r.value->data(), qsizetype(r.value->size()));
    }
    int breaks = 0;
    text = brokenForDisplay(text, &breaks);
    if (breaks > 0)
        text += tr("\n\n(Lines longer than %1 characters are broken for display; Save value… "
                   "keeps the bytes as they are.)")
                    .arg(kDisplayLine);
    m_detail->setPlainText(text);
}

void RunsPane::saveSelectedValue()
{
    const QModelIndex idx = m_proxy->mapToSource(m_table->currentIndex());
    if (!idx.isValid() || !m_model->message(idx.row()).record->value)
        return;
    // Keep the record alive (shared) even if the row is dropped while the dialog is open.
    const std::shared_ptr<const KafkaRecord> record = m_model->message(idx.row()).record;
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save message value"),
                                     QStringLiteral("%1-p%2-o%3.json")
                                         .arg(QString::fromStdString(record->topic))
                                         .arg(record->partition)
                                         .arg(record->offset));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(record->value->data(), qint64(record->value->size())) !=
            qint64(record->value->size()) ||
        !file.commit())
        QMessageBox::warning(this, tr("Save message value"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
}

void RunsPane::updateStatus(const QString& connection)
{
    if (!connection.isEmpty())
        m_connection = connection;
    QString text = m_connection;
    text += tr(" · %n message(s)", nullptr, m_model->rowCount());
    if (m_model->droppedCount() > 0)
        text += tr(" · %1 oldest dropped (keeps at most %2 messages and %3)")
                    .arg(m_model->droppedCount())
                    .arg(m_model->capacity())
                    .arg(QLocale::system().formattedDataSize(m_model->byteBudget()));
    m_status->setText(text);
}

} // namespace porthole
