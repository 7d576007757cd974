// SPDX-License-Identifier: GPL-3.0-or-later
#include "demodirector.h"

#include "captionbanner.h"
#include "demo/democonsumer.h"
#include "gui/connection/connectionbar.h"
#include "gui/node/documentcontroller.h"
#include "gui/node/nodepane.h"
#include "gui/preview/previewpane.h"
#include "gui/publish/publishpane.h"
#include "gui/runs/runspane.h"
#include "gui/session/renderinputs.h"
#include "gui/session/session.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "portapi/localapicall.h"
#include "portapi/localportapi.h"
#include "sandbox/sandbox.h"

#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QKeyEvent>
#include <QLineEdit>
#include <QMainWindow>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace porthole {

namespace {
constexpr int kSteps = 5;
// The example the demo opens: one message whose payload names both run ids, so the audience
// sees the ids the consumer reports on.
const char* const kExample = "with-run-ids.json";
} // namespace

DemoDirector::DemoDirector(const WindowParts& parts)
    : QObject(parts.window), m_parts(parts), m_banner(new CaptionBanner(parts.window)),
      m_action(new QAction(tr("Demo"), this))
{
    setObjectName(QStringLiteral("demoDirector"));
    m_action->setObjectName(QStringLiteral("actionDemo"));
    m_action->setToolTip(tr("Play the whole loop on the sandbox, captioned step by step "
                            "(render, publish, receive, report); Esc stops it"));
    connect(m_action, &QAction::triggered, this, [this] { m_running ? cancel() : start(); });
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
}

DemoDirector::~DemoDirector() = default;

QString DemoDirector::caption() const
{
    return m_banner->isVisible() || m_running ? m_banner->caption() : QString();
}

void DemoDirector::start()
{
    if (m_running)
        return;
    Sandbox* sandbox = m_parts.session->sandbox();
    m_counts = {};
    m_runId.clear();
    m_trail.clear();
    m_arrivedAt.clear();
    m_banner->setTrail(QString());
    m_banner->setPlaying(true);
    m_reportedRuns.clear();
    m_completedRuns.clear();
    m_consumerGot = m_consumerDone = m_publishing = false;
    // Every row on show: a filter the user typed must not hide the demo's run.
    m_parts.runs->showAllRows();
    m_running = true;
    m_action->setText(tr("Stop demo"));
    qApp->installEventFilter(this); // Esc stops the demo wherever the focus is
    // Room for every step at the chosen pace, and never less than a minute.
    m_timeout.start(std::max(60000, 15 * m_paceMs));
    if (!sandbox || !sandbox->isRunning()) {
        fail(tr("the embedded sandbox is not running"));
        return;
    }
    connect(sandbox->api(), &LocalPortApi::callRecorded, this, &DemoDirector::onCallRecorded,
            Qt::UniqueConnection);
    // Publish and Runs go to the sandbox; the Runs tab follows the connection.
    ConnectionBar* bar = m_parts.connection;
    if (bar->currentName() != QStringLiteral("sandbox"))
        bar->selectConnection(QStringLiteral("sandbox"));
    if (!m_parts.runs->isWatching())
        m_parts.runs->startWatching();
    startConsumer();
    stageOpen();
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
        if (id == m_runId)
            m_consumerGot = true;
    });
    connect(m_consumer, &DemoConsumer::stepStarted, this,
            [this](const QString& id, DemoConsumer::Step step) {
                if (id != m_runId)
                    return;
                const QString what[] = {
                    tr("The consumer tells Port's API it started: IN_PROGRESS"),
                    tr("The consumer sends its log lines to Port's API"),
                    tr("The consumer reports COMPLETED / SUCCESS with its output")};
                showCaption(kSteps, what[int(step)]);
            });
    connect(m_consumer, &DemoConsumer::stepAnswered, this,
            [this](const QString& id, DemoConsumer::Step step, int status, const QString& error) {
                if (id != m_runId)
                    return;
                if (!error.isEmpty()) {
                    fail(tr("the API refused %1 (HTTP %2): %3")
                             .arg(DemoConsumer::stepName(step))
                             .arg(status)
                             .arg(error));
                    return;
                }
                const QString what[] = {tr("IN_PROGRESS"), tr("2 log lines"),
                                        tr("COMPLETED / SUCCESS + output")};
                addTrail(tr("%1: HTTP %2").arg(what[int(step)]).arg(status));
            });
    connect(m_consumer, &DemoConsumer::runFinished, this, [this](const QString& id, bool) {
        if (id == m_runId)
            m_consumerDone = true;
    });
    m_consumer->start();
}

