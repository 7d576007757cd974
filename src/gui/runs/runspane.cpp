// SPDX-License-Identifier: GPL-3.0-or-later
#include "runspane.h"

#include "actionflow.h"
#include "autoscroller.h"
#include "core/messagedecoder.h"
#include "emptytablenote.h"
#include "filterbar.h"
#include "gui/englishplurals.h"
#include "gui/session/connectionstate.h"
#include "gui/session/runselection.h"
#include "gui/session/session.h"
#include "gui/story/runstatusdelegate.h"
#include "gui/systemtheme.h"
#include "jqcolumns.h"
#include "kafka/kafkaerrors.h"
#include "kafka/watchsession.h"
#include "livestrip.h"
#include "messageactions.h"
#include "messagedetailview.h"
#include "models/runledger.h"
#include "models/runsfilterproxy.h"
#include "models/runstablemodel.h"
#include "ratechart.h"
#include "readpositionbar.h"
#include "rowtools.h"
#include "runsheaderstate.h"
#include "runsrecorder.h"
#include "ui_runspane.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace porthole {

RunsPane::RunsPane(Session* session, QWidget* parent)
    : QWidget(parent), m_ui(std::make_unique<Ui::RunsPane>()),
      m_shared(session ? session : new Session(nullptr, this)), m_model(new RunsTableModel(this)),
      m_proxy(new RunsFilterProxy(this)), m_filterDebounce(new QTimer(this))
{
    m_ui->setupUi(this);
    EnglishPlurals::install(); // "1 message held" when the pane is used without the window too
    m_bootstrap = m_ui->runsBootstrap;
    m_topic = m_ui->runsTopic;
    m_topicNote = new QLabel(this);
    m_topicNote->setObjectName(QStringLiteral("runsTopicNote"));
    m_topicNote->setBuddy(m_topic); // a note on the field: the window never wraps it away
    m_ui->connectRow->insertWidget(m_ui->connectRow->indexOf(m_topic) + 1, m_topicNote);
    m_position = m_ui->runsPosition;
    m_watchButton = m_ui->runsWatch;
    m_pauseButton = m_ui->runsPause;
    m_clearButton = m_ui->runsClear;
    m_newestFirst = m_ui->runsNewestFirst;
    m_wideButton = m_ui->runsWide;
    m_filter = m_ui->runsFilter;
    m_kind = m_ui->runsKind;
    m_notice = m_ui->runsNotice;
    m_scrollNote = m_ui->runsScrollNote;
    m_table = m_ui->runsTable;
    m_detail = m_ui->runsDetail;
    m_recordButton = m_ui->runsRecord;
    m_status = m_ui->runsStatus;
    m_jqBar = new FilterBar(m_model, m_proxy, this);
    m_actions =
        new MessageActions([this]() -> const KafkaRecord* { return m_detail->message(); }, this);
    m_recorder = nullptr;

    // Typing in a filter over a million rows: apply once the user pauses.
    m_filterDebounce->setObjectName(QStringLiteral("runsFilterDebounce"));
    m_filterDebounce->setSingleShot(true);
    m_filterDebounce->setInterval(250);
    m_kind->addItem(tr("All kinds"), -1);
    m_kind->addItem(tr("Workflow node runs"), int(MessageKind::WorkflowNode));
    m_kind->addItem(tr("Action runs"), int(MessageKind::ActionRun));
    m_kind->addItem(tr("Change log"), int(MessageKind::ChangeLog));
    m_kind->addItem(tr("Unknown"), int(MessageKind::Unknown));
    m_notice->setStyleSheet(SystemTheme::css(SystemTheme::Tone::Caution));

    buildTable();
    setupRecordAndActions();
    setupTableExtras();
    setupGroupsPanel();

    m_ui->runsSplit->setStretchFactor(0, 3);
    m_ui->runsSplit->setStretchFactor(1, 2);
    // The jq filter under the quick search, a row of its own: jq filters are long.
    m_ui->jqSlot->addWidget(m_jqBar);
    m_ui->jqSlot->addWidget(m_jqBar->statusLine());
    // One line that never widens the pane: the status takes what the live numbers (their own
    // width while there is room) and the fixed-size chart leave, and elides.
    auto* strip = new LiveStrip(m_model, this);
    strip->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Preferred);
    auto* rateChart = new RateChart(this);
    connect(strip, &LiveStrip::sampled, rateChart, &RateChart::addSample);
    m_ui->statusRow->setStretch(0, 1);
    m_ui->statusRow->insertWidget(1, strip, 0);
    m_ui->statusRow->insertWidget(2, rateChart, 0);

    connect(m_watchButton, &QPushButton::clicked, this,
            [this] { isWatching() ? stopWatching() : startWatching(); });
    connect(m_pauseButton, &QPushButton::toggled, this, &RunsPane::setPaused);
    connect(m_clearButton, &QPushButton::clicked, this, &RunsPane::clearRows);
    connect(m_newestFirst, &QCheckBox::toggled, m_proxy, &RunsFilterProxy::setNewestFirst);
    connect(m_wideButton, &QToolButton::toggled, this, &RunsPane::wideRequested);
    connect(m_filter, &QLineEdit::textChanged, m_filterDebounce, qOverload<>(&QTimer::start));
    connect(m_filterDebounce, &QTimer::timeout, this,
            [this] { m_proxy->setText(m_filter->text()); });
    connect(m_kind, &QComboBox::currentIndexChanged, this,
            [this] { m_proxy->setKind(m_kind->currentData().toInt()); });
    connect(m_actions, &MessageActions::saveValueRequested, this, &RunsPane::saveSelectedValue);
    connect(m_scrollNote, &QLabel::linkActivated, m_scroller, &AutoScroller::follow);
    connect(m_scroller, &AutoScroller::changed, this, &RunsPane::updateScrollNote);

    // The session's connection: one Broker and Topic for Publish and Runs.
    ConnectionState* conn = m_shared->connection();
    m_model->setSecretSource([conn] { return conn->signingSecret(); });
    connect(conn, &ConnectionState::changed, this, &RunsPane::connectionChanged);
    connect(m_topic, &QLineEdit::editingFinished, this,
            [this] { m_shared->connection()->setTopicOverride(m_topic->text()); });
    connect(m_topicNote, &QLabel::linkActivated, this,
            [this] { m_shared->connection()->setTopicOverride({}); });
    connect(m_position, &ReadPositionBar::chosen, this, &RunsPane::positionChosen);
    connectionChanged();
    updateStatus(tr("Not watching"));
}

