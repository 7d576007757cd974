// SPDX-License-Identifier: GPL-3.0-or-later
#include "messagedetailview.h"

#include "actionflow.h"
#include "messagevalueview.h"
#include "rawbytesview.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace porthole {
namespace {

QTableWidget* twoColumnTable(const QString& name, const QString& first, const QString& second,
                             QWidget* parent)
{
    auto* table = new QTableWidget(0, 2, parent);
    table->setObjectName(name);
    table->setHorizontalHeaderLabels({first, second});
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setWordWrap(false);
    table->setAlternatingRowColors(true);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    table->verticalHeader()->setDefaultSectionSize(22);
    return table;
}

void addRow(QTableWidget* table, const QString& name, const QString& value, bool muted = false)
{
    const int row = table->rowCount();
    table->insertRow(row);
    table->setItem(row, 0, new QTableWidgetItem(name));
    auto* item = new QTableWidgetItem(value);
    item->setToolTip(value.left(2000));
    if (muted) {
        QFont f = item->font();
        f.setItalic(true);
        item->setFont(f);
        item->setForeground(table->palette().color(QPalette::PlaceholderText));
    }
    table->setItem(row, 1, item);
}

// Bytes for a table cell: text as it is, anything else as base64 with a word saying so.
QString cellText(const std::string& bytes)
{
    if (MessageDecoder::isUtf8(bytes))
        return QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    return QStringLiteral("base64:") +
           QString::fromLatin1(QByteArray(bytes.data(), qsizetype(bytes.size())).toBase64());
}

} // namespace

MessageDetailView::MessageDetailView(QWidget* parent)
    : QWidget(parent), m_toolBar(new ActionFlow(this)), m_placeholder(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_value(new MessageValueView(this)),
      m_headers(twoColumnTable(QStringLiteral("runsDetailHeaders"), tr("Name"), tr("Value"), this)),
      m_metadata(
          twoColumnTable(QStringLiteral("runsDetailMetadata"), tr("Field"), tr("Value"), this)),
      m_raw(new RawBytesView(this))
{
    setObjectName(QStringLiteral("runsDetail"));
    m_toolBar->setObjectName(QStringLiteral("runsDetailActions"));
    m_placeholder->setObjectName(QStringLiteral("runsDetailPlaceholder"));
    m_placeholder->setText(tr("Select a message to see it whole."));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_tabs->setObjectName(QStringLiteral("runsDetailTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_value, tr("Value"));
    m_tabs->addTab(m_headers, tr("Headers"));
    m_tabs->addTab(m_metadata, tr("Metadata"));
    m_tabs->addTab(m_raw, tr("Raw"));
    m_tabs->setTabToolTip(m_tabs->indexOf(m_raw), tr("The key's and value's bytes as hex"));
    m_headers->horizontalHeader()->resizeSection(0, 180);
    m_metadata->horizontalHeader()->resizeSection(0, 150);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_placeholder, 1);
    layout->addWidget(m_tabs, 1);
    clear();
}

void MessageDetailView::setMessage(std::shared_ptr<const KafkaRecord> shown,
                                   const MessageInfo& info, const QString& signature,
                                   const QString& signatureWhy)
{
    m_record = std::move(shown);
    const KafkaRecord& record = *m_record;
    m_placeholder->hide();
    m_tabs->show();
    m_value->setValue(m_record, info.format);
    fillHeaders(record);
    fillMetadata(record, info, signature, signatureWhy);
    m_raw->setRecord(m_record);
    m_tabs->setTabText(1, tr("Headers (%1)").arg(record.headers.size()));
    m_tabs->setTabText(0, record.value ? tr("Value") : tr("Value (tombstone)"));
}

void MessageDetailView::clear()
{
    m_record.reset();
    m_value->clear();
    m_headers->setRowCount(0);
    m_metadata->setRowCount(0);
    m_raw->clear();
    m_tabs->setTabText(0, tr("Value"));
    m_tabs->setTabText(1, tr("Headers"));
    m_tabs->hide();
    m_placeholder->show();
}

void MessageDetailView::fillHeaders(const KafkaRecord& record)
{
    m_headers->setRowCount(0);
    for (const auto& [name, value] : record.headers) {
        if (value)
            addRow(m_headers, QString::fromStdString(name), cellText(*value));
        else
            addRow(m_headers, QString::fromStdString(name), tr("(null)"), true);
    }
}

void MessageDetailView::fillMetadata(const KafkaRecord& r, const MessageInfo& info,
                                     const QString& signature, const QString& signatureWhy)
{
    const QLocale locale;
    m_metadata->setRowCount(0);
    addRow(m_metadata, tr("Topic"), QString::fromStdString(r.topic));
    addRow(m_metadata, tr("Partition"), QString::number(r.partition));
    addRow(m_metadata, tr("Offset"), QString::number(r.offset));
    addRow(m_metadata, tr("Timestamp"),
           r.timestamp < 0
               ? tr("(none)")
               : QStringLiteral("%1 · %2 ms")
                     .arg(QDateTime::fromMSecsSinceEpoch(r.timestamp).toString(Qt::ISODateWithMs),
                          QString::number(r.timestamp)));
    switch (r.timestampType) {
    case TimestampType::CreateTime:
        addRow(m_metadata, tr("Timestamp type"), tr("CreateTime (set by the producer)"));
        break;
    case TimestampType::LogAppendTime:
        addRow(m_metadata, tr("Timestamp type"), tr("LogAppendTime (set by the broker)"));
        break;
    case TimestampType::None:
        addRow(m_metadata, tr("Timestamp type"), tr("(none)"), true);
        break;
    }
    if (r.key)
        addRow(m_metadata, tr("Key"), cellText(*r.key));
    else
        addRow(m_metadata, tr("Key"), tr("no key"), true);
    qulonglong headerBytes = 0;
    for (const auto& [name, value] : r.headers)
        headerBytes += name.size() + (value ? value->size() : 0);
    // A null key or value is absent, not empty: said in words, as the table says it.
    if (r.key)
        addRow(m_metadata, tr("Key size"), tr("%Ln byte(s)", nullptr, int(r.key->size())));
    else
        addRow(m_metadata, tr("Key size"), tr("– (no key)"), true);
    if (r.value)
        addRow(m_metadata, tr("Value size"), tr("%Ln byte(s)", nullptr, int(r.value->size())));
    else
        addRow(m_metadata, tr("Value size"), tr("– (tombstone: a null value)"), true);
    addRow(m_metadata, tr("Headers size"),
           tr("%1 bytes in %Ln header(s)", nullptr, int(r.headers.size()))
               .arg(locale.toString(headerBytes)));
    static const char* const formats[] = {"null", "JSON", "text", "binary"};
    addRow(m_metadata, tr("Value format"), tr(formats[int(info.format)]));
    addRow(m_metadata, tr("Kind"), QString::fromLatin1(MessageDecoder::kindName(info.kind)));
    const auto id = [](const RunId& run) {
        return run.isNull() ? QStringLiteral("–")
                            : QString::fromStdString(run.text()) +
                                  (run.isUnusual() ? QStringLiteral(" (unusual id)") : QString());
    };
    addRow(m_metadata, tr("Workflow run"), id(info.ids.workflowRun));
    addRow(m_metadata, tr("Node run"), id(info.ids.nodeRun));
    addRow(m_metadata, tr("Action run"), id(info.ids.actionRun));
    addRow(m_metadata, tr("Signature"),
           signatureWhy.isEmpty() ? signature
                                  : QStringLiteral("%1: %2").arg(signature, signatureWhy));
}

} // namespace porthole