void DemoDirector::stageOpen()
{
    m_stage = Stage::Open;
    showCaption(1, tr("A Kafka action node: its payload holds jq templates {{ … }}"));
    DocumentController* docs = m_parts.documents;
    if (!docs->confirmDiscard()) { // the user keeps their unsaved node: no demo
        fail(tr("the node being edited was kept"));
        return;
    }
    docs->openExample(QString::fromLatin1(kExample));
    // A workflow run's context with fresh ids: this run is new to the sandbox.
    m_parts.preview->usePreset(0);
    m_parts.preview->newRunIds();
    m_runId = QString::fromStdString(m_parts.session->render()->runIds().nodeRun.text());
    if (m_runId.isEmpty()) {
        fail(tr("the workflow context has no node run id"));
        return;
    }
    m_parts.node->setFocus();
    addTrail(tr("example %1").arg(QString::fromLatin1(kExample)));
    waitThen(nullptr, [this] { stageRender(); });
}

void DemoDirector::stageRender()
{
    m_stage = Stage::Render;
    m_parts.tabs->setCurrentWidget(m_parts.preview);
    showCaption(2, tr("Its templates render against a workflow run's context, as Port does"));
    waitThen(
        [this] {
            const auto r = m_parts.node->lastRender();
            if (!r || !r->ok)
                return false;
            const std::string id = m_runId.toStdString();
            for (const std::string& m : r->messages)
                if (m.find(id) != std::string::npos)
                    return true;
            return false;
        },
        [this] {
            addTrail(tr("rendered for node run %1").arg(m_runId));
            stagePublish();
        });
}

void DemoDirector::stagePublish()
{
    m_stage = Stage::Publish;
    PublishPane* publish = m_parts.publish;
    m_parts.tabs->setCurrentWidget(publish);
    showCaption(3, tr("Publish: the message goes to the sandbox's topic %1.runs")
                       .arg(m_parts.session->sandbox()->org()));
    waitThen(
        [this, publish] { return m_consumer && m_consumer->isReady() && !publish->isPublishing(); },
        [this, publish] {
            // One message for one run, whatever the user's last repeat count was.
            m_savedRepeat = publish->repeat();
            publish->setRepeat(1);
            // Signed as Port signs, so the Runs tab shows it valid (the agent's own check).
            publish->setSigned(true);
            m_publishing = true;
            publish->publish();
        });
}

void DemoDirector::onPublished(qint64 delivered, qint64 failed)
{
    if (!m_running || !m_publishing)
        return;
    m_publishing = false;
    if (m_savedRepeat > 0)
        m_parts.publish->setRepeat(m_savedRepeat);
    m_counts.published += int(delivered);
    if (delivered == 0 || failed > 0) {
        fail(tr("publishing failed (%1 delivered, %2 failed)").arg(delivered).arg(failed));
        return;
    }
    addTrail(tr("published, signed"));
    stageReceive();
}

void DemoDirector::stageReceive()
{
    m_stage = Stage::Receive;
    m_parts.tabs->setCurrentWidget(m_parts.runs);
    showCaption(4, tr("It arrives on the topic; a consumer picks it up, as Port's agent would"));
    waitThen([this] { return m_counts.received >= m_counts.published && m_consumerGot; },
             [this] {
                 addTrail(tr("received (%1)").arg(m_arrivedAt));
                 selectRunRow();
                 stageReport();
             });
}

void DemoDirector::onRowsInserted(int first, int last)
{
    if (!m_running || m_runId.isEmpty())
        return;
    const std::string id = m_runId.toStdString();
    RunsTableModel* model = m_parts.runs->model();
    for (int row = first; row <= last; ++row) {
        if (model->info(row).ids.nodeRun.text() != id)
            continue;
        ++m_counts.received;
        const KafkaRecord record = model->record(row);
        m_arrivedAt = tr("partition %1, offset %2").arg(record.partition).arg(record.offset);
    }
}