RunsPane::~RunsPane()
{
    stopWatching();
}

void RunsPane::buildTable()
{
    m_proxy->setSourceModel(m_model);
    m_table->setModel(m_proxy);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    // Two rows (Ctrl+click) can be compared; the detail shows the current one.
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->verticalHeader()->hide();
    // Every row the same height: the view never measures a million rows.
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(22);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setStretchLastSection(true); // the value preview takes what is left
    header->setSectionsMovable(true);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    // Narrow enough that the value preview stays readable beside the node editor; the size
    // starts hidden (right-click the header). Time (with its date) and Status fit their text.
    const int timeWidth =
        m_table->fontMetrics().horizontalAdvance(QStringLiteral("2026-12-31 23:59:59.999Z")) + 16;
    const int statusWidth = RunStatusDelegate::fittingWidth(m_table);
    const int widths[] = {timeWidth, 36, 56, 96, 120, 164, statusWidth, 90, 90, 60};
    for (int c = 0; c < RunsTableModel::Value; ++c)
        m_table->setColumnWidth(c, widths[c]);
    header->setSectionHidden(RunsTableModel::Size, true);
    // The run's state early (after where and when), so it shows beside the node editor too.
    header->moveSection(header->visualIndex(RunsTableModel::Status),
                        header->visualIndex(RunsTableModel::Kind));
    // The remembered jq columns exist before the header state that places them is restored.
    m_jqColumns = new JqColumns(m_model, this);
    connect(m_jqColumns, &JqColumns::columnAdded, this, [this, header](int section) {
        // Before the value preview, which keeps the stretch.
        header->moveSection(header->visualIndex(section),
                            header->visualIndex(RunsTableModel::Value));
        m_table->setColumnWidth(section, 140);
        RunsHeaderState::save(header);
    });
    RunsHeaderState::restore(header);
    // The run's story: its Status cell (icon + colour) and its timeline from a row.
    m_table->setItemDelegateForColumn(RunsTableModel::Status, new RunStatusDelegate(m_table));
    // One context menu: the run's timeline, then the message's actions.
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table, &QWidget::customContextMenuRequested, this, &RunsPane::showContextMenu);
    connect(m_table, &QAbstractItemView::doubleClicked, this, [this] {
        if (const QString run = selectedRunId(); !run.isEmpty())
            Q_EMIT m_shared->timelineRequested(run);
    });
    connect(header, &QHeaderView::customContextMenuRequested, this,
            [this, header](const QPoint& at) {
                RunsHeaderState::showMenu(header, at, [this, header](QMenu* menu, int section) {
                    RunsHeaderState::addTimeModeMenu(menu, m_model);
                    m_jqColumns->extendHeaderMenu(menu, header, section);
                });
            });
    connect(header, &QHeaderView::sectionResized, this,
            [header] { RunsHeaderState::save(header); });
    connect(header, &QHeaderView::sectionMoved, this, [header] { RunsHeaderState::save(header); });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &RunsPane::showSelected);
    // A reset (Clear, a new watch, a recording, a filter) drops the current row without
    // currentRowChanged: the detail and the session's selection must follow.
    connect(m_proxy, &QAbstractItemModel::modelReset, this, &RunsPane::showSelected);
    m_scroller = new AutoScroller(m_table, m_proxy, this);
    // The count in the status line, at most every 200 ms while rows stream in.
    auto* statusTimer = new QTimer(this);
    statusTimer->setSingleShot(true);
    statusTimer->setInterval(200);
    connect(statusTimer, &QTimer::timeout, this, [this] { updateStatus(); });
    connect(m_proxy, &QAbstractItemModel::rowsInserted, statusTimer, [statusTimer] {
        if (!statusTimer->isActive())
            statusTimer->start();
    });
    connect(m_proxy, &QAbstractItemModel::modelReset, statusTimer, [statusTimer] {
        if (!statusTimer->isActive())
            statusTimer->start();
    });
}

