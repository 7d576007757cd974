#pragma once

#include "runevent.h"

#include <QHash>
#include <QObject>
#include <QVector>

namespace porthole {

/// Every run's story in this session, by run id: what was rendered, published, received and
/// reported, in time order. One ledger per window; panes add what they see, views read it.
/// QtCore only, so the story can be tested without a display.
class RunLedger : public QObject
{
    Q_OBJECT
public:
    /// A run's latest reported state (empty strings while nothing was reported).
    struct State
    {
        QString status; ///< IN_PROGRESS, COMPLETED, FAILURE, …
        QString result; ///< SUCCESS, FAILED, … when given
        QDateTime at;
    };

    explicit RunLedger(QObject* parent = nullptr);

    /// Records an event (kept in time order per run; events without a run id are ignored).
    void add(const RunEvent& event);
    /// The run's events in time order.
    QVector<RunEvent> events(const QString& runId) const;
    /// The run's latest accepted report (2xx), or an empty state.
    State state(const QString& runId) const;
    /// True when this session published a message for the run.
    bool publishedHere(const QString& runId) const;
    /// How many events of the stage were recorded (all runs).
    int count(RunEvent::Stage stage) const;
    /// Every run id seen, in first-seen order.
    QStringList runIds() const;
    void clear();

Q_SIGNALS:
    /// An event was added to `runId`'s story (its state may have changed).
    void changed(const QString& runId);

private:
    QHash<QString, QVector<RunEvent>> m_events;
    QHash<QString, State> m_state;
    QStringList m_order;
    QHash<int, int> m_counts;
};

} // namespace porthole
