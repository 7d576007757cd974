// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runevent.h"

#include "core/messagedecoder.h"

#include <QHash>
#include <QObject>
#include <QVector>

#include <string_view>

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

    /// The most runs kept: the oldest run's story goes first (a million watched messages with
    /// run ids must not keep a million stories).
    static constexpr int kMaxRuns = 20000;

    explicit RunLedger(QObject* parent = nullptr);

    /// The id a run's story is filed under: the node run (wfnr_), else the action run (r_),
    /// else the workflow run (wfr_); the same id the Runs table's Run id column shows.
    static QString primaryRunId(const RunIds& ids);

    /// Records an event (kept in time order per run; events without a run id are ignored).
    void add(const RunEvent& event);
    /// The run's events in time order.
    QVector<RunEvent> events(const QString& runId) const;
    /// The run's latest accepted report (a Reported event answered 2xx with a status), or an
    /// empty state. Refused reports never change it.
    State state(const QString& runId) const;
    /// True when this session published a message for the run.
    bool publishedHere(const QString& runId) const;
    /// True when the run has a story (any event kept).
    bool knows(const QString& runId) const { return m_events.contains(runId); }
    /// False when no run with a story has an id whose UTF-8 bytes hash to `idHash` (see
    /// idHash()); true means "perhaps": check with knows(). Lets a watcher skip making a string
    /// for each of a busy topic's messages.
    bool mayKnow(size_t idHash) const { return m_idHashes.contains(idHash); }
    static size_t idHash(std::string_view utf8Id);
    /// How many events of the stage were recorded (all runs).
    int count(RunEvent::Stage stage) const;
    /// Every run id seen, in first-seen order.
    QStringList runIds() const;
    void clear();

    /// A node run of a workflow run, and the node it ran (empty when not known).
    struct NodeRun
    {
        QString runId;
        QString node;
    };
    /// Files node run `nodeRunId` (of node `node`, may be empty) under workflow run
    /// `workflowRunId`, so the workflow run's story lists its node runs. Events naming both ids
    /// do this too.
    void linkNodeRun(const QString& workflowRunId, const QString& nodeRunId,
                     const QString& node = {});
    /// The node runs of a workflow run, in the order they were first seen.
    QVector<NodeRun> nodeRuns(const QString& workflowRunId) const;
    /// The workflow run a node run belongs to ("" when not known).
    QString workflowRunOf(const QString& nodeRunId) const { return m_parent.value(nodeRunId); }

Q_SIGNALS:
    /// An event was added to `runId`'s story (its state may have changed).
    void changed(const QString& runId);
    /// The run's state() changed (fewer than changed(): views that show the state listen here).
    void stateChanged(const QString& runId);

private:
    QHash<QString, QVector<RunEvent>> m_events;
    QHash<QString, State> m_state;
    QStringList m_order;
    QHash<int, int> m_counts;
    QHash<size_t, int> m_idHashes;               ///< hash of each kept run id -> how many share it
    QHash<QString, QVector<NodeRun>> m_children; ///< workflow run -> its node runs
    QHash<QString, QString> m_parent;            ///< node run -> its workflow run
    void dropOldest();
};

} // namespace porthole
