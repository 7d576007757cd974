// SPDX-License-Identifier: GPL-3.0-or-later
// DemoDirector, the second half: its pacing and captions, what it hears (the consumer, the
// Runs table's rows, the sandbox API's calls) and how the story ends (end screen, leaving,
// failing).
#include "captionbanner.h"
#include "demodirector.h"
#include "demoendscreen.h"
#include "gui/runs/runspane.h"
#include "gui/session/session.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "portapi/localapicall.h"
#include "sandbox/sandbox.h"
#include "spotlight.h"

#include <QAction>
#include <QApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>

namespace porthole {

void DemoDirector::waitThen(int holdPaces, std::function<bool()> ready, std::function<void()> next)
{
    m_holdMs = holdPaces * m_paceMs;
    m_ready = std::move(ready);
    m_next = std::move(next);
    m_stageClock.start();
    m_poll.start();
}

void DemoDirector::poll()
{
    if (!m_running || m_stageClock.elapsed() < m_holdMs || (m_ready && !m_ready()))
        return;
    m_poll.stop();
    const auto next = std::move(m_next);
    m_ready = nullptr;
    m_next = nullptr;
    if (next)
        next();
}

void DemoDirector::show(Chapter chapter, const QString& text, QWidget* target)
{
    if (m_shown.isEmpty() || m_shown.last() != chapter)
        m_shown << chapter;
    m_chapter = chapter;
    m_banner->showCaption(QStringLiteral("%1/%2  %3").arg(int(chapter)).arg(kChapters).arg(text));
    m_spotlight->point(target);
    Q_EMIT captionShown(chapter, m_banner->caption(), target);
}

void DemoDirector::setRunState(int run, const QString& state)
{
    if (run < 0 || run >= m_runStates.size())
        return;
    m_runStates[run] = state;
    QStringList parts;
    for (int i = 0; i < m_runStates.size(); ++i)
        parts << tr("Run %1: %2").arg(i + 1).arg(m_runStates.at(i));
    QString trail = parts.join(QStringLiteral("     "));
    if (!m_trailNote.isEmpty())
        trail += QLatin1Char('\n') + m_trailNote;
    m_banner->setTrail(trail);
}

bool DemoDirector::eventFilter(QObject* watched, QEvent* event)
{
    if (m_running && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        leave();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

void DemoDirector::startConsumer()
{
    Sandbox* sandbox = m_parts.session->sandbox();
    DemoConsumerConfig config;
    config.bootstrap = sandbox->bootstrap();
    config.org = sandbox->org();
    config.topic = sandbox->org() + QStringLiteral(".runs");
    config.apiUrl = QUrl(sandbox->apiUrl());
    config.clientId = QStringLiteral("sandbox"); // the local API's client id
    config.clientSecret = sandbox->clientSecret();
    config.paceMs = m_paceMs;
    m_consumer = new DemoConsumer(config, this);
    connect(m_consumer, &DemoConsumer::failed, this,
            [this](const QString& e) { fail(tr("the demo consumer stopped: %1").arg(e)); });
    connect(m_consumer, &DemoConsumer::runReceived, this, [this](const QString& id) {
        if (runIndex(id) < 0)
            return;
        m_consumerGot.insert(id);
        setRunState(runIndex(id), tr("picked up by the consumer"));
    });
    connect(m_consumer, &DemoConsumer::stepAnswered, this,
            [this](const QString& id, DemoConsumer::Step step, int status, const QString& error) {
                const int run = runIndex(id);
                if (run < 0)
                    return;
                if (step == DemoConsumer::Step::Mistake) {
                    // The answer the story is about: Port's own words, shown as they came.
                    // (PortCall's error reads "HTTP 422 Unprocessable Entity: <Port's message>".)
                    m_portAnswer = error.isEmpty() ? tr("HTTP %1").arg(status) : error;
                    m_portStatus = status;
                    setRunState(run, tr("FAILURE refused, %1").arg(tr("HTTP %1").arg(status)));
                    return;
                }
                if (!error.isEmpty()) {
                    fail(tr("the API refused %1 (HTTP %2): %3")
                             .arg(DemoConsumer::stepName(step))
                             .arg(status)
                             .arg(error));
                    return;
                }
                switch (step) {
                case DemoConsumer::Step::InProgress:
                    setRunState(run, QStringLiteral("IN_PROGRESS"));
                    break;
                case DemoConsumer::Step::Completed:
                    // The second run is the one the consumer is told to fail (kPlans).
                    setRunState(run, run == 1 ? QStringLiteral("COMPLETED · FAILED")
                                              : QStringLiteral("COMPLETED · SUCCESS"));
                    break;
                default:
                    break;
                }
            });
    m_consumer->start();
}

QString DemoDirector::trail() const
{
    return m_banner->trail();
}

void DemoDirector::onRowsInserted(int first, int last)
{
    if (!m_running || m_runIds.isEmpty())
        return;
    RunsTableModel* model = m_parts.runs->model();
    for (int row = first; row <= last; ++row)
        if (runIndex(QString::fromStdString(model->info(row).ids.nodeRun.text())) >= 0)
            ++m_counts.received;
}

void DemoDirector::onCallRecorded(const LocalApiCall& call)
{
    if (!m_running || call.refused())
        return;
    // Reports are PATCHes and log POSTs; GETs only read the run.
    if (call.method != "PATCH" && call.method != "POST")
        return;
    QString run;
    for (const QString& id : std::as_const(m_runIds))
        if (call.path.contains(id))
            run = id;
    if (run.isEmpty())
        return;
    m_reportedRuns.insert(run);
    const QJsonObject body = QJsonDocument::fromJson(call.body).object();
    if (call.method == "PATCH" &&
        body.value(QStringLiteral("status")).toString() == QStringLiteral("COMPLETED")) {
        m_completedRuns.insert(run);
        if (body.value(QStringLiteral("result")).toString() == QStringLiteral("FAILED"))
            m_failedRuns.insert(run);
        if (runIndex(run) == 2)
            setRunState(2, tr("COMPLETED · SUCCESS, reported from its row"));
    }
    m_counts.reported = int(m_reportedRuns.size());
    m_counts.completed = int(m_completedRuns.size());
    m_counts.failed = int(m_failedRuns.size());
}

void DemoDirector::selectRunRow(const QString& runId)
{
    // The proxy reaches new rows in slices: select the row once it has.
    if (!m_parts.runs->selectRun(runId) && m_parts.runs->proxy()->isFiltering())
        connect(
            m_parts.runs->proxy(), &RunsFilterProxy::filterFinished, this,
            [this, runId] { selectRunRow(runId); }, Qt::SingleShotConnection);
}

void DemoDirector::theEnd()
{
    m_chapter = TheEnd;
    const bool ok = m_counts.complete() && m_counts.published >= kRuns && m_counts.failed == 1;
    m_spotlight->point(nullptr);
    m_banner->hide();
    const QStringList lines = {
        tr("• A Kafka action node, its templates' values rendered exactly as Port renders them."),
        tr("• %1 runs published to the topic, signed like Port; %2 arrived on the Runs tab.")
            .arg(m_counts.published)
            .arg(m_counts.received),
        tr("• A consumer reported them to Port's API: %1 completed, %2 failed. Port refused the "
           "consumer's FAILURE (HTTP %3: workflow nodes say FAILED); Porthole showed the answer "
           "and the run's timeline.")
            .arg(m_counts.completed)
            .arg(m_counts.failed)
            .arg(m_portStatus),
        tr("• The last run was finished by hand: a report sent from its row."),
        QString(),
        tr("All of it ran on a sandbox on this computer; your settings and connections were not "
           "touched."),
    };
    m_end->showSummary(ok ? tr("That was Porthole")
                          : tr("The story did not add up: %1").arg(m_counts.line()),
                       lines);
    stop(ok);
}

void DemoDirector::leave()
{
    const bool wasShowing = m_running || m_end->isVisible();
    if (m_running)
        fail(tr("left"));
    m_end->hide();
    m_banner->hide();
    m_spotlight->point(nullptr);
    m_chapter = NotPlaying;
    if (wasShowing)
        Q_EMIT left();
}

void DemoDirector::fail(const QString& why)
{
    if (!m_running)
        return;
    m_banner->showCaption(tr("Demo stopped: %1").arg(why));
    m_spotlight->point(nullptr);
    stop(false);
}

void DemoDirector::stop(bool ok)
{
    m_running = false;
    m_poll.stop();
    m_timeout.stop();
    m_ready = nullptr;
    m_next = nullptr;
    m_publishing = false;
    m_reportSent = false;
    qApp->removeEventFilter(this);
    if (m_consumer) {
        m_consumer->stop();
        m_consumer->deleteLater();
    }
    m_action->setText(tr("Demo"));
    m_banner->setPlaying(false);
    Q_EMIT finished(ok, m_counts.line());
}

} // namespace porthole
