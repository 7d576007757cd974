// SPDX-License-Identifier: GPL-3.0-or-later
#include "statuslook.h"

#include "gui/systemtheme.h"

#include <QHash>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>

namespace porthole::StatusLook {

namespace {

using State = RunsTableModel::RunState;

QColor base(State s)
{
    switch (s) {
    case State::InProgress:
        return QColor(0x1e, 0x6f, 0xd9);
    case State::Succeeded:
        return QColor(0x2e, 0x7d, 0x32);
    case State::Failed:
        return QColor(0xc6, 0x28, 0x28);
    case State::Cancelled:
        return QColor(0x8d, 0x6e, 0x63);
    case State::Other:
    case State::None:
        break;
    }
    return QColor(0x75, 0x75, 0x75);
}

// A filled disc with a white mark: the mark's shape tells the state apart without colour.
QPixmap paint(State s, int size, qreal dpr)
{
    QPixmap pm(QSize(size, size) * dpr);
    pm.setDevicePixelRatio(dpr);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF r(1, 1, size - 2, size - 2);
    p.setPen(Qt::NoPen);
    p.setBrush(base(s));
    p.drawEllipse(r);
    QPen mark(Qt::white, size / 7.0, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    p.setPen(mark);
    p.setBrush(Qt::NoBrush);
    const qreal w = r.width(), x = r.x(), y = r.y();
    switch (s) {
    case State::Succeeded: { // a check
        QPainterPath path;
        path.moveTo(x + w * 0.27, y + w * 0.52);
        path.lineTo(x + w * 0.44, y + w * 0.69);
        path.lineTo(x + w * 0.74, y + w * 0.34);
        p.drawPath(path);
        break;
    }
    case State::Failed: // a cross
        p.drawLine(QPointF(x + w * 0.32, y + w * 0.32), QPointF(x + w * 0.68, y + w * 0.68));
        p.drawLine(QPointF(x + w * 0.68, y + w * 0.32), QPointF(x + w * 0.32, y + w * 0.68));
        break;
    case State::InProgress: // clock hands
        p.drawLine(QPointF(x + w * 0.5, y + w * 0.5), QPointF(x + w * 0.5, y + w * 0.24));
        p.drawLine(QPointF(x + w * 0.5, y + w * 0.5), QPointF(x + w * 0.7, y + w * 0.6));
        break;
    case State::Cancelled: // a bar
        p.drawLine(QPointF(x + w * 0.28, y + w * 0.5), QPointF(x + w * 0.72, y + w * 0.5));
        break;
    case State::Other: // a dot
    case State::None:
        p.setBrush(Qt::white);
        p.drawEllipse(QPointF(x + w * 0.5, y + w * 0.5), w * 0.1, w * 0.1);
        break;
    }
    return pm;
}

} // namespace

QIcon icon(State s)
{
    static QHash<int, QIcon> cache;
    if (s == State::None)
        return {};
    auto it = cache.find(int(s));
    if (it == cache.end()) {
        QIcon i;
        for (int size : {16, 24, 32})
            for (qreal dpr : {1.0, 2.0})
                i.addPixmap(paint(s, size, dpr));
        it = cache.insert(int(s), i);
    }
    return *it;
}

QColor color(State s, const QPalette& palette)
{
    // On a dark window the base colours are too dim: lightened until they read, hue kept.
    return SystemTheme::readableOn(base(s), palette.color(QPalette::Base));
}

} // namespace porthole::StatusLook
