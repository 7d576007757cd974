#include "captionbanner.h"

#include <QHBoxLayout>
#include <QLabel>

namespace porthole {

CaptionBanner::CaptionBanner(QWidget* parent)
    : QFrame(parent), m_text(new QLabel(this)), m_hint(new QLabel(this))
{
    setObjectName(QStringLiteral("demoCaption"));
    m_text->setObjectName(QStringLiteral("demoCaptionText"));
    // Fixed colours, not the palette's: the band must read the same on light and dark desktops
    // and on a projector (white on a deep blue, well above 7:1 contrast).
    setAutoFillBackground(true);
    setStyleSheet(QStringLiteral("#demoCaption { background: #12355b; }"
                                 "#demoCaption QLabel { color: #ffffff; }"));
    QFont big = font();
    big.setPointSizeF(std::max(18.0, font().pointSizeF() * 1.8));
    big.setBold(true);
    m_text->setFont(big);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_hint->setText(tr("Esc stops the demo"));
    m_hint->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(18, 12, 18, 12);
    row->addWidget(m_text, 1);
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

} // namespace porthole