void RunsPane::setupRecordAndActions()
{
    m_actions->addTo(m_detail->toolBar());
    connect(m_actions, &MessageActions::useAsContextRequested, m_shared, &Session::contextOffered);
    // "Report run": the selected message is the session's selection already; the Report tab
    // takes it and waits for the user's Send.
    connect(m_actions, &MessageActions::reportRequested, this,
            [this](MessageKind kind, const RunIds& ids) {
                m_shared->selection()->select(kind, ids);
                Q_EMIT m_shared->reportOnSelectionRequested();
            });
    connect(m_actions, &MessageActions::told, this, [this](const QString& t) { updateStatus(t); });
    m_rowTools = new RowTools(this, m_table);
    connect(m_rowTools, &RowTools::told, this, [this](const QString& t) { updateStatus(t); });

    m_recorder = new RunsRecorder(m_model, m_table, this);
    m_recorder->setJqColumns(m_jqColumns);
    m_recorder->setTarget([this] { return m_shared->connection()->effective(); });
    m_recordButton->setMenu(m_recorder->menu());
    connect(m_recorder, &RunsRecorder::loading, this, [this](const QString& path) {
        stopWatching();
        updateStatus(tr("Recording %1").arg(path));
    });
    connect(m_recorder, &RunsRecorder::done, this,
            [this](bool, const QString& t) { updateStatus(t); });
    connect(m_actions, &MessageActions::republishRequested, m_recorder,
            &RunsRecorder::republishWithDialog);
}

void RunsPane::connectionChanged()
{
    const ConnectionState* conn = m_shared->connection();
    const KafkaTarget target = conn->effective();
    m_bootstrap->setText(target.bootstrap());
    m_bootstrap->setToolTip(
        tr("Connection %1: choose another in the toolbar's Kafka picker (Ctrl+K)")
            .arg(target.name.isEmpty() ? target.bootstrap() : target.name));
    if (m_topic->text().trimmed() != target.topic)
        m_topic->setText(target.topic);
    const bool overridden = !conn->topicOverride().isEmpty();
    m_topicNote->setText(overridden ? tr("override · <a href=\"reset\">use %1</a>")
                                          .arg(conn->target().topic.toHtmlEscaped())
                                    : QString());
    m_topicNote->setToolTip(overridden ? tr("Publish and Runs use this topic instead of the "
                                            "connection's own %1")
                                             .arg(conn->target().topic)
                                       : QString());
    m_topicNote->setVisible(overridden);
    KafkaConfig kafka = target.config;
    kafka.remove("bootstrap.servers"); // the field says which brokers
    m_actions->setConnection(target.bootstrap(), kafka);
    m_recorder->setSandboxTest(
        [conn](const QString& bootstrap) { return conn->isSandboxBootstrap(bootstrap); });
    // A watch follows the connection at once (also one that failed on the last connection),
    // so the tab never shows one broker while reading another.
    if (m_wantWatch)
        startWatching();
}

