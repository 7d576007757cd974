// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <QObject>
#include <QString>

namespace porthole {

class PortAccount;
class PortClient;

/// Fetches a workflow run (GET /v1/workflows/runs/{wfr}) from the session's Port account, the
/// sandbox's local API when no other is set, without blocking: the answer or a failure in
/// words comes back as a signal. One fetch at a time; a new one (or cancel) drops the last.
class WorkflowRunFetch : public QObject
{
    Q_OBJECT
public:
    explicit WorkflowRunFetch(QObject* parent = nullptr);
    ~WorkflowRunFetch() override;

    /// Starts fetching `wfr`; false with `error` (nothing sent) when the id is not a workflow
    /// run id or no API is set. `where` (optional) gets the API's address.
    bool start(const PortAccount& account, const QString& wfr, QString* error,
               QString* where = nullptr);
    void cancel()
    {
        ++m_generation;
        m_busy = false;
    }
    bool busy() const { return m_busy; }

Q_SIGNALS:
    /// The run's answer (the whole body: {ok, workflowRun{…}}).
    void fetched(const QString& wfr, const porthole::JsonValue& answer);
    /// Why the run could not be read, for people (401, 404, unreachable…).
    void failed(const QString& wfr, const QString& why);

private:
    PortClient* m_client = nullptr;
    int m_generation = 0;
    bool m_busy = false;
};

} // namespace porthole
