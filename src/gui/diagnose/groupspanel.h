// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTimer;

namespace porthole {

class GroupPoller;
class LagChart;
class Session;
struct GroupsSnapshot;

/// The Runs tab's consumer groups: the organisation's groups (where the broker can list them)
/// and the ones the user names, with committed offset, end offset, lag and the oldest waiting
/// message's age per partition, and each group's lag over time. Polls every few seconds off
/// the UI thread through the admin API (never joins a group, never commits) and keeps the
/// session's GroupCommits (the Consumed column) up to date. Polls only while shown or while
/// groups are named.
class GroupsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit GroupsPanel(Session* session, QWidget* parent = nullptr);

    /// Adds a group id to watch (remembered per topic).
    void addGroup(const QString& group);
    /// Selects `group`'s first row (false when it is not shown).
    bool selectGroup(const QString& group);
    /// Polls now (unless a poll is running).
    void refresh();
    LagChart* chart() const { return m_chart; }

    static constexpr int kIntervalMs = 3000;

Q_SIGNALS:
    /// A poll's result was shown.
    void refreshed();

protected:
    void showEvent(QShowEvent* event) override;

private:
    Session* m_session;
    GroupPoller* m_poller;
    QTimer* m_timer;
    QLineEdit* m_add;
    QPushButton* m_remove;
    QLabel* m_note;
    QTableWidget* m_table;
    LagChart* m_chart;
    QString m_topic;     ///< the topic the shown groups belong to
    QStringList m_named; ///< named by the user for m_topic
    QStringList m_listed;
    QString m_listNote;      ///< why the broker cannot list the groups ("" when it can)
    bool m_listAgain = true; ///< ask the broker for ORG.* on the next poll
    void connectionChanged();
    void present(const GroupsSnapshot& s);
    void saveNamed();
    void publishGroups();
};

} // namespace porthole
