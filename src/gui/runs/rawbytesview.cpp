// SPDX-License-Identifier: GPL-3.0-or-later
#include "rawbytesview.h"

#include "core/hexdump.h"

#include <climits>

#include <QFontDatabase>
#include <QLocale>
#include <QPlainTextEdit>
#include <QShowEvent>
#include <QVBoxLayout>

namespace porthole {
namespace {

QString part(const QString& name, const std::optional<std::string>& bytes, const QString& null)
{
    if (!bytes)
        return RawBytesView::tr("%1 · %2").arg(name, null) + QLatin1Char('\n');
    const QLocale locale;
    const size_t size = bytes->size();
    QString out = RawBytesView::tr("%1 · %n byte(s)", nullptr, int(std::min<size_t>(size, INT_MAX)))
                      .arg(name);
    if (size > RawBytesView::kShownBytes)
        out += RawBytesView::tr(" · the first %1 shown")
                   .arg(locale.formattedDataSize(qint64(RawBytesView::kShownBytes)));
    out += QLatin1Char('\n');
    out += hexDump(std::string_view(*bytes).substr(0, RawBytesView::kShownBytes));
    return out;
}

} // namespace

RawBytesView::RawBytesView(QWidget* parent) : QWidget(parent), m_text(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("runsDetailRaw"));
    m_text->setObjectName(QStringLiteral("runsDetailRawText"));
    m_text->setReadOnly(true);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_text);
}

void RawBytesView::setRecord(std::shared_ptr<const KafkaRecord> record)
{
    m_record = std::move(record);
    m_dirty = true;
    if (isVisible())
        render();
}

void RawBytesView::clear()
{
    m_record.reset();
    m_dirty = false;
    m_text->clear();
}

QString RawBytesView::text()
{
    if (m_dirty)
        render();
    return m_text->toPlainText();
}

void RawBytesView::showEvent(QShowEvent* event)
{
    if (m_dirty)
        render();
    QWidget::showEvent(event);
}

void RawBytesView::render()
{
    m_dirty = false;
    if (!m_record)
        return;
    const KafkaRecord& r = *m_record;
    m_text->setPlainText(part(tr("Key"), r.key, tr("null (no key)")) + QLatin1Char('\n') +
                         part(tr("Value"), r.value, tr("null (a tombstone)")));
}

} // namespace porthole
