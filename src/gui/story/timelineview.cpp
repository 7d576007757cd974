// SPDX-License-Identifier: GPL-3.0-or-later
#include "timelineview.h"

#include "models/runledger.h"
#include "models/runstablemodel.h"
#include "models/runtimeline.h"
#include "statuslook.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMimeData>
#include <QPushButton>
#include <QScrollBar>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace porthole {

namespace {

enum Col
{
    TimeCol,
    GapCol,
    StageCol,
    SourceCol,
    WhatCol
};

// The stage's look: reports take their run state's icon; the others a neutral dot.
QIcon stageIcon(const RunEvent& e)
{
    using State = RunsTableModel::RunState;
    if (e.stage == RunEvent::Stage::Reported || e.stage == RunEvent::Stage::Logged) {
        if (e.httpStatus >= 400)
            return StatusLook::icon(State::Failed);
        if (e.stage == RunEvent::Stage::Reported)
            return StatusLook::icon(RunsTableModel::runState(e.status, e.result));
    }
    return StatusLook::icon(State::Other);
}

} // namespace

TimelineView::TimelineView(RunLedger* ledger, QWidget* parent)
    : QWidget(parent), m_ledger(ledger), m_title(new QLabel(this)), m_state(new QLabel(this)),
      m_list(new QTreeWidget(this)), m_nodeRuns(new QTreeWidget(this)),
      m_copyText(new QPushButton(tr("Copy as &text"), this)),
      m_copyMarkdown(new QPushButton(tr("Copy as &Markdown"), this)), m_refresh(new QTimer(this))
{
    // Inside a dialog (the timeline window, the consumer check) Enter belongs to the dialog's
    // own default button, never to Copy.
    m_copyText->setAutoDefault(false);
    m_copyMarkdown->setAutoDefault(false);
    setObjectName(QStringLiteral("timelineView"));
    m_title->setObjectName(QStringLiteral("timelineTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_state->setObjectName(QStringLiteral("timelineState"));
    m_list->setObjectName(QStringLiteral("timelineList"));
    m_list->setAccessibleName(tr("Timeline"));
    m_list->setHeaderLabels({tr("Time"), tr("Gap"), tr("Stage"), tr("Source"), tr("What")});
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    // Long lines elide (the tooltip has them whole); a detail's own lines stay lines.
    m_list->setWordWrap(false);
    m_list->setUniformRowHeights(false);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(TimeCol, 96);
    m_list->setColumnWidth(GapCol, 78);
    m_list->setColumnWidth(StageCol, 100);
    m_list->setColumnWidth(SourceCol, 262);
    m_copyText->setObjectName(QStringLiteral("timelineCopyText"));
    m_copyText->setToolTip(tr("Copy the whole timeline as plain text (Ctrl+C)"));
    m_copyMarkdown->setObjectName(QStringLiteral("timelineCopyMarkdown"));
    m_copyMarkdown->setToolTip(tr("Copy the whole timeline as a Markdown table (Ctrl+Shift+C)"));

    m_nodeRuns->setObjectName(QStringLiteral("timelineNodeRuns"));
    m_nodeRuns->setAccessibleName(tr("Workflow run and its node runs"));
    m_nodeRuns->setHeaderLabels({tr("Node"), tr("Run"), tr("State")});
    m_nodeRuns->setToolTip(tr("The workflow run and its node runs: double-click one to show "
                              "its story"));
    m_nodeRuns->setMaximumHeight(120);
    m_nodeRuns->setColumnWidth(0, 180);
    m_nodeRuns->setColumnWidth(1, 220);
    m_nodeRuns->hide();
    connect(m_nodeRuns, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item) { setRunId(item->data(1, Qt::UserRole).toString()); });

    auto* head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(m_state);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_copyText);
    buttons->addWidget(m_copyMarkdown);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(head);
    layout->addWidget(m_nodeRuns);
    layout->addWidget(m_list, 1);
    layout->addLayout(buttons);

    auto* copy = new QAction(this);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copy, &QAction::triggered, this, &TimelineView::copyText);
    addAction(copy);
    auto* copyMd = new QAction(this);
    copyMd->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    copyMd->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(copyMd, &QAction::triggered, this, &TimelineView::copyMarkdown);
    addAction(copyMd);
    connect(m_copyText, &QPushButton::clicked, this, &TimelineView::copyText);
    connect(m_copyMarkdown, &QPushButton::clicked, this, &TimelineView::copyMarkdown);

    // Live, but at most ten redraws a second however fast the run's events come.
    m_refresh->setSingleShot(true);
    m_refresh->setInterval(100);
    connect(m_refresh, &QTimer::timeout, this, &TimelineView::refresh);
    if (m_ledger)
        connect(m_ledger, &RunLedger::changed, this, [this](const QString& id) {
            if ((id == m_runId || (!id.isEmpty() && id == workflowRunId())) &&
                !m_refresh->isActive())
                m_refresh->start();
        });
}

void TimelineView::setRunId(const QString& runId)
{
    m_runId = runId;
    refresh();
}

