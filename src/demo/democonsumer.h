// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/watchedmessage.h"
#include "portapi/portclient.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <memory>
#include <optional>

namespace porthole {

class WatchSession;

/// Where the demo consumer reads and reports, and how slowly.
struct DemoConsumerConfig
{
    QString bootstrap;    ///< the sandbox broker, "127.0.0.1:P"
    QString topic;        ///< ORG.runs
    QString org;          ///< ORG
    QUrl apiUrl;          ///< the local Port API
    QString clientId;     ///< the sandbox's credentials (in memory only)
    QString clientSecret; ///< never logged
    int paceMs = 1500;    ///< wait before each report step (0 in tests)
};

/// A stand-in for Port's execution agent, built into the app for demos: it watches the runs
/// topic from its end, read-only (WatchSession: assign + seek, never a group or a commit, so it
/// takes nothing from anyone), and answers every workflow node run it sees like the agent:
/// PATCH status IN_PROGRESS, POST two log lines, PATCH COMPLETED/SUCCESS with an output object.
/// Runs are handled one after another, each step `paceMs` after the previous answer. A run can be
/// given another ending (setPlan) so a demo shows what a failure and a stuck run look like.
class DemoConsumer : public QObject
{
    Q_OBJECT
public:
    /// The report steps, in the order they are sent.
    enum class Step
    {
        InProgress,
        Logs,
        Mistake,  ///< COMPLETED with FAILURE, a classic run's word: Port refuses it (422)
        Completed ///< COMPLETED with SUCCESS, or FAILED for a failing run
    };
    /// How the consumer ends a run.
    enum class Plan
    {
        Succeed,  ///< IN_PROGRESS, logs, COMPLETED/SUCCESS
        Fail,     ///< IN_PROGRESS, an error log, the FAILURE mistake (refused), COMPLETED/FAILED
        HandOver, ///< IN_PROGRESS and a log saying a person must finish it; never completed
    };

    explicit DemoConsumer(DemoConsumerConfig config, QObject* parent = nullptr);
    ~DemoConsumer() override;

    /// Starts watching from the topic's end; ready() once positioned there.
    void start();
    /// Stops watching and drops what is not yet reported.
    void stop();
    /// True once it reads the topic's end (a message published after this is seen).
    bool isReady() const { return m_ready; }
    /// Changes the pace for the steps still to come.
    void setPaceMs(int ms) { m_config.paceMs = ms; }
    /// How to end `nodeRunId` when it arrives (Succeed when not given).
    void setPlan(const QString& nodeRunId, Plan plan) { m_plans.insert(nodeRunId, plan); }
    /// The step's name as the demo shows it ("IN_PROGRESS", "log", "COMPLETED").
    static QString stepName(Step step);

Q_SIGNALS:
    /// Watching from the topic's end: what is published now will be received.
    void ready();
    /// The watcher could not start or lost the broker for good.
    void failed(const QString& error);
    /// A workflow node run arrived on the topic (it will be reported on).
    void runReceived(const QString& nodeRunId);
    /// A report step is about to be sent (after the pace's wait).
    void stepStarted(const QString& nodeRunId, porthole::DemoConsumer::Step step);
    /// The API answered a step (`error` empty on a 2xx; a refused Mistake is expected and the
    /// run goes on).
    void stepAnswered(const QString& nodeRunId, porthole::DemoConsumer::Step step, int httpStatus,
                      const QString& error);
    /// Every step of the run's plan was answered as expected (`ok`), or one was refused (the
    /// rest not sent).
    void runFinished(const QString& nodeRunId, bool ok);

private:
    struct Job
    {
        QString nodeRunId;
        QString workflowRunId;
        int partition = -1;
        qint64 offset = -1;
        int payloadFields = 0;
        Plan plan = Plan::Succeed;
        int step = 0; ///< index into stepsOf(plan)
    };
    static QList<Step> stepsOf(Plan plan);
    void onBatch(const porthole::MessageBatch& batch);
    void scheduleNext();
    void sendStep();
    std::optional<PortRequest> requestFor(const Job& job, QString* error) const;
    void finishJob(bool ok);

    DemoConsumerConfig m_config;
    PortClient m_client;
    std::unique_ptr<WatchSession> m_session;
    QTimer m_pace;
    QList<Job> m_queue;
    QSet<QString> m_seen; // a run is reported once, even when a message names it again
    QHash<QString, Plan> m_plans;
    bool m_busy = false;
    bool m_ready = false;
};

} // namespace porthole

Q_DECLARE_METATYPE(porthole::DemoConsumer::Step)
