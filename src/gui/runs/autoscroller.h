// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QAction;
class QTableView;

namespace porthole {

class RunsFilterProxy;

/// Keeps the newest row in sight while rows stream in, unless the user scrolled away: then
/// it stops following (and keeps the rows the user looks at still, even as rows arrive above
/// or leave below) until the user scrolls back to the newest row or calls follow(). Selecting
/// a row stops following too, so the row chosen stays in sight during a live tail; the
/// checkable followAction() ("Follow", Ctrl+L) shows the state and resumes.
class AutoScroller : public QObject
{
    Q_OBJECT
public:
    AutoScroller(QTableView* view, RunsFilterProxy* proxy, QObject* parent = nullptr);

    bool following() const { return m_follow; }
    /// Rows that arrived while not following.
    qint64 unseen() const { return m_unseen; }
    /// Follows the newest row again and scrolls to it.
    void follow();
    /// Stops following (the rows on screen stay where they are).
    void pause();
    /// Checked while following; toggling it follows or pauses. Its shortcut works where the
    /// widget it is added to has the focus.
    QAction* followAction() const { return m_followAction; }

Q_SIGNALS:
    /// following() or unseen() changed.
    void changed();

private:
    QTableView* m_view;
    QAction* m_followAction;
    RunsFilterProxy* m_proxy;
    bool m_follow = true;
    bool m_ours = false; // the scroll in progress is this class's own
    qint64 m_unseen = 0;
    bool m_pending = false;

    bool atNewest() const;
    void scrollToNewest();
    void shift(int rows);
    void rowsArrived(int first, int last);
    void rowsLeaving(int first, int last);
    void scrolled();
};

} // namespace porthole
