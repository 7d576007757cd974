// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodirector.h"

#include "captionbanner.h"
#include "demoendscreen.h"
#include "demolauncher.h"
#include "gui/connection/connectionbar.h"
#include "gui/node/documentcontroller.h"
#include "gui/node/nodeeditor.h"
#include "gui/node/nodepane.h"
#include "gui/preview/previewpane.h"
#include "gui/publish/publishpane.h"
#include "gui/report/reportpane.h"
#include "gui/runs/runspane.h"
#include "gui/session/renderinputs.h"
#include "gui/session/session.h"
#include "models/runstablemodel.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"
#include "spotlight.h"

#include <QAction>
#include <QApplication>
#include <QDialog>
#include <QKeyEvent>
#include <QMainWindow>
#include <QScreen>
#include <QTabWidget>
#include <QVBoxLayout>

namespace porthole {

namespace {
// The example the demo opens: its payload names both run ids, so the audience sees the ids the
// consumer reports on.
const char* const kExample = "with-run-ids.json";
// What the consumer does with each run, in publish order.
constexpr DemoConsumer::Plan kPlans[DemoDirector::kRuns] = {
    DemoConsumer::Plan::Succeed, DemoConsumer::Plan::Fail, DemoConsumer::Plan::HandOver};
} // namespace

DemoDirector::DemoDirector(const WindowParts& parts)
    : QObject(parts.window), m_parts(parts), m_banner(new CaptionBanner(parts.window)),
      m_spotlight(new Spotlight(this)), m_end(new DemoEndScreen(parts.window->centralWidget())),
      m_launcher(new DemoLauncher(this)), m_action(new QAction(tr("Demo"), this))
{
    setObjectName(QStringLiteral("demoDirector"));
    m_action->setObjectName(QStringLiteral("actionDemo"));
    m_action->setToolTip(tr("Play Porthole's story on a sandbox of its own, captioned step by "
                            "step (about a minute and a half); Esc leaves it"));
    connect(m_action, &QAction::triggered, this, [this] {
        if (m_running)
            leave();
        else if (m_playsHere)
            start();
        else
            m_launcher->launch(); // its own process: the user's settings stay untouched
    });
    connect(m_end, &DemoEndScreen::playAgainRequested, this, &DemoDirector::start);
    connect(m_end, &DemoEndScreen::leaveRequested, this, &DemoDirector::leave);
    // The banner takes the top of the window's column (above the draft bar), pushing the panes
    // down rather than covering the tab bar the demo switches.
    if (auto* column = qobject_cast<QVBoxLayout*>(parts.window->centralWidget()->layout()))
        column->insertWidget(0, m_banner);
    m_poll.setInterval(50);
    connect(&m_poll, &QTimer::timeout, this, &DemoDirector::poll);
    m_timeout.setSingleShot(true);
    connect(&m_timeout, &QTimer::timeout, this,
            [this] { fail(tr("it took longer than %1 s").arg(m_timeout.interval() / 1000)); });
    connect(parts.publish, &PublishPane::publishFinished, this, &DemoDirector::onPublished);
    connect(parts.runs->model(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { onRowsInserted(first, last); });
    connect(parts.report, &ReportPane::reportFinished, this, [this](int status, bool ok) {
        if (m_running && m_reportSent && !ok)
            fail(tr("Port refused the report (HTTP %1)").arg(status));
    });
}

DemoDirector::~DemoDirector() = default;

QString DemoDirector::caption() const
{
    return m_banner->isVisible() ? m_banner->caption() : QString();
}

QWidget* DemoDirector::spotlighted() const
{
    return m_spotlight->isVisible() ? m_spotlight->target() : nullptr;
}

void DemoDirector::start()
{
    if (m_running)
        return;
    m_end->hide();
    m_counts = {};
    m_runIds.clear();
    m_runStates.clear();
    m_shown.clear();
    m_consumerGot.clear();
    m_reportedRuns.clear();
    m_completedRuns.clear();
    m_failedRuns.clear();
    m_portAnswer.clear();
    m_portStatus = 0;
    m_trailNote.clear();
    m_publishing = m_reportSent = false;
    m_banner->setTrail(QString());
    m_banner->setPlaying(true);
    m_running = true;
    m_action->setText(tr("Leave demo"));
    qApp->installEventFilter(this); // Esc leaves the demo wherever the focus is
    // Room for every chapter at the chosen pace, and never less than a minute.
    m_timeout.start(std::max(60000, 120 * m_paceMs));
    Sandbox* sandbox = m_parts.session->sandbox();
    if (!sandbox || !sandbox->isRunning()) {
        fail(tr("the embedded sandbox is not running"));
        return;
    }
    connect(sandbox->api(), &LocalPortApi::callRecorded, this, &DemoDirector::onCallRecorded,
            Qt::UniqueConnection);
    // Every row on show: a filter must not hide the demo's runs.
    m_parts.runs->showAllRows();
    // Publish and Runs go to the sandbox; the Runs tab follows the connection.
    if (m_parts.connection->currentName() != QStringLiteral("sandbox"))
        m_parts.connection->selectConnection(QStringLiteral("sandbox"));
    if (!m_parts.runs->isWatching())
        m_parts.runs->startWatching();
    startConsumer();
    chapterNode();
}

void DemoDirector::chapterNode()
{
    show(TheNode,
         tr("This is a Kafka action node. Port fills in its {{ … }} templates for every "
            "run and publishes the result to Kafka"),
         m_parts.node->editor());
    DocumentController* docs = m_parts.documents;
    if (!docs->confirmDiscard()) { // the user keeps their unsaved node: no demo
        fail(tr("the node being edited was kept"));
        return;
    }
    docs->openExample(QString::fromLatin1(kExample));
    m_parts.preview->usePreset(0); // a workflow run's context
    waitThen(4, nullptr, [this] { chapterValues(); });
}

void DemoDirector::chapterValues()
{
    m_parts.tabs->setCurrentWidget(m_parts.preview);
    show(TheValues,
         tr("Each template's value, rendered against a workflow run's context exactly as Port "
            "renders it"),
         m_parts.preview);
    waitThen(
        4,
        [this] {
            const auto r = m_parts.node->lastRender();
            return r && r->ok;
        },
        [this] { chapterPublish(); });
}

void DemoDirector::chapterPublish()
{
    m_parts.tabs->setCurrentWidget(m_parts.publish);
    show(ThePublish,
         tr("Three runs are published to the sandbox's topic %1.runs, each signed like Port")
             .arg(m_parts.session->sandbox()->org()),
         m_parts.publish);
    publishNext();
}

void DemoDirector::publishNext()
{
    if (m_runIds.size() == kRuns) {
        waitThen(2, nullptr, [this] { chapterConsumer(); });
        return;
    }
    // Fresh run ids: each message is a new run, as Port makes one per workflow run.
    m_parts.preview->newRunIds();
    const QString id = QString::fromStdString(m_parts.session->render()->runIds().nodeRun.text());
    if (id.isEmpty() || m_runIds.contains(id)) {
        fail(tr("the workflow context has no fresh node run id"));
        return;
    }
    m_runIds << id;
    m_runStates << tr("waiting");
    setRunState(int(m_runIds.size()) - 1, tr("rendered"));
    m_consumer->setPlan(id, kPlans[m_runIds.size() - 1]);
    waitThen(
        m_runIds.size() == 1 ? 1 : 2,
        [this, id] {
            const auto r = m_parts.node->lastRender();
            if (!m_consumer || !m_consumer->isReady() || m_parts.publish->isPublishing() || !r ||
                !r->ok)
                return false;
            for (const std::string& m : r->messages)
                if (m.find(id.toStdString()) != std::string::npos)
                    return true;
            return false;
        },
        [this] {
            // One message per run, whatever the last repeat count was; signed as Port signs,
            // so the Runs tab shows the signature valid (the agent's own check).
            m_parts.publish->setRepeat(1);
            m_parts.publish->setSigned(true);
            m_publishing = true;
            m_parts.publish->publish();
        });
}

void DemoDirector::onPublished(qint64 delivered, qint64 failed)
{
    if (!m_running || !m_publishing)
        return;
    m_publishing = false;
    m_counts.published += int(delivered);
    if (delivered == 0 || failed > 0) {
        fail(tr("publishing failed (%1 delivered, %2 failed)").arg(delivered).arg(failed));
        return;
    }
    setRunState(int(m_runIds.size()) - 1, tr("published, signed"));
    publishNext();
}

void DemoDirector::chapterConsumer()
{
    m_parts.tabs->setCurrentWidget(m_parts.runs);
    show(TheConsumer,
         tr("A consumer picks them up, as Port's agent would, and reports to Port: watch the "
            "Status column change live"),
         m_parts.runs);
    waitThen(
        5,
        [this] {
            return m_counts.received >= kRuns && m_consumerGot.size() == kRuns &&
                   m_completedRuns.contains(m_runIds.first());
        },
        [this] { chapterFailure(); });
}

void DemoDirector::chapterFailure()
{
    const QString run = m_runIds.at(1);
    selectRunRow(run);
    show(TheFailure, tr("Run 2 fails. Porthole shows what Port answered the consumer"),
         m_parts.runs);
    waitThen(
        4, [this, run] { return m_completedRuns.contains(run) && !m_portAnswer.isEmpty(); },
        [this] {
            // Short enough for a 1024-wide window; Port's own words go on the line below.
            m_trailNote = tr("Port's answer: %1").arg(m_portAnswer);
            setRunState(1, QStringLiteral("COMPLETED · FAILED"));
            show(TheFailure,
                 tr("Run 2 fails: Port refused the consumer's FAILURE (HTTP %1), then took "
                    "its FAILED")
                     .arg(m_portStatus),
                 m_parts.runs);
            waitThen(4, nullptr, [this] { chapterTimeline(); });
        });
}

void DemoDirector::chapterTimeline()
{
    m_trailNote.clear(); // the timeline has it now
    setRunState(1, m_runStates.value(1));
    const QString run = m_runIds.at(1);
    Q_EMIT m_parts.session->timelineRequested(run); // the window opens it, as Ctrl+T does
    // The timeline is a window of its own, titled with the run: frame it there.
    QWidget* timeline = nullptr;
    for (QWidget* w : QApplication::topLevelWidgets())
        if (qobject_cast<QDialog*>(w) && w->isVisible() && w->windowTitle().contains(run))
            timeline = w;
    // A small screen (1024×700) must show the whole timeline, its framed edges included.
    if (timeline && timeline->screen()) {
        const QRect room = timeline->screen()->availableGeometry().adjusted(16, 16, -16, -16);
        QRect frame(timeline->pos(), timeline->size().boundedTo(room.size()));
        frame.moveCenter(room.center());
        timeline->setGeometry(frame);
    }
    show(TheTimeline,
         tr("Run 2's timeline: rendered, published, received, and each report with Port's answer "
            "and the time since the step before"),
         timeline);
    waitThen(6, nullptr, [this, timeline] {
        if (timeline)
            timeline->close();
        chapterReport();
    });
}

void DemoDirector::chapterReport()
{
    const QString run = m_runIds.at(2);
    m_parts.tabs->setCurrentWidget(m_parts.runs);
    selectRunRow(run);
    show(TheReport,
         tr("Run 3 waits for a person. From its row, the Report tab tells Port it is COMPLETED"),
         m_parts.runs);
    waitThen(
        2,
        [this, run] {
            // Rows reach the filter in slices: select again until the row is there.
            if (m_parts.runs->selectedRunId() != run)
                m_parts.runs->selectRun(run);
            return m_parts.runs->selectedRunId() == run;
        },
        [this, run] {
            Q_EMIT m_parts.session->reportOnSelectionRequested(); // the row's "Report run"
            show(TheReport,
                 tr("Run 3 waits for a person. From its row, the Report tab tells Port it is "
                    "COMPLETED"),
                 m_parts.report);
            waitThen(3, nullptr, [this, run] {
                m_reportSent = true;
                m_parts.report->send();
                waitThen(
                    2, [this, run] { return m_completedRuns.contains(run); }, [this] { theEnd(); });
            });
        });
}

} // namespace porthole
