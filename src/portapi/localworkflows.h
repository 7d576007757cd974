// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portroute.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

namespace porthole {

class LocalRunStore;
struct LocalApiReply;
struct LocalApiRequest;

// The workflows the local Port API keeps (port-reference.md §8): POST /v1/workflows,
// GET|PUT|DELETE /v1/workflows/{id} answer {ok, workflow}; POST /v1/workflows/{id}/runs checks
// the trigger's required inputs, creates the run in the store and answers 201 {ok, workflowRun}.
// Running it is someone else's job (the sandbox's workflow runner in src/flow, which has jq):
// the ids of runs created since the last call are handed out by takeStartedRuns().
class LocalWorkflows
{
public:
    /// Answers one of the workflow document routes (match.isWorkflowDocument()).
    LocalApiReply handle(const LocalApiRequest& request, const PortRouteMatch& match,
                         LocalRunStore& store);
    /// The workflow's JSON text as last stored (compact), empty when unknown.
    QByteArray document(const QString& identifier) const { return m_docs.value(identifier); }
    /// A run created by POST /v1/workflows/{id}/runs, with the workflow as it was then.
    struct StartedRun
    {
        QString workflowRunId;
        QByteArray workflow; ///< the workflow's JSON text
    };
    /// Runs created since the last call, oldest first.
    QList<StartedRun> takeStartedRuns();

private:
    LocalApiReply store(const QString& id, const QByteArray& body, bool replace);
    LocalApiReply startRun(const QString& id, const QByteArray& body, LocalRunStore& store);

    QHash<QString, QByteArray> m_docs;
    QHash<QString, int> m_versions; // how often each was written: its version identifier
    QList<StartedRun> m_started;
};

} // namespace porthole
