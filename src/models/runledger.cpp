// SPDX-License-Identifier: GPL-3.0-or-later
#include "runledger.h"

#include <algorithm>

namespace porthole {

QString stageName(RunEvent::Stage stage)
{
    switch (stage) {
    case RunEvent::Stage::Rendered:
        return QStringLiteral("rendered");
    case RunEvent::Stage::Published:
        return QStringLiteral("published");
    case RunEvent::Stage::Received:
        return QStringLiteral("received");
    case RunEvent::Stage::Reported:
        return QStringLiteral("reported");
    case RunEvent::Stage::Logged:
        return QStringLiteral("logged");
    }
    return {};
}

RunLedger::RunLedger(QObject* parent) : QObject(parent) {}

QString RunLedger::primaryRunId(const RunIds& ids)
{
    const RunId& id = !ids.nodeRun.isNull()     ? ids.nodeRun
                      : !ids.actionRun.isNull() ? ids.actionRun
                                                : ids.workflowRun;
    return QString::fromStdString(id.text());
}

size_t RunLedger::idHash(std::string_view utf8Id)
{
    return qHash(QByteArrayView(utf8Id.data(), qsizetype(utf8Id.size())));
}

void RunLedger::dropOldest()
{
    const QString oldest = m_order.takeFirst();
    const size_t h = idHash(oldest.toStdString());
    if (--m_idHashes[h] <= 0)
        m_idHashes.remove(h);
    m_events.remove(oldest);
    m_state.remove(oldest);
    for (const NodeRun& child : m_children.take(oldest))
        m_parent.remove(child.runId);
}

void RunLedger::add(const RunEvent& event)
{
    if (event.runId.isEmpty())
        return;
    auto it = m_events.find(event.runId);
    if (it == m_events.end()) {
        if (m_order.size() >= kMaxRuns)
            dropOldest();
        it = m_events.insert(event.runId, {});
        m_order.append(event.runId);
        ++m_idHashes[idHash(event.runId.toStdString())];
    }
    // Stable by time: an event that arrives late (a watcher batch) still lands in its place.
    const auto pos =
        std::upper_bound(it->begin(), it->end(), event,
                         [](const RunEvent& a, const RunEvent& b) { return a.at < b.at; });
    it->insert(pos, event);
    ++m_counts[int(event.stage)];
    if (!event.workflowRunId.isEmpty() && event.workflowRunId != event.runId &&
        !m_parent.contains(event.runId))
        linkNodeRun(event.workflowRunId, event.runId);
    // Only what Port accepted is the run's state: a 422 leaves the run as it was.
    bool stateMoved = false;
    if (event.stage == RunEvent::Stage::Reported && !event.status.isEmpty() &&
        event.httpStatus >= 200 && event.httpStatus < 300) {
        State& s = m_state[event.runId];
        if (!s.at.isValid() || s.at <= event.at) {
            stateMoved = s.status != event.status || s.result != event.result;
            s = State{event.status, event.result, event.at};
        }
    }
    Q_EMIT changed(event.runId);
    if (stateMoved)
        Q_EMIT stateChanged(event.runId);
}

QVector<RunEvent> RunLedger::events(const QString& runId) const
{
    return m_events.value(runId);
}

RunLedger::State RunLedger::state(const QString& runId) const
{
    return m_state.value(runId);
}

bool RunLedger::publishedHere(const QString& runId) const
{
    const auto it = m_events.constFind(runId);
    if (it == m_events.constEnd())
        return false;
    return std::any_of(it->begin(), it->end(),
                       [](const RunEvent& e) { return e.stage == RunEvent::Stage::Published; });
}

int RunLedger::count(RunEvent::Stage stage) const
{
    return m_counts.value(int(stage));
}

QStringList RunLedger::runIds() const
{
    return m_order;
}

void RunLedger::linkNodeRun(const QString& workflowRunId, const QString& nodeRunId,
                            const QString& node)
{
    if (workflowRunId.isEmpty() || nodeRunId.isEmpty() || workflowRunId == nodeRunId)
        return;
    QVector<NodeRun>& children = m_children[workflowRunId];
    for (NodeRun& c : children)
        if (c.runId == nodeRunId) {
            if (c.node.isEmpty() && !node.isEmpty()) {
                c.node = node;
                Q_EMIT changed(workflowRunId);
            }
            return;
        }
    // Bounded like the stories: a node run is listed under one workflow run.
    if (m_parent.size() >= kMaxRuns)
        return;
    children.append({nodeRunId, node});
    m_parent.insert(nodeRunId, workflowRunId);
    Q_EMIT changed(workflowRunId);
}

QVector<RunLedger::NodeRun> RunLedger::nodeRuns(const QString& workflowRunId) const
{
    return m_children.value(workflowRunId);
}

void RunLedger::clear()
{
    m_children.clear();
    m_parent.clear();
    m_events.clear();
    m_state.clear();
    m_order.clear();
    m_counts.clear();
    m_idHashes.clear();
}

} // namespace porthole
