// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "consumerprocess.h"

#include "portapi/localapicall.h"

#include <QElapsedTimer>
#include <QJsonObject>
#include <QObject>
#include <QStringList>
#include <QTimer>

#include <memory>

namespace porthole {

class GroupProbe;
class Sandbox;
class WorkflowRunner;

/// What a workflow check runs (check-consumer --workflow).
struct WorkflowCheckOptions
{
    QString workflowName;  ///< shown in the lines (the file's name)
    QByteArray workflow;   ///< the workflow's JSON text
    QJsonObject inputs;    ///< the trigger's inputs for the run
    int timeoutS = 60;     ///< how long the run may take once started
    int joinTimeoutS = 30; ///< how long to wait for the consumer to join its group
    bool sign = false;     ///< sign the KAFKA messages like Port
    QString org = QStringLiteral("sandbox");
    QString program;
    QStringList arguments;
    QString workingDirectory;
};

/// Checks a team's consumer over one whole workflow run in a private sandbox: starts the
/// sandbox with its workflow runner, the consumer (same environment and join probe as
/// ConsumerCheck), then creates the workflow and starts a run through the local Port API, as
/// a user would; the run publishes each KAFKA node in turn and waits for the consumer's
/// report. The check passes when the run ends COMPLETED/SUCCESS with every KAFKA node it
/// reached reported by the consumer and none of its calls refused. Event-driven.
class WorkflowCheck : public QObject
{
    Q_OBJECT
public:
    enum Exit
    {
        Passed = 0,
        Failed = 1,
        CannotStart = 3
    };

    explicit WorkflowCheck(WorkflowCheckOptions options, QObject* parent = nullptr);
    ~WorkflowCheck() override;

    void start();
    /// One verdict line per node of the workflow the run reached (and each KAFKA node it did
    /// not), then the run's line; valid after finished().
    const QStringList& lines() const { return m_lines; }
    /// Why the check could not run; empty otherwise.
    const QString& error() const { return m_error; }
    /// The consumer's last `n` lines, its client secret scrubbed.
    QStringList consumerLines(int n) const;
    bool consumerRan() const;

Q_SIGNALS:
    void logged(const QString& line);
    void finished(int exitCode);

private:
    void probeJoin();
    void startRun();
    void onCall(const LocalApiCall& call);
    void stopConsumer();
    void judge();
    void fail(int code, const QString& why);

    WorkflowCheckOptions m_options;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<WorkflowRunner> m_runner;
    std::unique_ptr<GroupProbe> m_probe;
    ConsumerProcess m_process;
    QTimer m_probeTimer, m_deadline;
    QElapsedTimer m_clock;
    QString m_group, m_secret, m_runId, m_error, m_runResult;
    QStringList m_lines;
    QList<LocalApiCall> m_refused; // calls about this run's node runs the API refused
    qint64 m_joinDeadlineMs = 0;
    bool m_started = false, m_done = false;
};

} // namespace porthole
