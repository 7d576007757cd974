// SPDX-License-Identifier: GPL-3.0-or-later
#include "readpositionbar.h"

#include <QComboBox>
#include <QDateTimeEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpressionValidator>
#include <QSettings>
#include <QSpinBox>

#include <algorithm>

namespace porthole {

namespace {
const QString kFromKey = QStringLiteral("runs/from");
const QString kFromValueKey = QStringLiteral("runs/fromValue");
} // namespace

ReadPositionBar::ReadPositionBar(QWidget* parent)
    : QWidget(parent), m_kind(new QComboBox(this)), m_offset(new QLineEdit(this)),
      m_time(new QDateTimeEdit(QDateTime::currentDateTime().addSecs(-3600), this)),
      m_count(new QSpinBox(this)), m_partitions(new QLineEdit(this))
{
    m_kind->setObjectName(QStringLiteral("runsFrom"));
    m_kind->setAccessibleName(tr("Start reading"));
    // Short item texts, the whole sentence in each tooltip: beside the node editor at 1024
    // wide the Runs tab has ~480 px, and "From the beginning" was cut to "From the…" there.
    const struct
    {
        QString text;
        QString tip;
        StartPosition::Kind kind;
    } kinds[] = {
        {tr("From start"), tr("From the beginning: every message each partition still holds"),
         StartPosition::Kind::Beginning},
        {tr("Last N"), tr("The last N messages of each partition"), StartPosition::Kind::Tail},
        {tr("New only"), tr("New messages only: from the end, as they arrive"),
         StartPosition::Kind::End},
        {tr("Offset"), tr("From an offset, in each partition"), StartPosition::Kind::Offset},
        {tr("Time"), tr("From a time: the first message at or after it, in each partition"),
         StartPosition::Kind::Timestamp},
    };
    for (const auto& k : kinds) {
        m_kind->addItem(k.text, int(k.kind));
        m_kind->setItemData(m_kind->count() - 1, k.tip, Qt::ToolTipRole);
    }
    // Never narrower than its longest item: the fields beside it give way first.
    m_kind->setSizePolicy(QSizePolicy::Fixed, m_kind->sizePolicy().verticalPolicy());
    m_offset->setObjectName(QStringLiteral("runsFromOffset"));
    m_offset->setPlaceholderText(tr("offset"));
    m_offset->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,18}")), this));
    m_offset->setText(QStringLiteral("0"));
    m_offset->setMaximumWidth(110);
    m_time->setObjectName(QStringLiteral("runsFromTime"));
    m_time->setCalendarPopup(true);
    m_time->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_time->setToolTip(tr("The first message at or after this local time, in each partition"));
    m_count->setObjectName(QStringLiteral("runsFromCount"));
    m_count->setRange(1, 10000000);
    m_count->setValue(100);
    m_count->setSuffix(tr(" per partition"));
    m_partitions->setObjectName(QStringLiteral("runsPartitions"));
    m_partitions->setAccessibleName(tr("Partitions"));
    m_partitions->setPlaceholderText(tr("all partitions"));
    m_partitions->setToolTip(tr("Partitions to read: empty for all, or e.g. 0,2 or 1-3"));
    // Wide enough for its placeholder at any window width (it was squeezed to ~25 px at 1024).
    m_partitions->setMinimumWidth(
        m_partitions->fontMetrics().horizontalAdvance(m_partitions->placeholderText()) + 20);
    m_partitions->setMaximumWidth(std::max(110, m_partitions->minimumWidth()));
    m_partitions->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9 ,\\-]*")), this));

    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(m_kind);
    row->addWidget(m_offset);
    row->addWidget(m_time);
    row->addWidget(m_count);
    row->addWidget(new QLabel(tr("Partitions"), this));
    row->addWidget(m_partitions);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReadPositionBar::showFields);
    // Only what the user does counts (activated, editingFinished), never setPosition().
    connect(m_kind, &QComboBox::activated, this, &ReadPositionBar::chosen);
    connect(m_offset, &QLineEdit::editingFinished, this, [this] {
        if (m_offset->isModified())
            Q_EMIT chosen();
        m_offset->setModified(false);
    });
    connect(m_partitions, &QLineEdit::editingFinished, this, [this] {
        if (m_partitions->isModified())
            Q_EMIT chosen();
        m_partitions->setModified(false);
    });
    connect(m_time, &QDateTimeEdit::editingFinished, this, &ReadPositionBar::chosen);
    connect(m_count, &QSpinBox::editingFinished, this, &ReadPositionBar::chosen);
    showFields();
    // The position last chosen comes back at the next launch (chosen by the user only: a
    // setPosition() from code is not a preference).
    QSettings settings;
    if (settings.contains(kFromKey)) {
        StartPosition saved;
        saved.kind = StartPosition::Kind(settings.value(kFromKey).toInt());
        saved.value = settings.value(kFromValueKey).toLongLong();
        if (m_kind->findData(int(saved.kind)) >= 0)
            setPosition(saved);
    }
    connect(this, &ReadPositionBar::chosen, this, [this] {
        const StartPosition p = position();
        QSettings settings;
        settings.setValue(kFromKey, int(p.kind));
        settings.setValue(kFromValueKey, qint64(p.value));
    });
}

