// SPDX-License-Identifier: GPL-3.0-or-later
#include "runselection.h"

#include "models/runledger.h"

namespace porthole {

void RunSelection::select(MessageKind kind, const RunIds& ids)
{
    const QString runId = RunLedger::primaryRunId(ids);
    if (kind == m_kind && runId == m_runId && ids.workflowRun == m_ids.workflowRun)
        return;
    m_kind = kind;
    m_ids = ids;
    m_runId = runId;
    Q_EMIT changed();
}

void RunSelection::clear()
{
    if (isEmpty())
        return;
    m_kind = MessageKind::Unknown;
    m_ids = {};
    m_runId.clear();
    Q_EMIT changed();
}

} // namespace porthole
