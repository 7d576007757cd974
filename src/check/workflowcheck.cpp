// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowcheck.h"

#include "consumerenvironment.h"
#include "runjudge.h"

#include "core/workflow.h"
#include "flow/workflowrunner.h"
#include "kafka/groupprobe.h"
#include "kafka/sandboxbroker.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace porthole {
namespace {

constexpr int kProbeIntervalMs = 100;
constexpr int kExitGraceMs = 1000;
const QString kClientId = QStringLiteral("porthole-check");

} // namespace

WorkflowCheck::WorkflowCheck(WorkflowCheckOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    m_probeTimer.setInterval(kProbeIntervalMs);
    connect(&m_probeTimer, &QTimer::timeout, this, &WorkflowCheck::probeJoin);
    m_deadline.setSingleShot(true);
    connect(&m_deadline, &QTimer::timeout, this, [this] {
        if (!m_started) // the consumer ended before joining: run anyway, to say what it missed
            return startRun();
        if (m_runResult.isEmpty())
            Q_EMIT logged(QStringLiteral("time is up after %1 s: the run is still in progress")
                              .arg(m_options.timeoutS));
        stopConsumer();
    });
    connect(&m_process, &ConsumerProcess::started, this, [this] {
        Q_EMIT logged(QStringLiteral("started %1; waiting up to %2 s for it to join group %3")
                          .arg(m_options.program)
                          .arg(m_options.joinTimeoutS)
                          .arg(m_group));
        m_joinDeadlineMs = m_clock.elapsed() + qint64(m_options.joinTimeoutS) * 1000;
        m_probeTimer.start();
    });
    connect(&m_process, &ConsumerProcess::failedToStart, this, [this](const QString& why) {
        fail(CannotStart, QStringLiteral("cannot start %1: %2").arg(m_options.program, why));
    });
    connect(&m_process, &ConsumerProcess::exited, this, [this] {
        Q_EMIT logged(QStringLiteral("the consumer %1").arg(m_process.exitDescription()));
        m_probeTimer.stop();
        m_deadline.start(kExitGraceMs); // what it sent last still lands
    });
    connect(&m_process, &ConsumerProcess::stopped, this, &WorkflowCheck::judge);
}

WorkflowCheck::~WorkflowCheck()
{
    disconnect(&m_process, nullptr, this, nullptr);
}

void WorkflowCheck::fail(int code, const QString& why)
{
    m_error = why;
    m_done = true;
    m_probeTimer.stop();
    m_deadline.stop();
    m_process.stop(1000);
    if (m_sandbox)
        m_sandbox->stop();
    QTimer::singleShot(0, this, [this, code] { Q_EMIT finished(code); });
}

void WorkflowCheck::start()
{
    m_clock.start();
    m_sandbox = std::make_unique<Sandbox>();
    QString error;
    if (!m_sandbox->start(m_options.org, 0, 0, &error))
        return fail(CannotStart, QStringLiteral("cannot start the sandbox: ") + error);
    m_secret = checkToken(32);
    m_sandbox->api()->setCredentials(kClientId, m_secret);
    connect(m_sandbox->api(), &LocalPortApi::callRecorded, this, &WorkflowCheck::onCall);
    m_runner = std::make_unique<WorkflowRunner>(m_sandbox.get());
    WorkflowRunnerOptions runner;
    runner.sign = m_options.sign;
    m_runner->setOptions(runner);
    connect(m_runner.get(), &WorkflowRunner::logged, this, &WorkflowCheck::logged);
    connect(m_runner.get(), &WorkflowRunner::runFinished, this,
            [this](const QString& id, const QString& result) {
                if (id != m_runId && !m_runId.isEmpty())
                    return;
                m_runResult = result;
                if (!m_runId.isEmpty()) // else startRun() is still on its way out
                    stopConsumer();
            });

    m_group = m_options.org + QStringLiteral(".check-") + checkToken(8);
    const QString topic = m_options.org + QStringLiteral(".runs");
    std::string why;
    m_probe = GroupProbe::create(m_sandbox->bootstrap().toStdString(), topic.toStdString(),
                                 SandboxBroker::kPartitions, m_group.toStdString(), &why);
    if (!m_probe || !m_probe->precommit(&why))
        return fail(CannotStart, QStringLiteral("cannot prepare group %1: %2")
                                     .arg(m_group, QString::fromStdString(why)));
    Q_EMIT logged(QStringLiteral("sandbox: bootstrap=%1 api=%2 topic=%3 group=%4")
                      .arg(m_sandbox->bootstrap(), m_sandbox->apiUrl(), topic, m_group));
    m_process.start(m_options.program, m_options.arguments,
                    consumerEnvironment({m_sandbox->bootstrap(), topic, m_group, m_options.org,
                                         m_sandbox->apiUrl(), kClientId, m_secret}),
                    m_options.workingDirectory);
}

