// SPDX-License-Identifier: GPL-3.0-or-later
#include "autoscroller.h"

#include "models/runsfilterproxy.h"

#include <QAction>
#include <QItemSelectionModel>
#include <QScrollBar>
#include <QTableView>
#include <QTimer>

namespace porthole {

AutoScroller::AutoScroller(QTableView* view, RunsFilterProxy* proxy, QObject* parent)
    : QObject(parent), m_view(view), m_followAction(new QAction(tr("Follow"), this)), m_proxy(proxy)
{
    m_followAction->setObjectName(QStringLiteral("runsFollow"));
    m_followAction->setCheckable(true);
    m_followAction->setChecked(true);
    m_followAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_followAction->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_followAction->setToolTip(
        tr("Keep the newest message in sight as messages arrive (%1); "
           "selecting a row or scrolling away pauses it")
            .arg(m_followAction->shortcut().toString(QKeySequence::NativeText)));
    connect(m_followAction, &QAction::triggered, this,
            [this](bool on) { on ? follow() : pause(); });
    connect(this, &AutoScroller::changed, m_followAction,
            [this] { m_followAction->setChecked(m_follow); });
    // A row the user chose must not scroll away under new rows. A reset or the row leaving
    // (current invalid) is no choice.
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex& current) {
                if (current.isValid() && !m_ours)
                    pause();
            });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { rowsArrived(first, last); });
    connect(m_proxy, &QAbstractItemModel::rowsAboutToBeRemoved, this,
            [this](const QModelIndex&, int first, int last) { rowsLeaving(first, last); });
    connect(m_proxy, &QAbstractItemModel::layoutChanged, this, [this] {
        if (m_follow)
            scrollToNewest();
    });
    connect(m_view->verticalScrollBar(), &QScrollBar::valueChanged, this, &AutoScroller::scrolled);
    // Rows that came while the view was hidden (another tab) have no scroll range yet: follow
    // when it appears.
    connect(m_view->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_follow)
            scrollToNewest();
    });
}

bool AutoScroller::atNewest() const
{
    const QScrollBar* bar = m_view->verticalScrollBar();
    return m_proxy->newestFirst() ? bar->value() <= bar->minimum() : bar->value() >= bar->maximum();
}

void AutoScroller::follow()
{
    m_follow = true;
    m_unseen = 0;
    scrollToNewest();
    Q_EMIT changed();
}

void AutoScroller::pause()
{
    if (!m_follow)
        return;
    m_follow = false;
    Q_EMIT changed();
}

void AutoScroller::scrollToNewest()
{
    // Once per event-loop turn, after the view has taken the new rows into its scroll range.
    if (m_pending)
        return;
    m_pending = true;
    QTimer::singleShot(0, this, [this] {
        m_pending = false;
        if (!m_follow)
            return;
        m_ours = true;
        QScrollBar* bar = m_view->verticalScrollBar();
        bar->setValue(m_proxy->newestFirst() ? bar->minimum() : bar->maximum());
        m_ours = false;
    });
}

void AutoScroller::shift(int rows)
{
    // The view scrolls per row: moving the bar by the rows added above (or removed above) keeps
    // what the user reads in place.
    m_ours = true;
    QScrollBar* bar = m_view->verticalScrollBar();
    bar->setValue(bar->value() + rows);
    m_ours = false;
}

void AutoScroller::rowsArrived(int first, int last)
{
    if (m_follow) {
        scrollToNewest();
        return;
    }
    m_unseen += last - first + 1;
    if (m_proxy->newestFirst() && first == 0) {
        // Let the view grow its range first, then keep the same rows in sight.
        const int rows = last - first + 1;
        QTimer::singleShot(0, this, [this, rows] { shift(rows); });
    }
    Q_EMIT changed();
}

void AutoScroller::rowsLeaving(int first, int last)
{
    // The oldest rows leave at the top when the newest are at the bottom.
    if (!m_follow && !m_proxy->newestFirst() && first == 0) {
        const int rows = last - first + 1;
        QTimer::singleShot(0, this, [this, rows] { shift(-rows); });
    }
}

void AutoScroller::scrolled()
{
    if (m_ours)
        return;
    const bool atEnd = atNewest();
    if (atEnd == m_follow)
        return;
    m_follow = atEnd;
    if (m_follow)
        m_unseen = 0;
    Q_EMIT changed();
}

} // namespace porthole
