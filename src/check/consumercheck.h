// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "checkoptions.h"
#include "checkrun.h"
#include "consumerprocess.h"
#include "outputpredicate.h"

#include <QElapsedTimer>
#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>

#include <memory>
#include <vector>

namespace porthole {

class GroupProbe;
class Sandbox;

/// Runs a team's consumer against a private sandbox and proves it reports back: starts a fresh
/// broker + local Port API, starts the consumer with the connection in its environment, waits
/// until it has joined its group (GroupProbe), publishes the node's runs (fresh ids each) and
/// follows the local API's calls until every run's verdict is known (reported COMPLETED or
/// refused with a 4xx), the consumer exits or the time is up; then stops the consumer (TERM,
/// then KILL) and judges each run (RunJudge).
/// Event-driven on the calling thread's loop: the CLI and the app's dialog share it.
class ConsumerCheck : public QObject
{
    Q_OBJECT
public:
    /// Exit codes (porthole-cli's): every run passed / input or runs failed / cannot start.
    enum Exit
    {
        Passed = 0,
        Failed = 1,
        CannotStart = 3
    };
    enum class Phase
    {
        Idle,
        Joining,
        Waiting,
        Stopping,
        Done
    };

    explicit ConsumerCheck(CheckOptions options, QObject* parent = nullptr);
    ~ConsumerCheck() override;

    /// Starts; finished() follows (also for errors found before anything ran).
    void start();
    /// Stops waiting, judges what was seen so far; finished() follows.
    void cancel();

    Phase phase() const { return m_phase; }
    const std::vector<CheckRun>& runs() const { return m_runs; }
    /// Why the check could not run (exit 1 before publishing, or 3); empty otherwise.
    const QString& error() const { return m_error; }
    /// Check-wide findings: when the consumer joined, refused calls about no run of ours, …
    const QStringList& notes() const { return m_notes; }
    const ConsumerProcess& process() const { return m_process; }
    /// The consumer's last `n` output lines, with this check's client secret scrubbed (a
    /// consumer that prints its environment must not put it in a CI log or report).
    QStringList consumerLines(int n) const;
    QString groupId() const { return m_group; }
    QString bootstrap() const;
    QString apiUrl() const;
    qint64 elapsedMs() const { return m_clock.isValid() ? m_clock.elapsed() : 0; }
    int exitCode() const { return m_exit; }

Q_SIGNALS:
    /// Progress in words (for stderr or a log view); never a secret.
    void logged(const QString& line);
    /// A run was published, reported on or judged.
    void runUpdated(int index);
    void finished(int exitCode);

private:
    /// After the consumer exited: its last requests land.
    static constexpr int kExitGraceMs = 1000;

    void renderBatch();
    void launch();
    void onConsumerStarted();
    void probeJoin();
    void publish();
    bool publishRuns(size_t from, size_t to);
    void publishPaced();
    void startReplica();
    void registerRun(const CheckRun& run);
    void onCall(const LocalApiCall& call);
    void maybeAllReported();
    void finishWaiting();
    void judge();
    void fail(int code, const QString& why);
    void note(const QString& line);

    CheckOptions m_options;
    OutputPredicate m_predicate;
    std::vector<CheckRun> m_runs;
    std::unique_ptr<Sandbox> m_sandbox;
    std::unique_ptr<GroupProbe> m_probe;
    ConsumerProcess m_process;
    std::unique_ptr<ConsumerProcess> m_replica; // rebalance: the second copy of COMMAND
    QProcessEnvironment m_environment;          // what COMMAND got (the replica gets the same)
    QTimer m_probeTimer, m_deadline, m_settle;
    QElapsedTimer m_clock;
    QString m_group, m_error, m_clientSecret;
    QStringList m_notes;
    Phase m_phase = Phase::Idle;
    bool m_joined = false, m_endedBeforeJoin = false, m_published = false, m_exitedOnItsOwn = false;
    bool m_restarting = false; // broker-restart, rebalance: the rest of the runs not yet published
    bool m_pacing = false;     // --rate: runs are still being published
    size_t m_paced = 0;        // --rate: runs published so far
    QElapsedTimer m_paceClock;
    qint64 m_joinDeadlineMs = 0;
    int m_exit = Passed;
};

} // namespace porthole