void WorkflowCheck::probeJoin()
{
    if (m_started)
        return m_probeTimer.stop();
    if (m_probe->probe() == GroupProbe::State::Joined) {
        Q_EMIT logged(QStringLiteral("the consumer joined group %1 after %2 ms")
                          .arg(m_group)
                          .arg(m_clock.elapsed()));
        return startRun();
    }
    if (m_clock.elapsed() >= m_joinDeadlineMs) {
        Q_EMIT logged(QStringLiteral("no consumer joined group %1 within %2 s; running anyway")
                          .arg(m_group)
                          .arg(m_options.joinTimeoutS));
        startRun();
    }
}

// Creates the workflow and starts its run through the local API, as a user of Port would.
void WorkflowCheck::startRun()
{
    if (m_started || m_done)
        return;
    m_started = true;
    m_probeTimer.stop();
    LocalPortApi* api = m_sandbox->api();
    const LocalApiReply login =
        api->request({"POST",
                      QStringLiteral("/v1/auth/access_token"),
                      {},
                      QJsonDocument(QJsonObject{{QStringLiteral("clientId"), kClientId},
                                                {QStringLiteral("clientSecret"), m_secret}})
                          .toJson()});
    const QByteArray bearer = "Bearer " + QJsonDocument::fromJson(login.body)
                                              .object()
                                              .value(QStringLiteral("accessToken"))
                                              .toString()
                                              .toUtf8();
    auto refused = [](const LocalApiReply& r) {
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("message")).toString();
    };
    const LocalApiReply created =
        api->request({"POST", QStringLiteral("/v1/workflows"), bearer, m_options.workflow});
    if (created.status != 201)
        return fail(Failed, QStringLiteral("the sandbox refused the workflow (%1): %2")
                                .arg(created.status)
                                .arg(refused(created)));
    const QString id = QJsonDocument::fromJson(m_options.workflow)
                           .object()
                           .value(QStringLiteral("identifier"))
                           .toString();
    const LocalApiReply run = api->request(
        {"POST", QStringLiteral("/v1/workflows/%1/runs").arg(id), bearer,
         QJsonDocument(QJsonObject{{QStringLiteral("inputs"), m_options.inputs}}).toJson()});
    if (run.status != 201)
        return fail(
            Failed,
            QStringLiteral("the run was refused (%1): %2").arg(run.status).arg(refused(run)));
    m_runId = QJsonDocument::fromJson(run.body)
                  .object()
                  .value(QStringLiteral("workflowRun"))
                  .toObject()
                  .value(QStringLiteral("identifier"))
                  .toString();
    Q_EMIT logged(QStringLiteral("started workflow run %1 of %2").arg(m_runId, id));
    if (!m_runResult.isEmpty()) // it ended while starting (no KAFKA node on its path)
        return stopConsumer();
    // A consumer that is gone reports nothing more: judge once its last calls had time.
    m_deadline.start(m_process.hasExited() ? kExitGraceMs : m_options.timeoutS * 1000);
}

void WorkflowCheck::onCall(const LocalApiCall& call)
{
    if (!call.refused() || call.route.isWorkflowDocument() ||
        call.route.route == PortRouteId::AccessToken)
        return;
    m_refused.append(call);
}

void WorkflowCheck::stopConsumer()
{
    if (m_done)
        return;
    m_deadline.stop();
    m_process.stop(3000); // stopped() → judge()
}

bool WorkflowCheck::consumerRan() const
{
    return m_process.hasExited() || !m_process.output().isEmpty();
}

QStringList WorkflowCheck::consumerLines(int n) const
{
    return m_process.lastLinesWithout(m_secret, n);
}

} // namespace porthole