void TimelineView::refresh()
{
    const QVector<RunEvent> events = m_ledger ? m_ledger->events(m_runId) : QVector<RunEvent>{};
    m_title->setText(m_runId.isEmpty() ? tr("No run selected") : tr("Run %1").arg(m_runId));
    for (const RunEvent& e : events)
        if (!e.workflowRunId.isEmpty() && e.workflowRunId != m_runId) {
            m_title->setText(tr("Run %1 (workflow run %2)").arg(m_runId, e.workflowRunId));
            break;
        }
    const RunLedger::State st = m_ledger ? m_ledger->state(m_runId) : RunLedger::State{};
    const auto state = RunsTableModel::runState(st.status, st.result);
    m_state->setText(st.status.isEmpty()   ? tr("nothing reported")
                     : st.result.isEmpty() ? st.status
                                           : st.status + QStringLiteral(" · ") + st.result);
    QPalette pal = m_state->palette();
    pal.setColor(QPalette::WindowText, StatusLook::color(state, palette()));
    m_state->setPalette(pal);

    const bool atEnd =
        m_list->topLevelItemCount() == 0 ||
        m_list->verticalScrollBar()->value() == m_list->verticalScrollBar()->maximum();
    m_list->clear();
    QList<QTreeWidgetItem*> items;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const RunEvent& e = events[i];
        const QString gap =
            i == 0 ? QString() : RunTimeline::gapText(events[i - 1].at.msecsTo(e.at));
        QString what = RunTimeline::describe(e);
        if (!e.detail.isEmpty())
            what += QLatin1Char('\n') + e.detail;
        auto* item = new QTreeWidgetItem(
            {RunTimeline::timeText(e.at), gap, stageName(e.stage), e.source, what});
        item->setIcon(StageCol, stageIcon(e));
        item->setToolTip(WhatCol, what);
        item->setTextAlignment(GapCol, Qt::AlignRight | Qt::AlignTop);
        for (int c = TimeCol; c <= SourceCol; ++c)
            if (c != GapCol)
                item->setTextAlignment(c, Qt::AlignLeft | Qt::AlignTop);
        if (e.httpStatus >= 400)
            item->setForeground(WhatCol,
                                StatusLook::color(RunsTableModel::RunState::Failed, palette()));
        items << item;
    }
    m_list->addTopLevelItems(items);
    if (atEnd)
        m_list->scrollToBottom();
    refreshNodeRuns();
    m_copyText->setEnabled(!m_runId.isEmpty());
    m_copyMarkdown->setEnabled(!m_runId.isEmpty());
}

QString TimelineView::workflowRunId() const
{
    if (!m_ledger || m_runId.isEmpty())
        return {};
    if (!m_ledger->nodeRuns(m_runId).isEmpty())
        return m_runId;
    return m_ledger->workflowRunOf(m_runId);
}

// The workflow run (its state) and each node run under it, the one shown marked.
void TimelineView::refreshNodeRuns()
{
    const QString wfr = workflowRunId();
    m_nodeRuns->clear();
    m_nodeRuns->setVisible(!wfr.isEmpty());
    if (wfr.isEmpty())
        return;
    auto row = [&](const QString& node, const QString& id) {
        const RunLedger::State st = m_ledger->state(id);
        auto* item = new QTreeWidgetItem({node, id,
                                          st.status.isEmpty() ? tr("nothing reported")
                                          : st.result.isEmpty()
                                              ? st.status
                                              : st.status + QStringLiteral(" · ") + st.result});
        item->setData(1, Qt::UserRole, id);
        item->setIcon(2, StatusLook::icon(RunsTableModel::runState(st.status, st.result)));
        if (id == m_runId) {
            QFont f = item->font(0);
            f.setBold(true);
            for (int c = 0; c < 3; ++c)
                item->setFont(c, f);
        }
        return item;
    };
    auto* top = row(tr("workflow run"), wfr);
    for (const RunLedger::NodeRun& n : m_ledger->nodeRuns(wfr))
        top->addChild(row(n.node.isEmpty() ? tr("(node?)") : n.node, n.runId));
    m_nodeRuns->addTopLevelItem(top);
    m_nodeRuns->expandAll();
}

QString TimelineView::nodeRunsText() const
{
    const QString wfr = workflowRunId();
    if (wfr.isEmpty())
        return {};
    QStringList nodes, ids, states;
    for (const RunLedger::NodeRun& n : m_ledger->nodeRuns(wfr)) {
        const RunLedger::State st = m_ledger->state(n.runId);
        nodes << n.node;
        ids << n.runId;
        states << (st.result.isEmpty() ? st.status : st.status + QStringLiteral(" · ") + st.result);
    }
    return RunTimeline::nodeRunsText(wfr, nodes, ids, states);
}

QString TimelineView::text() const
{
    return RunTimeline::toText(m_runId,
                               m_ledger ? m_ledger->events(m_runId) : QVector<RunEvent>{}) +
           nodeRunsText();
}

QString TimelineView::markdown() const
{
    return RunTimeline::toMarkdown(m_runId,
                                   m_ledger ? m_ledger->events(m_runId) : QVector<RunEvent>{});
}

QStringList TimelineView::stages() const
{
    QStringList s;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        s << m_list->topLevelItem(i)->text(StageCol);
    return s;
}

void TimelineView::copyText()
{
    QApplication::clipboard()->setText(text());
}

void TimelineView::copyMarkdown()
{
    // As text/markdown too, for editors that take it; plain text for everything else.
    auto* mime = new QMimeData;
    const QString md = markdown();
    mime->setText(md);
    mime->setData(QStringLiteral("text/markdown"), md.toUtf8());
    QApplication::clipboard()->setMimeData(mime);
}

} // namespace porthole
