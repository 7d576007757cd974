// SPDX-License-Identifier: GPL-3.0-or-later
// ConsumerCheck's publishing: all runs at once, paced (--rate), or in two batches around a
// fault (broker-restart); each run made known to the local API before its message goes out.
#include "checkfault.h"
#include "consumercheck.h"

#include "kafka/publishsession.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

namespace porthole {
namespace {

constexpr int kPaceMs = 50; // --rate: how often a batch of runs goes out

} // namespace

void ConsumerCheck::registerRun(const CheckRun& run)
{
    // Port creates the run before it publishes the message, so a consumer that reports 1 ms
    // after the message lands must never get a 404: make the runs known before publishing.
    for (const std::string& value : run.messages)
        m_sandbox->registerPublished(QByteArray::fromStdString(value));
    m_sandbox->api()->registerNodeRun(run.nodeRunId, run.workflowRunId);
}

void ConsumerCheck::publish()
{
    m_probeTimer.stop();
    if (m_published)
        return;
    m_published = true;
    // broker-restart: the first run alone; then the broker goes away and comes back, then the
    // rest follow, so a consumer must reconnect to see them.
    const bool restart = m_options.fault == CheckFaults::kBrokerRestart && m_runs.size() > 1;
    // rebalance: the first half, then a second copy joins and the rest go out while the group
    // hands partitions over (startReplica).
    if (m_options.fault == CheckFaults::kRebalance && m_runs.size() > 1) {
        if (!publishRuns(0, m_runs.size() / 2))
            return;
        m_phase = Phase::Waiting;
        m_restarting = true;
        m_deadline.start(m_options.timeoutS * 1000 + CheckFaults::kRebalanceDelayMs);
        return startReplica();
    }
    if (m_options.rate > 0 && !restart)
        return publishPaced();
    if (!publishRuns(0, restart ? 1 : m_runs.size()))
        return;
    m_phase = Phase::Waiting;
    m_deadline.start(m_options.timeoutS * 1000 + (restart ? CheckFaults::kBrokerDownMs : 0));
    if (restart) {
        m_restarting = true;
        m_sandbox->setBrokerDown(true);
        note(QStringLiteral("the broker went away after run 1 (connections cut, "
                            "new ones refused for %1 ms)")
                 .arg(CheckFaults::kBrokerDownMs));
        QTimer::singleShot(CheckFaults::kBrokerDownMs, this, [this] {
            if (m_phase != Phase::Waiting)
                return;
            m_sandbox->setBrokerDown(false);
            note(QStringLiteral("the broker is back with its log and offsets"));
            m_restarting = false;
            if (publishRuns(1, m_runs.size()))
                maybeAllReported();
        });
    }
    if (m_process.hasExited())
        m_settle.start(kExitGraceMs);
    maybeAllReported();
}

void ConsumerCheck::startReplica()
{
    m_replica = std::make_unique<ConsumerProcess>();
    connect(m_replica.get(), &ConsumerProcess::stopped, this, &ConsumerCheck::judge);
    connect(m_replica.get(), &ConsumerProcess::exited, this, [this] {
        note(QStringLiteral("the second copy %1 after %2 ms")
                 .arg(m_replica->exitDescription())
                 .arg(elapsedMs()));
    });
    connect(m_replica.get(), &ConsumerProcess::failedToStart, this, [this](const QString& why) {
        note(QStringLiteral("the second copy cannot start: ") + why);
    });
    m_replica->start(m_options.program, m_options.arguments, m_environment,
                     m_options.workingDirectory);
    note(QStringLiteral("a second copy of the consumer joins group %1 after run %2 of %3")
             .arg(m_group)
             .arg(m_runs.size() / 2)
             .arg(m_runs.size()));
    QTimer::singleShot(CheckFaults::kRebalanceDelayMs, this, [this] {
        if (m_phase != Phase::Waiting)
            return;
        m_restarting = false;
        if (publishRuns(m_runs.size() / 2, m_runs.size()))
            maybeAllReported();
    });
}

// --rate: the runs published a few at a time, every kPaceMs, at the rate asked; the reports
// are followed meanwhile, and the wait for them starts when the last run is out.
void ConsumerCheck::publishPaced()
{
    m_phase = Phase::Waiting;
    m_paced = 0;
    m_pacing = true;
    m_paceClock.start();
    auto* pace = new QTimer(this);
    pace->setInterval(kPaceMs);
    connect(pace, &QTimer::timeout, this, [this, pace] {
        if (m_phase != Phase::Waiting) {
            pace->deleteLater();
            return;
        }
        const size_t due =
            std::min(m_runs.size(), size_t(1 + m_paceClock.elapsed() * m_options.rate / 1000));
        if (due > m_paced && !publishRuns(m_paced, due))
            return pace->deleteLater();
        m_paced = due;
        if (m_paced < m_runs.size())
            return;
        pace->deleteLater();
        m_pacing = false;
        m_deadline.start(m_options.timeoutS * 1000);
        if (m_process.hasExited())
            m_settle.start(kExitGraceMs);
        maybeAllReported();
    });
    pace->start();
}

bool ConsumerCheck::publishRuns(size_t from, size_t to)
{
    // The one publish loop of porthole-cli publish and the Publish tab; with --sign it signs
    // like Port with the secret the consumer got in PORT_CLIENT_SECRET.
    const std::string topic = (m_options.org + QStringLiteral(".runs")).toStdString();
    PublishPlan plan;
    plan.config.set("bootstrap.servers", bootstrap().toStdString());
    plan.proto.topic = topic;
    // redeliver: every message once more after all of them, as a redelivery comes later.
    const size_t copies = m_options.fault == CheckFaults::kRedeliver ? 2 : 1;
    std::vector<size_t> runOfMessage;
    for (size_t copy = 0; copy < copies; ++copy)
        for (size_t i = from; i < to; ++i)
            for (const std::string& value : m_runs[i].messages) {
                plan.values.push_back(value);
                runOfMessage.push_back(i);
            }
    if (m_options.sign)
        plan.signingSecret = m_clientSecret.toStdString();
    PublishSession session(std::move(plan));
    std::string error;
    if (!session.prepare(&error)) {
        fail(Failed, QStringLiteral("--sign: ") + QString::fromStdString(error));
        return false;
    }
    // Signing changes only the headers: the run ids, which make a run known, are the same.
    for (size_t i = from; i < to; ++i)
        registerRun(m_runs[i]);
    QString failure;
    const PublishSummary summary = session.run([&](const DeliveryReport& r) {
        CheckRun& run = m_runs[runOfMessage.at(r.index)];
        if (!r.delivered()) {
            failure = QString::fromStdString(r.error);
            return;
        }
        run.landed.emplace_back(r.partition, r.offset);
        if (run.landed.size() == run.messages.size() * copies)
            run.publishedMs = elapsedMs();
    });
    if (!session.setupError().empty())
        failure = QString::fromStdString(session.setupError());
    if (!failure.isEmpty() || summary.delivered != summary.total) {
        fail(CannotStart, QStringLiteral("cannot publish to the sandbox: ") + failure);
        return false;
    }
    if (!m_pacing || to == m_runs.size())
        Q_EMIT logged(QStringLiteral("published %1 run(s)%2 to %3; waiting up to %4 s for reports")
                          .arg(m_pacing ? to : to - from)
                          .arg(copies > 1 ? QStringLiteral(", each twice,") : QString())
                          .arg(QString::fromStdString(topic))
                          .arg(m_options.timeoutS));
    for (size_t i = from; i < to; ++i)
        Q_EMIT runUpdated(m_runs[i].index);
    return true;
}

} // namespace porthole
