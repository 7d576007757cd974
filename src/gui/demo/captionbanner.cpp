// SPDX-License-Identifier: GPL-3.0-or-later
#include "captionbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace porthole {

CaptionBanner::CaptionBanner(QWidget* parent)
    : QFrame(parent), m_text(new QLabel(this)), m_trail(new QLabel(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("demoCaption"));
    m_text->setObjectName(QStringLiteral("demoCaptionText"));
    m_trail->setObjectName(QStringLiteral("demoCaptionTrail"));
    // Fixed colours, not the palette's: the band must read the same on light and dark desktops
    // and on a projector (white on a deep blue, well above 7:1 contrast).
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#demoCaption { background: #12355b; }"
                                 "#demoCaption QLabel { color: #ffffff; }"
                                 "#demoCaption #demoCaptionTrail { color: #d6e6ff; }"));
    QFont big = font();
    big.setPointSizeF(std::max(18.0, font().pointSizeF() * 1.8));
    big.setBold(true);
    m_text->setFont(big);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    QFont medium = font();
    medium.setPointSizeF(std::max(12.0, font().pointSizeF() * 1.25));
    m_trail->setFont(medium);
    m_trail->setWordWrap(true);
    m_trail->setTextFormat(Qt::PlainText);
    m_trail->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // Room for two lines from the start: the panes below must not jump as the trail grows.
    m_trail->setMinimumHeight(2 * QFontMetrics(medium).lineSpacing());
    m_hint->setText(tr("Esc leaves the demo"));
    m_hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* column = new QVBoxLayout;
    column->setSpacing(4);
    column->addWidget(m_text);
    column->addWidget(m_trail);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(18, 10, 18, 10);
    row->addLayout(column, 1);
    row->addWidget(m_hint, 0);
    hide();
}

void CaptionBanner::showCaption(const QString& text)
{
    m_text->setText(text);
    show();
}

QString CaptionBanner::caption() const
{
    return m_text->text();
}

void CaptionBanner::setTrail(const QString& text)
{
    m_trail->setText(text);
}

QString CaptionBanner::trail() const
{
    return m_trail->text();
}

void CaptionBanner::setPlaying(bool playing)
{
    m_hint->setVisible(playing);
}

} // namespace porthole
