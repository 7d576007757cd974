// SPDX-License-Identifier: GPL-3.0-or-later
#include "actionflow.h"

#include <QAction>
#include <QActionEvent>
#include <QLayout>
#include <QToolButton>

#include <algorithm>
#include <vector>

namespace porthole {
namespace {

// Items left to right, a new row when the next one would pass the right edge.
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget* parent) : QLayout(parent) { setContentsMargins(2, 2, 2, 2); }
    ~FlowLayout() override
    {
        while (QLayoutItem* item = takeAt(0))
            delete item;
    }
    void addItem(QLayoutItem* item) override { m_items.push_back(item); }
    void insertItem(int at, QLayoutItem* item)
    {
        m_items.insert(m_items.begin() + std::clamp<int>(at, 0, count()), item);
        invalidate();
    }
    int count() const override { return int(m_items.size()); }
    QLayoutItem* itemAt(int i) const override
    {
        return i >= 0 && i < count() ? m_items[size_t(i)] : nullptr;
    }
    QLayoutItem* takeAt(int i) override
    {
        if (i < 0 || i >= count())
            return nullptr;
        QLayoutItem* item = m_items[size_t(i)];
        m_items.erase(m_items.begin() + i);
        return item;
    }
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override { return arrange({0, 0, width, 0}, false); }
    void setGeometry(const QRect& rect) override
    {
        QLayout::setGeometry(rect);
        arrange(rect, true);
    }
    QSize sizeHint() const override
    {
        // All on one row when there is room.
        int w = 0, h = 0;
        for (QLayoutItem* item : m_items) {
            if (item->isEmpty())
                continue;
            w += item->sizeHint().width() + spacing();
            h = std::max(h, item->sizeHint().height());
        }
        const QMargins m = contentsMargins();
        return {w + m.left() + m.right(), h + m.top() + m.bottom()};
    }
    QSize minimumSize() const override
    {
        QSize s;
        for (QLayoutItem* item : m_items)
            if (!item->isEmpty())
                s = s.expandedTo(item->minimumSize());
        const QMargins m = contentsMargins();
        return s + QSize(m.left() + m.right(), m.top() + m.bottom());
    }
    int rows(int width) const
    {
        int n = 0;
        arrange({0, 0, width, 0}, false, &n);
        return n;
    }

private:
    std::vector<QLayoutItem*> m_items;

    int arrange(const QRect& rect, bool place, int* rowsOut = nullptr) const
    {
        const QMargins m = contentsMargins();
        const QRect area = rect.marginsRemoved(m);
        const int gap = std::max(0, spacing());
        int x = area.x(), y = area.y(), rowHeight = 0, rowsUsed = 0;
        for (QLayoutItem* item : m_items) {
            if (item->isEmpty())
                continue;
            const QSize size = item->sizeHint();
            if (x > area.x() && x + size.width() > area.right() + 1) {
                x = area.x();
                y += rowHeight + gap;
                rowHeight = 0;
            }
            if (rowHeight == 0)
                ++rowsUsed;
            if (place)
                item->setGeometry({QPoint(x, y), size});
            x += size.width() + gap;
            rowHeight = std::max(rowHeight, size.height());
        }
        if (rowsOut)
            *rowsOut = rowsUsed;
        return y + rowHeight - rect.y() + m.bottom();
    }
};

} // namespace

ActionFlow::ActionFlow(QWidget* parent) : QWidget(parent)
{
    auto* flow = new FlowLayout(this);
    flow->setSpacing(2);
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
}

QAction* ActionFlow::addSeparator()
{
    auto* separator = new QAction(this);
    separator->setSeparator(true);
    addAction(separator);
    return separator;
}

void ActionFlow::addWidget(QWidget* widget)
{
    layout()->addWidget(widget);
}

int ActionFlow::indexOf(const QAction* action) const
{
    const QLayout* flow = layout();
    for (int i = 0; action && i < flow->count(); ++i)
        if (QWidget* w = flow->itemAt(i)->widget();
            w && w->property("flowAction").value<QObject*>() == action)
            return i;
    return flow->count();
}

int ActionFlow::rowCount() const
{
    return static_cast<const FlowLayout*>(layout())->rows(width());
}

void ActionFlow::actionEvent(QActionEvent* event)
{
    auto* flow = static_cast<FlowLayout*>(layout());
    QAction* action = event->action();
    switch (event->type()) {
    case QEvent::ActionAdded: {
        QWidget* item = nullptr;
        if (action->isSeparator()) {
            item = new QWidget(this);
            item->setFixedWidth(8);
        } else {
            auto* button = new QToolButton(this);
            button->setDefaultAction(action);
            button->setToolButtonStyle(Qt::ToolButtonTextOnly);
            button->setAutoRaise(true);
            item = button;
        }
        item->setProperty("flowAction", QVariant::fromValue(static_cast<QObject*>(action)));
        flow->insertItem(indexOf(event->before()), new QWidgetItem(item));
        item->setVisible(action->isVisible());
        break;
    }
    case QEvent::ActionChanged:
    case QEvent::ActionRemoved:
        if (const int i = indexOf(action); i < flow->count()) {
            QWidget* w = flow->itemAt(i)->widget();
            if (event->type() == QEvent::ActionRemoved) {
                delete flow->takeAt(i);
                w->deleteLater();
            } else {
                w->setVisible(action->isVisible());
            }
        }
        flow->invalidate();
        break;
    default:
        break;
    }
    QWidget::actionEvent(event);
}

} // namespace porthole
