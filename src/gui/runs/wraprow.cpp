// SPDX-License-Identifier: GPL-3.0-or-later
#include "wraprow.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QTimer>
#include <QWidget>

#include <algorithm>

namespace porthole {

WrapRow::WrapRow(QWidget* host, QBoxLayout* column, QHBoxLayout* row, QList<QWidget*> trailing)
    : QObject(host), m_host(host), m_column(column), m_row(row), m_below(new QHBoxLayout),
      m_trailing(std::move(trailing))
{
    m_below->setContentsMargins(0, 0, 0, 0);
    m_below->addStretch(1);
    m_column->insertLayout(m_column->indexOf(m_row) + 1, m_below);
    host->installEventFilter(this);
    for (QWidget* w : std::as_const(m_trailing))
        w->installEventFilter(this); // Pause becomes Resume: its width changes
}

void WrapRow::update()
{
    // The width the row wants with everything on one line (hidden fields of the leading
    // widget excluded: their layout's size hint skips them).
    int want = m_row->contentsMargins().left() + m_row->contentsMargins().right();
    int items = 0;
    for (int i = 0; i < m_row->count(); ++i) {
        QWidget* w = m_row->itemAt(i)->widget();
        if (!w || w->isHidden())
            continue;
        want += std::max(w->minimumSizeHint().width(), w->minimumWidth());
        ++items;
    }
    if (m_wrapped)
        for (QWidget* w : std::as_const(m_trailing))
            if (!w->isHidden()) {
                want += std::max(w->minimumSizeHint().width(), w->minimumWidth());
                ++items;
            }
    want += std::max(0, items - 1) * std::max(0, m_row->spacing());
    const QMargins margins = m_host->contentsMargins() + m_host->layout()->contentsMargins();
    const bool wrap = want > m_host->width() - margins.left() - margins.right();
    if (wrap == m_wrapped)
        return;
    m_wrapped = wrap;
    for (QWidget* w : std::as_const(m_trailing)) {
        m_row->removeWidget(w);
        m_below->removeWidget(w);
        (wrap ? m_below : m_row)->addWidget(w);
    }
}

bool WrapRow::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize || event->type() == QEvent::LayoutRequest ||
        event->type() == QEvent::Show)
        QTimer::singleShot(0, this, &WrapRow::update); // after the layouts settle
    return QObject::eventFilter(watched, event);
}

} // namespace porthole