void RunsPane::positionChosen()
{
    QString error;
    const auto partitions = m_position->partitions(&error);
    const StartPosition from = m_position->position();
    const bool same = partitions && *partitions == m_watchPartitions &&
                      from.kind == m_watchFrom.kind && from.value == m_watchFrom.value;
    if (isWatching() && !same)
        startWatching(); // from the new position at once (no F5 needed)
}

void RunsPane::clearRows()
{
    m_model->clear();
    m_scroller->follow();
    updateStatus();
}

void RunsPane::showAllRows()
{
    m_filter->clear();
    m_proxy->setText({});
    m_kind->setCurrentIndex(0);
    m_jqBar->apply({});
}

bool RunsPane::selectRun(const QString& runId)
{
    for (int row = m_model->rowCount() - 1; row >= 0; --row) {
        if (RunLedger::primaryRunId(m_model->info(row).ids) != runId)
            continue;
        const QModelIndex shown = m_proxy->mapFromSource(m_model->index(row, 0));
        if (!shown.isValid())
            return false;
        m_table->selectRow(shown.row());
        m_table->scrollTo(shown);
        return true;
    }
    return false;
}

void RunsPane::setWide(bool wide)
{
    m_wideButton->setChecked(wide); // toggled → wideRequested
}

bool RunsPane::isWide() const
{
    return m_wideButton->isChecked();
}

void RunsPane::showContextMenu(const QPoint& at)
{
    const QString run = selectedRunId();
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("runsContextMenu"));
    QAction* timeline = menu.addAction(tr("Show &timeline"));
    timeline->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_T));
    timeline->setEnabled(!run.isEmpty());
    connect(timeline, &QAction::triggered, this,
            [this, run] { Q_EMIT m_shared->timelineRequested(run); });
    m_rowTools->addTo(&menu);
    QAction* diagnose = menu.addAction(tr("&Diagnose this run…"));
    diagnose->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    diagnose->setEnabled(!run.isEmpty());
    connect(diagnose, &QAction::triggered, this,
            [this, run] { Q_EMIT m_shared->diagnoseRequested(run); });
    menu.addSeparator();
    m_actions->addTo(&menu);
    menu.exec(m_table->viewport()->mapToGlobal(at));
}

void RunsPane::startWatching()
{
    stopWatching();
    m_wantWatch = true;
    QString error;
    const auto partitions = m_position->partitions(&error);
    if (!partitions) {
        updateStatus(tr("Not watching: %1").arg(error));
        return;
    }
    const KafkaTarget target = m_shared->connection()->effective();
    if (target.bootstrap().isEmpty() || target.topic.isEmpty()) {
        updateStatus(tr("Not watching: choose a Kafka connection in the toolbar (Ctrl+K)"));
        return;
    }
    WatchOptions options;
    options.config = target.config;
    options.topic = target.topic.toStdString();
    options.from = m_position->position();
    options.partitions = *partitions;
    m_watchFrom = options.from;
    m_watchPartitions = options.partitions;
    m_recorder->discardOpen(); // a recording still loading would mix its rows into the watch's
    m_recording.clear();
    m_model->clear();
    m_dropped.clear();
    m_notice->hide();
    m_watch = std::make_unique<WatchSession>(options);
    WatchSession* session = m_watch.get(); // once stopped, it delivers nothing more
    connect(session, &WatchSession::messagesReceived, m_model, &RunsTableModel::appendBatch);
    // The status line says the cause in words ("cannot resolve host …"), else reads without
    // librdkafka's internals (broker names, "in state CONNECT"); its original words are in the
    // tooltip.
    const auto readable = [](const QString& text) {
        return QString::fromStdString(KafkaErrors::summary(text.toStdString()));
    };
    connect(session, &WatchSession::statusChanged, this,
            [this, readable](WatchStatus, const QString& text) {
                const QString line = readable(text);
                updateStatus(line, line == text ? QString() : text);
            });
    connect(session, &WatchSession::failed, this, [this, readable](const QString& e) {
        stopWatching();
        m_wantWatch = true; // the next connection (or F5) tries again
        const QString line = readable(e);
        updateStatus(tr("Stopped: %1").arg(line), line == e ? QString() : e);
    });
    connect(session, &WatchSession::oldestDropped, this,
            [this](int partition, qint64 wanted, qint64 oldest) {
                m_dropped << tr("partition %1 starts at offset %2 (%3 older gone)")
                                 .arg(partition)
                                 .arg(oldest)
                                 .arg(QLocale().toString(oldest - wanted));
                m_notice->setText(tr("The broker has already dropped the oldest messages you "
                                     "asked for (retention): %1.")
                                      .arg(m_dropped.join(QStringLiteral("; "))));
                m_notice->show();
            });
    m_watch->start();
    m_paused = false;
    m_pauseButton->setChecked(false);
    m_pauseButton->setEnabled(true);
    m_watchButton->setText(tr("Stop"));
    updateStatus(tr("Connecting to %1…").arg(m_bootstrap->text()));
}

