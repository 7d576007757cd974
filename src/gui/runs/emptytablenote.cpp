// SPDX-License-Identifier: GPL-3.0-or-later
#include "emptytablenote.h"

#include <QAbstractItemView>
#include <QEvent>
#include <QHeaderView>

#include <algorithm>

namespace porthole {

EmptyTableNote::EmptyTableNote(QAbstractItemView* view, std::function<QString()> text)
    : QLabel(view->viewport()), m_view(view), m_text(std::move(text))
{
    setObjectName(QStringLiteral("runsEmptyNote"));
    setWordWrap(true);
    setAlignment(Qt::AlignCenter);
    setTextFormat(Qt::RichText);
    setTextInteractionFlags(Qt::LinksAccessibleByMouse | Qt::LinksAccessibleByKeyboard);
    setForegroundRole(QPalette::PlaceholderText);
    setContentsMargins(16, 16, 16, 16);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel* model = view->model();
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(model, signal, this, &EmptyTableNote::refresh);
    connect(model, &QAbstractItemModel::modelReset, this, &EmptyTableNote::refresh);
    connect(model, &QAbstractItemModel::layoutChanged, this, &EmptyTableNote::refresh);
    refresh();
}

void EmptyTableNote::refresh()
{
    const bool empty = m_view->model()->rowCount() == 0;
    if (empty)
        setText(m_text());
    setVisible(empty);
    if (empty)
        place();
}

bool EmptyTableNote::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::Resize)
        place();
    return QLabel::eventFilter(watched, event);
}

void EmptyTableNote::place()
{
    // Across the visible width (not the columns' total), a third of the way down.
    const QRect area = m_view->viewport()->rect();
    const int height = std::min(area.height(), heightForWidth(area.width()) + 8);
    setGeometry(area.x(), area.y() + std::max(0, (area.height() - height) / 3), area.width(),
                height);
}

} // namespace porthole