void DemoDirector::selectRunRow()
{
    // The proxy reaches new rows in slices: select the row once it has.
    if (!m_parts.runs->selectRun(m_runId) && m_parts.runs->proxy()->isFiltering())
        connect(m_parts.runs->proxy(), &RunsFilterProxy::filterFinished, this,
                &DemoDirector::selectRunRow, Qt::SingleShotConnection);
}

void DemoDirector::stageReport()
{
    m_stage = Stage::Report;
    showCaption(kSteps, tr("The consumer reports back to Port's API"));
    waitThen([this] { return m_consumerDone; }, [this] { stageDone(); });
}

void DemoDirector::onCallRecorded(const LocalApiCall& call)
{
    if (!m_running || m_runId.isEmpty() || call.refused() || !call.path.contains(m_runId))
        return;
    // Reports are PATCHes and log POSTs; GETs only read the run.
    if (call.method != "PATCH" && call.method != "POST")
        return;
    m_reportedRuns.insert(m_runId);
    if (call.method == "PATCH" &&
        QJsonDocument::fromJson(call.body).object().value(QStringLiteral("status")).toString() ==
            QStringLiteral("COMPLETED"))
        m_completedRuns.insert(m_runId);
    m_counts.reported = int(m_reportedRuns.size());
    m_counts.completed = int(m_completedRuns.size());
}

void DemoDirector::stageDone()
{
    m_stage = Stage::Done;
    const bool ok = m_counts.complete();
    showCaption(0, ok ? tr("Done: published %1, received %2, reported %3, completed %4")
                            .arg(m_counts.published)
                            .arg(m_counts.received)
                            .arg(m_counts.reported)
                            .arg(m_counts.completed)
                      : tr("The counts do not match: %1").arg(m_counts.line()));
    waitThen(nullptr, [this, ok] { finish(ok); });
}

void DemoDirector::waitThen(std::function<bool()> ready, std::function<void()> next)
{
    m_ready = std::move(ready);
    m_next = std::move(next);
    m_stageClock.start();
    m_poll.start();
}

void DemoDirector::poll()
{
    if (!m_running || m_stageClock.elapsed() < m_paceMs || (m_ready && !m_ready()))
        return;
    m_poll.stop();
    const auto next = std::move(m_next);
    m_ready = nullptr;
    m_next = nullptr;
    if (next)
        next();
}

void DemoDirector::showCaption(int step, const QString& text)
{
    m_banner->showCaption(step > 0 ? QStringLiteral("%1/%2  %3").arg(step).arg(kSteps).arg(text)
                                   : text);
}

void DemoDirector::addTrail(const QString& text)
{
    m_trail << QStringLiteral("✓ ") + text;
    m_banner->setTrail(m_trail.join(QStringLiteral("    ")));
}

void DemoDirector::cancel()
{
    if (m_running)
        fail(tr("stopped"));
}

void DemoDirector::fail(const QString& why)
{
    if (!m_running)
        return;
    showCaption(0, tr("Demo stopped: %1").arg(why));
    finish(false);
}

void DemoDirector::finish(bool ok)
{
    m_running = false;
    m_stage = Stage::Idle;
    m_poll.stop();
    m_timeout.stop();
    m_ready = nullptr;
    m_next = nullptr;
    m_publishing = false;
    qApp->removeEventFilter(this);
    if (m_consumer) {
        m_consumer->stop();
        m_consumer->deleteLater();
    }
    m_action->setText(tr("Demo"));
    m_banner->setPlaying(false);
    // The last caption stays a moment, unless another demo has begun meanwhile.
    QTimer::singleShot(std::max(3000, 2 * m_paceMs), m_banner, [this] {
        if (!m_running)
            m_banner->hide();
    });
    Q_EMIT finished(ok, m_counts.line());
}

bool DemoDirector::eventFilter(QObject* watched, QEvent* event)
{
    if (m_running && event->type() == QEvent::KeyPress &&
        static_cast<QKeyEvent*>(event)->key() == Qt::Key_Escape) {
        cancel();
        return true;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace porthole
