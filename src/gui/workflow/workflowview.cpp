// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowview.h"

#include "workflowscene.h"

#include <QContextMenuEvent>
#include <QKeyEvent>
#include <QWheelEvent>

#include <algorithm>

namespace porthole {

WorkflowView::WorkflowView(QWidget* parent) : QGraphicsView(parent)
{
    setRenderHint(QPainter::Antialiasing);
    setDragMode(QGraphicsView::ScrollHandDrag);
    setFocusPolicy(Qt::StrongFocus);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
}

void WorkflowView::fit()
{
    m_fitted = true;
    if (!scene())
        return;
    const QRectF r = scene()->sceneRect();
    resetTransform();
    const double sx = double(viewport()->width()) / r.width();
    const double sy = double(viewport()->height()) / r.height();
    const double s = std::min({1.0, sx, sy});
    scale(s, s);
    centerOn(r.center());
}

void WorkflowView::zoomBy(double factor)
{
    m_fitted = false;
    const double now = transform().m11();
    const double to = std::clamp(now * factor, 0.1, 3.0);
    scale(to / now, to / now);
}

void WorkflowView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
    case Qt::Key_Right:
    case Qt::Key_Up:
    case Qt::Key_Down:
        Q_EMIT moveRequested(event->key());
        return;
    case Qt::Key_Return:
    case Qt::Key_Enter:
    case Qt::Key_Space:
        Q_EMIT chooseRequested();
        return;
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomBy(1.2);
        return;
    case Qt::Key_Minus:
        zoomBy(1 / 1.2);
        return;
    case Qt::Key_0:
        fit();
        return;
    case Qt::Key_F10: // Shift+F10, the menu key's stand-in (Qt maps only the Menu key itself)
        if (event->modifiers() & Qt::ShiftModifier) {
            Q_EMIT menuRequested(QPoint(), -1);
            return;
        }
        QGraphicsView::keyPressEvent(event);
        return;
    default:
        QGraphicsView::keyPressEvent(event);
    }
}

bool WorkflowView::focusNextPrevChild(bool next)
{
    bool taken = false;
    if (hasFocus())
        Q_EMIT stepRequested(next, &taken);
    return taken || QGraphicsView::focusNextPrevChild(next);
}

void WorkflowView::resizeEvent(QResizeEvent* event)
{
    QGraphicsView::resizeEvent(event);
    if (m_fitted)
        fit();
}

void WorkflowView::wheelEvent(QWheelEvent* event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        zoomBy(event->angleDelta().y() > 0 ? 1.15 : 1 / 1.15);
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void WorkflowView::contextMenuEvent(QContextMenuEvent* event)
{
    if (event->reason() == QContextMenuEvent::Keyboard) {
        Q_EMIT menuRequested(QPoint(), -1); // the pane opens it at the keyboard's node
        return;
    }
    for (QGraphicsItem* item : items(event->pos()))
        if (auto* node = qobject_cast<WorkflowNodeItem*>(item->toGraphicsObject())) {
            Q_EMIT menuRequested(event->globalPos(), node->index());
            return;
        }
    QGraphicsView::contextMenuEvent(event);
}

} // namespace porthole