void RunsPane::stopWatching()
{
    m_wantWatch = false;
    if (!m_watch)
        return;
    m_watch->stop(); // joins the worker thread
    m_watch.reset();
    m_watchButton->setText(tr("Watch"));
    m_pauseButton->setEnabled(false);
    m_pauseButton->setChecked(false);
    updateStatus(tr("Not watching"));
}

void RunsPane::setPaused(bool paused)
{
    if (!m_watch || paused == m_paused)
        return;
    m_paused = paused;
    m_pauseButton->setChecked(paused);
    m_pauseButton->setText(paused ? tr("Resume") : tr("Pause"));
    m_watch->setPaused(paused);
    updateStatus(paused ? tr("Paused") : tr("Watching"));
}

void RunsPane::showSelected()
{
    const QModelIndex idx = m_proxy->mapToSource(m_table->currentIndex());
    if (!idx.isValid()) {
        m_detail->clear();
        m_actions->update();
        m_shared->selection()->clear();
        return;
    }
    // One copy of the message (it may be 100 MB), shared by the detail and its actions.
    auto r = std::make_shared<const KafkaRecord>(m_model->record(idx.row()));
    const MessageInfo info = m_model->info(idx.row());
    const QString why = m_model->data(idx, RunsTableModel::SignatureWhyRole).toString();
    const QString verdict =
        m_model->data(idx.siblingAtColumn(RunsTableModel::Signature)).toString();
    m_detail->setMessage(std::move(r), info, verdict, why);
    m_actions->update(info);
    m_shared->selection()->select(info.kind, info.ids);
}

QString RunsPane::selectedRunId() const
{
    const QModelIndex idx = m_proxy->mapToSource(m_table->currentIndex());
    return idx.isValid() ? m_model->index(idx.row(), 0).data(RunsTableModel::RunIdRole).toString()
                         : QString();
}

void RunsPane::saveSelectedValue()
{
    const QModelIndex idx = m_proxy->mapToSource(m_table->currentIndex());
    if (!idx.isValid())
        return;
    // A copy: the row may be dropped while the dialog is open.
    const KafkaRecord record = m_model->record(idx.row());
    if (!record.value)
        return;
    const QString path = QFileDialog::getSaveFileName(this, tr("Save message value"),
                                                      QStringLiteral("%1-p%2-o%3.json")
                                                          .arg(QString::fromStdString(record.topic))
                                                          .arg(record.partition)
                                                          .arg(record.offset));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) ||
        file.write(record.value->data(), qint64(record.value->size())) !=
            qint64(record.value->size()) ||
        !file.commit())
        QMessageBox::warning(this, tr("Save message value"),
                             tr("Could not write %1: %2").arg(path, file.errorString()));
}

void RunsPane::updateScrollNote()
{
    if (m_scroller->following()) {
        m_scrollNote->hide();
        return;
    }
    m_scrollNote->setText(tr("Auto-scroll paused while you look around · %Ln new message(s) · "
                             "<a href=\"follow\">Back to the newest</a>",
                             nullptr, int(m_scroller->unseen())));
    m_scrollNote->show();
}

void RunsPane::updateStatus(const QString& connection, const QString& detail)
{
    if (!connection.isEmpty()) {
        m_connection = connection;
        m_status->setDetail(detail);
    }
    // One line, cut at the right when narrow (the whole line is in the tooltip): what the
    // filter shows and what the cap dropped first, then the broker's news. The rows held are
    // in the live strip beside it.
    const QLocale locale;
    QStringList parts;
    if (m_proxy->rowCount() != m_model->rowCount())
        parts << tr("%1 of %2 shown")
                     .arg(locale.toString(m_proxy->rowCount()),
                          locale.toString(m_model->rowCount()));
    if (m_model->droppedCount() > 0)
        parts << tr("%1 oldest dropped (keeps at most %2 messages and %3)")
                     .arg(locale.toString(m_model->droppedCount()))
                     .arg(locale.toString(m_model->capacity()))
                     .arg(locale.formattedDataSize(m_model->byteBudget()));
    parts << m_connection;
    m_status->setFullText(parts.join(QStringLiteral(" · ")));
    if (m_emptyNote)
        m_emptyNote->refresh();
}

} // namespace porthole
