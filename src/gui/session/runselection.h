// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"

#include <QObject>
#include <QString>

namespace porthole {

/// The run the user is looking at: the Runs table's selected message (its kind and ids), or
/// none. Reporting, the timeline and the demo act on it; anything that makes the selected row
/// go away (Clear, a new position, another connection) clears it, so no pane keeps acting on a
/// message that is no longer shown.
class RunSelection : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    bool isEmpty() const { return m_runId.isEmpty() && m_kind == MessageKind::Unknown; }
    MessageKind kind() const { return m_kind; }
    const RunIds& ids() const { return m_ids; }
    /// The id the run's story is filed under (RunLedger::primaryRunId), empty when none.
    QString runId() const { return m_runId; }

    /// A message was selected (`kind` and `ids` as decoded).
    void select(MessageKind kind, const RunIds& ids);
    /// Nothing is selected any more.
    void clear();

Q_SIGNALS:
    void changed();

private:
    MessageKind m_kind = MessageKind::Unknown;
    RunIds m_ids;
    QString m_runId;
};

} // namespace porthole
