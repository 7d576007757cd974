// SPDX-License-Identifier: GPL-3.0-or-later
#include "consumercheck.h"

#include "checkfault.h"
#include "consumerenvironment.h"
#include "runjudge.h"

#include "kafka/groupprobe.h"
#include "kafka/sandboxbroker.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "template/contextmodel.h"
#include "template/noderenderer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace porthole {
namespace {

constexpr int kProbeIntervalMs = 100;
constexpr int kSettleMs = 500;      // after the last verdict is known: catches a second report
constexpr int kRendersPerTurn = 16; // ~60 ms of rendering between two turns of the loop

} // namespace

ConsumerCheck::ConsumerCheck(CheckOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options)), m_predicate(m_options.expectOutput)
{
    m_probeTimer.setInterval(kProbeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &ConsumerCheck::probeJoin);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        note(
            QStringLiteral("time is up after %1 s of waiting for reports").arg(m_options.timeoutS));
        finishWaiting();
    });
    m_settle.setSingleShot(true);
    connect(&m_settle, &QTimer::timeout, this, &ConsumerCheck::finishWaiting);
    connect(&m_process, &ConsumerProcess::started, this, &ConsumerCheck::onConsumerStarted);
    connect(&m_process, &ConsumerProcess::failedToStart, this, [this](const QString& why) {
        fail(CannotStart, QStringLiteral("cannot start %1: %2").arg(m_options.program, why));
    });
    connect(&m_process, &ConsumerProcess::exited, this, [this] {
        m_exitedOnItsOwn = true;
        note(QStringLiteral("the consumer %1 after %2 ms")
                 .arg(m_process.exitDescription())
                 .arg(elapsedMs()));
        if (m_phase == Phase::Joining) {
            m_endedBeforeJoin = true;
            publish(); // its runs are then reported missing, with the reason
        }
        if (m_phase == Phase::Waiting)
            m_settle.start(kExitGraceMs);
    });
    connect(&m_process, &ConsumerProcess::stopped, this, &ConsumerCheck::judge);
}

ConsumerCheck::~ConsumerCheck()
{
    // Destroying a running consumer ends it; nothing may judge a half-destroyed check then.
    disconnect(&m_process, nullptr, this, nullptr);
}

QString ConsumerCheck::bootstrap() const
{
    if (!m_options.broker.isEmpty())
        return m_options.broker;
    return m_sandbox ? m_sandbox->bootstrap() : QString();
}

QString ConsumerCheck::apiUrl() const
{
    return m_sandbox ? m_sandbox->apiUrl() : QString();
}

void ConsumerCheck::note(const QString& line)
{
    if (!m_notes.contains(line))
        m_notes.append(line);
    Q_EMIT logged(line);
}