void ReadPositionBar::showFields()
{
    const auto kind = StartPosition::Kind(m_kind->currentData().toInt());
    m_kind->setToolTip(m_kind->currentData(Qt::ToolTipRole).toString());
    m_offset->setVisible(kind == StartPosition::Kind::Offset);
    m_time->setVisible(kind == StartPosition::Kind::Timestamp);
    m_count->setVisible(kind == StartPosition::Kind::Tail);
}

StartPosition ReadPositionBar::position() const
{
    StartPosition p;
    p.kind = StartPosition::Kind(m_kind->currentData().toInt());
    switch (p.kind) {
    case StartPosition::Kind::Offset:
        p.value = m_offset->text().toLongLong();
        break;
    case StartPosition::Kind::Timestamp:
        p.value = m_time->dateTime().toMSecsSinceEpoch();
        break;
    case StartPosition::Kind::Tail:
        p.value = m_count->value();
        break;
    case StartPosition::Kind::Beginning:
    case StartPosition::Kind::End:
        break;
    }
    return p;
}

void ReadPositionBar::setPosition(const StartPosition& position)
{
    m_kind->setCurrentIndex(m_kind->findData(int(position.kind)));
    switch (position.kind) {
    case StartPosition::Kind::Offset:
        m_offset->setText(QString::number(position.value));
        break;
    case StartPosition::Kind::Timestamp:
        m_time->setDateTime(QDateTime::fromMSecsSinceEpoch(position.value));
        break;
    case StartPosition::Kind::Tail:
        m_count->setValue(int(std::min<int64_t>(position.value, m_count->maximum())));
        break;
    case StartPosition::Kind::Beginning:
    case StartPosition::Kind::End:
        break;
    }
}

std::optional<std::vector<int32_t>> ReadPositionBar::partitions(QString* error) const
{
    std::vector<int32_t> out;
    const QString text = m_partitions->text().trimmed();
    if (text.isEmpty() || text == QLatin1String("all"))
        return out;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList ends = part.trimmed().split(QLatin1Char('-'));
        bool ok1 = false, ok2 = false;
        const int from = ends.value(0).trimmed().toInt(&ok1);
        const int to = ends.size() == 2 ? ends[1].trimmed().toInt(&ok2) : from;
        if (!ok1 || (ends.size() == 2 && !ok2) || ends.size() > 2 || to < from ||
            to - from > 10000) {
            *error = tr("partitions: '%1' is not a partition or a range like 1-3").arg(part);
            return std::nullopt;
        }
        for (int p = from; p <= to; ++p)
            out.push_back(p);
    }
    return out;
}

} // namespace porthole
