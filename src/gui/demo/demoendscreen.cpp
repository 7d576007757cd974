// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoendscreen.h"

#include <QEvent>
#include <QFrame>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace porthole {

DemoEndScreen::DemoEndScreen(QWidget* area)
    : QWidget(area), m_title(new QLabel(this)), m_lines(new QLabel(this)),
      m_again(new QPushButton(tr("&Play again"), this)),
      m_leave(new QPushButton(tr("&Start using Porthole"), this))
{
    setObjectName(QStringLiteral("demoEndScreen"));
    m_title->setObjectName(QStringLiteral("demoEndTitle"));
    m_lines->setObjectName(QStringLiteral("demoEndSummary"));
    m_again->setObjectName(QStringLiteral("demoPlayAgain"));
    m_leave->setObjectName(QStringLiteral("demoStartUsing"));
    m_again->setAccessibleName(tr("Play the demo again"));
    m_leave->setAccessibleName(tr("Leave the demo and start using Porthole"));
    // The caption band's colours (CaptionBanner): one look for the whole demo, readable on
    // light and dark desktops and on a projector.
    setAttribute(Qt::WA_StyledBackground);
    setStyleSheet(
        QStringLiteral("#demoEndScreen { background: rgba(10, 24, 44, 248); }"
                       "#demoEndScreen QLabel { color: #ffffff; }"
                       "#demoEndScreen QPushButton { font-size: 15pt; padding: 8px 22px; }"));
    QFont big = font();
    big.setPointSizeF(std::max(22.0, font().pointSizeF() * 2.2));
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    QFont medium = font();
    medium.setPointSizeF(std::max(13.0, font().pointSizeF() * 1.35));
    m_lines->setFont(medium);
    m_lines->setWordWrap(true);
    m_lines->setTextFormat(Qt::PlainText);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_again);
    buttons->addWidget(m_leave);
    buttons->addStretch(1);
    auto* card = new QVBoxLayout;
    card->setSpacing(18);
    card->addWidget(m_title);
    card->addWidget(m_lines);
    card->addLayout(buttons);
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 36, 48, 36);
    outer->addStretch(1);
    outer->addLayout(card);
    outer->addStretch(2);
    setTabOrder(m_again, m_leave);
    connect(m_again, &QPushButton::clicked, this, &DemoEndScreen::playAgainRequested);
    connect(m_leave, &QPushButton::clicked, this, &DemoEndScreen::leaveRequested);
    area->installEventFilter(this);
    hide();
}

void DemoEndScreen::showSummary(const QString& title, const QStringList& lines)
{
    m_title->setText(title);
    m_lines->setText(lines.join(QLatin1Char('\n')));
    setGeometry(parentWidget()->rect());
    show();
    raise();
    m_again->setFocus(Qt::OtherFocusReason);
}

QString DemoEndScreen::summary() const
{
    return m_title->text() + QLatin1Char('\n') + m_lines->text();
}

bool DemoEndScreen::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize)
        setGeometry(parentWidget()->rect());
    return QWidget::eventFilter(watched, event);
}

void DemoEndScreen::keyPressEvent(QKeyEvent* event)
{
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT leaveRequested();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace porthole