void ConsumerCheck::fail(int code, const QString& why)
{
    m_error = why;
    m_exit = code;
    m_probeTimer.stop();
    m_deadline.stop();
    m_settle.stop();
    for (CheckRun& run : m_runs)
        if (run.outcome == CheckRun::Outcome::Pending) {
            run.outcome = CheckRun::Outcome::Missing;
            run.reasons = {QStringLiteral("not checked: ") + why};
        }
    m_phase = Phase::Done;
    m_process.stop(1000);
    if (m_sandbox)
        m_sandbox->stop();
    // Queued: start() has returned before anyone hears that it ended.
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

// Renders a few runs per turn of the event loop, so a dialog stays responsive while thousands
// of runs are rendered (each render forks jq, ~4 ms). On an input error the runs are dropped:
// nothing was checked, so nothing is reported per run.
void ConsumerCheck::renderBatch()
{
    if (m_phase != Phase::Idle)
        return; // cancelled meanwhile
    RenderOptions render;
    render.orgId = m_options.org.toStdString();
    const size_t n = m_options.contexts.size();
    for (int done = 0; done < kRendersPerTurn && int(m_runs.size()) < m_options.count; ++done) {
        const int i = int(m_runs.size());
        const JsonValue context =
            ContextModel::refreshIds(n ? m_options.contexts[size_t(i) % n]
                                       : ContextModel::preset(ContextModel::Preset::Workflow));
        const JsonValue& wfnr = context["workflowNodeRun"]["identifier"];
        if (!wfnr.isString()) {
            m_runs.clear();
            return fail(Failed, QStringLiteral("context %1 has no .workflowNodeRun.identifier: the "
                                               "check follows workflow node runs (use a workflow "
                                               "context)")
                                    .arg(size_t(i) % std::max<size_t>(n, 1) + 1));
        }
        const RenderedNode rendered = renderNode(m_options.nodeText, context, render);
        if (!rendered.ok || rendered.messages.empty()) {
            m_runs.clear();
            return fail(Failed, rendered.ok ? QStringLiteral("the node renders no message")
                                            : QStringLiteral("cannot render the node: ") +
                                                  QString::fromStdString(rendered.error));
        }
        CheckRun run;
        run.index = i;
        run.nodeRunId = QString::fromStdString(wfnr.toString());
        const JsonValue& wfr = context["workflowRun"]["identifier"];
        run.workflowRunId = wfr.isString() ? QString::fromStdString(wfr.toString()) : QString();
        run.messages = rendered.messages;
        m_runs.push_back(std::move(run));
    }
    if (int(m_runs.size()) < m_options.count)
        QTimer::singleShot(0, this, &ConsumerCheck::renderBatch);
    else
        launch();
}

void ConsumerCheck::start()
{
    m_clock.start();
    if (const QString e = m_predicate.compileError(); !e.isEmpty())
        return fail(Failed, QStringLiteral("--expect-output: %1").arg(e));
    Q_EMIT logged(QStringLiteral("rendering %1 run(s)").arg(m_options.count));
    renderBatch();
}

void ConsumerCheck::launch()
{
    if (m_options.fault == CheckFaults::kRebalance && m_options.broker.isEmpty())
        return fail(CannotStart, CheckFaults::rebalanceNeedsBroker());
    if (m_options.fault == CheckFaults::kBrokerRestart && !m_options.broker.isEmpty())
        return fail(CannotStart, QStringLiteral("broker-restart takes the sandbox's own broker "
                                                "down; with --broker nothing would restart "
                                                "(run it without --broker)"));
    m_sandbox = std::make_unique<Sandbox>();
    QString error;
    if (!m_sandbox->start(m_options.org, 0, 0, &error))
        return fail(CannotStart, QStringLiteral("cannot start the sandbox: ") + error);
    // Credentials of this check alone: nothing is shared with another run.
    m_clientSecret = checkToken(32);
    m_sandbox->api()->setCredentials(QStringLiteral("porthole-check"), m_clientSecret);
    connect(m_sandbox->api(), &LocalPortApi::callRecorded, this, &ConsumerCheck::onCall);
    if (m_options.fault == CheckFaults::kApi5xx)
        m_sandbox->api()->setFaults({503, 0, 0});
    else if (m_options.fault == CheckFaults::kApi429)
        m_sandbox->api()->setFaults({429, 1, 0});
    else if (m_options.fault == CheckFaults::kApiSlow)
        m_sandbox->api()->setFaults({0, 0, CheckFaults::kSlowAnswerMs});

    m_group = m_options.org + QStringLiteral(".check-") + checkToken(8);
    const QString topic = m_options.org + QStringLiteral(".runs");
    std::string why;
    m_probe = GroupProbe::create(bootstrap().toStdString(), topic.toStdString(),
                                 SandboxBroker::kPartitions, m_group.toStdString(), &why);
    // A real broker's topic holds older messages: the group starts after them.
    if (!m_probe ||
        !(m_options.broker.isEmpty() ? m_probe->precommit(&why) : m_probe->precommitAtEnd(&why)))
        return fail(CannotStart, QStringLiteral("cannot prepare group %1: %2")
                                     .arg(m_group, QString::fromStdString(why)));
    Q_EMIT logged(QStringLiteral("sandbox: bootstrap=%1 api=%2 topic=%3 group=%4")
                      .arg(bootstrap(), apiUrl(), topic, m_group));

    m_environment = consumerEnvironment({bootstrap(), topic, m_group, m_options.org, apiUrl(),
                                         QStringLiteral("porthole-check"), m_clientSecret});
    m_phase = Phase::Joining;
    m_process.start(m_options.program, m_options.arguments, m_environment,
                    m_options.workingDirectory);
}

void ConsumerCheck::onConsumerStarted()
{
    Q_EMIT logged(QStringLiteral("started %1; waiting up to %2 s for it to join group %3")
                      .arg(m_options.program)
                      .arg(m_options.joinTimeoutS)
                      .arg(m_group));
    m_joinDeadlineMs = elapsedMs() + qint64(m_options.joinTimeoutS) * 1000;
    m_probeTimer.start();
}

void ConsumerCheck::probeJoin()
{
    if (m_phase != Phase::Joining)
        return m_probeTimer.stop();
    const GroupProbe::State state = m_probe->probe();
    if (state == GroupProbe::State::Joined) {
        m_joined = true;
        note(QStringLiteral("the consumer joined group %1 after %2 ms")
                 .arg(m_group)
                 .arg(elapsedMs()));
        return publish();
    }
    if (elapsedMs() >= m_joinDeadlineMs) {
        note(QStringLiteral("no consumer joined group %1 within %2 s (does it read "
                            "KAFKA_GROUP_ID?); publishing anyway")
                 .arg(m_group)
                 .arg(m_options.joinTimeoutS));
        publish();
    }
}

void ConsumerCheck::onCall(const LocalApiCall& call)
{
    // The local API matched the call's route and ids when it answered.
    const PortRouteMatch& route = call.route;
    CheckRun* target = nullptr;
    for (CheckRun& run : m_runs)
        if (!route.nodeRunId.isEmpty() && route.nodeRunId == run.nodeRunId)
            target = &run;
    for (CheckRun& run : m_runs)
        if (!target && !route.workflowRunId.isEmpty() && route.workflowRunId == run.workflowRunId)
            target = &run;
    if (!target) {
        if (call.refused())
            note(route.runId().isEmpty() ? QStringLiteral("the API refused %1 %2 → %3: %4")
                                               .arg(QString::fromLatin1(call.method), call.path)
                                               .arg(call.status)
                                               .arg(call.error)
                                         : RunJudge::explainRefused(call));
        return;
    }
    const qint64 at = elapsedMs();
    target->calls.append(RunCall{at, call});
    if (call.method != "GET" && target->firstReportMs < 0)
        target->firstReportMs = at;
    if (target->completedMs < 0 && call.method == "PATCH" && !call.refused() &&
        QJsonDocument::fromJson(call.body).object().value(QStringLiteral("status")) ==
            QLatin1String("COMPLETED"))
        target->completedMs = at;
    // A refusal of the API's own (422, 404, 413, …) fails the run whatever follows; a 429 or
    // 503 the round injected is the consumer's chance to retry, so it settles nothing.
    if (target->refusedMs < 0 && call.status >= 400 && call.status < 500 && call.fault.isEmpty())
        target->refusedMs = at;
    Q_EMIT runUpdated(target->index);
    maybeAllReported();
}

void ConsumerCheck::maybeAllReported()
{
    if (m_phase != Phase::Waiting || m_settle.isActive() || m_restarting || m_pacing)
        return;
    // Each run ends as soon as its verdict is known; the check ends when all are.
    for (const CheckRun& run : m_runs)
        if (!run.isSettled())
            return;
    Q_EMIT logged(QStringLiteral("every run's verdict is known after %1 ms").arg(elapsedMs()));
    m_settle.start(kSettleMs);
}

void ConsumerCheck::cancel()
{
    if (m_phase == Phase::Done || m_phase == Phase::Stopping)
        return;
    note(QStringLiteral("cancelled after %1 ms").arg(elapsedMs()));
    if (m_phase == Phase::Idle)
        return fail(Failed, QStringLiteral("cancelled"));
    finishWaiting();
}

void ConsumerCheck::finishWaiting()
{
    if (m_phase == Phase::Stopping || m_phase == Phase::Done)
        return;
    m_phase = Phase::Stopping;
    m_probeTimer.stop();
    m_deadline.stop();
    m_settle.stop();
    if (m_replica)
        m_replica->stop(3000); // stopped() → judge(), which waits for both
    m_process.stop(3000);      // stopped() → judge()
}

void ConsumerCheck::judge()
{
    if (m_phase != Phase::Stopping)
        return; // fail() already ended the check
    if (m_process.isRunning() || (m_replica && m_replica->isRunning()))
        return; // the other copy's stopped() judges
    if (m_replica && m_replica->wasKilled())
        note(QStringLiteral("the second copy ignored SIGTERM for 3 s and was killed"));
    if (m_process.wasKilled())
        note(QStringLiteral("the consumer ignored SIGTERM for 3 s and was killed"));
    JudgeEvidence e;
    e.expectResult = m_options.expectResult;
    e.fault = m_options.fault;
    e.predicate = &m_predicate;
    // Read after the consumer stopped: one that commits on close has committed by now.
    e.committed = m_probe->committed();
    e.commandOutput = m_process.output();
    e.group = m_group;
    e.joined = m_joined;
    e.endedBeforeJoin = m_endedBeforeJoin;
    // Stopped by us at the end is not news; exiting on its own is.
    if (m_exitedOnItsOwn)
        e.commandEnd = m_process.exitDescription();
    int passed = 0;
    for (CheckRun& run : m_runs) {
        RunJudge::judge(run, m_sandbox->api()->handler().store().nodeRunJson(run.nodeRunId), e);
        passed += run.outcome == CheckRun::Outcome::Completed;
        Q_EMIT runUpdated(run.index);
    }
    m_sandbox->stop();
    m_phase = Phase::Done;
    m_exit = passed == int(m_runs.size()) ? Passed : Failed;
    Q_EMIT finished(m_exit);
}

QStringList ConsumerCheck::consumerLines(int n) const
{
    return m_process.lastLinesWithout(m_clientSecret, n);
}

} // namespace porthole
