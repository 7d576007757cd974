// SPDX-License-Identifier: GPL-3.0-or-later
#include "spotlight.h"

#include <QEvent>
#include <QPainter>

namespace porthole {

namespace {
constexpr int kPen = 4;    // thick enough to see from the back of a room
constexpr int kMargin = 3; // drawn just outside the target, not over its text
} // namespace

Spotlight::Spotlight(QObject* owner) : QWidget(nullptr)
{
    setObjectName(QStringLiteral("demoSpotlight"));
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setAttribute(Qt::WA_TranslucentBackground);
    setFocusPolicy(Qt::NoFocus);
    // Owned by the demo, not by a window: it moves between windows with its target.
    connect(owner, &QObject::destroyed, this, [this] { delete this; });
    hide();
}

Spotlight::~Spotlight() = default;

void Spotlight::point(QWidget* target)
{
    if (m_target)
        m_target->removeEventFilter(this);
    if (m_window)
        m_window->removeEventFilter(this);
    m_target = target;
    m_window = target ? target->window() : nullptr;
    if (!target) {
        hide();
        setParent(nullptr);
        return;
    }
    if (parentWidget() != m_window) {
        setParent(m_window);
        setAttribute(Qt::WA_TransparentForMouseEvents);
    }
    target->installEventFilter(this);
    m_window->installEventFilter(this);
    follow();
}

bool Spotlight::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::Move:
    case QEvent::Resize:
    case QEvent::Show:
    case QEvent::Hide:
    case QEvent::LayoutRequest:
        follow();
        break;
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

void Spotlight::follow()
{
    if (!m_target || !m_window || !m_target->isVisible()) {
        hide();
        return;
    }
    const QPoint topLeft = m_target->mapTo(m_window, QPoint(0, 0));
    const QRect frame = QRect(topLeft, m_target->size())
                            .adjusted(-kMargin, -kMargin, kMargin, kMargin)
                            .intersected(m_window->rect());
    setGeometry(frame);
    show();
    raise();
    update();
}

void Spotlight::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // Amber reads on light and dark palettes alike, and is not the red of an error.
    QPen pen(QColor(0xff, 0xa0, 0x00), kPen);
    p.setPen(pen);
    p.setBrush(Qt::NoBrush);
    p.drawRoundedRect(QRectF(rect()).adjusted(kPen / 2.0, kPen / 2.0, -kPen / 2.0, -kPen / 2.0), 6,
                      6);
}

} // namespace porthole
