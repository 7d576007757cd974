// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QTableView;

namespace porthole {

class RunsFilterProxy;

/// Keeps the newest row in sight while rows stream in, unless the user scrolled away: then
/// it stops following (and keeps the rows the user looks at still, even as rows arrive above
/// or leave below) until the user scrolls back to the newest row or calls follow().
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

Q_SIGNALS:
    /// following() or unseen() changed.
    void changed();

private:
    QTableView* m_view;
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
