// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowpane.h"

#include "gui/session/session.h"
#include "gui/systemtheme.h"
#include "workflowmocks.h"
#include "workflowrunfetch.h"
#include "workflowscene.h"
#include "workflowview.h"

#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace porthole {

WorkflowPane::WorkflowPane(Session* session, QWidget* parent)
    : QWidget(parent), m_session(session ? session : new Session(nullptr, this)),
      m_scene(new WorkflowScene(this)), m_view(new WorkflowView(this)), m_title(new QLabel(this)),
      m_empty(new QLabel(this)), m_split(new QSplitter(Qt::Vertical, this)),
      m_nodeSummary(new QLabel(this)), m_sources(new QTreeWidget(this)),
      m_mockLabel(new QLabel(this)), m_mockEdit(new QPlainTextEdit(this)),
      m_mockStatus(new QLabel(this))
{
    setObjectName(QStringLiteral("workflowPane"));
    m_title->setObjectName(QStringLiteral("workflowTitle"));
    m_title->setWordWrap(true);
    m_empty->setObjectName(QStringLiteral("workflowEmpty"));
    m_empty->setWordWrap(true);
    m_empty->setText(tr("No workflow is open. File ▸ Open workflow… (or porthole FILE.json) shows "
                        "a Port workflow's graph here; choosing one of its KAFKA nodes puts it in "
                        "the editor with the context the nodes before it produce."));
    auto* fit = new QPushButton(tr("&Fit"), this);
    fit->setObjectName(QStringLiteral("workflowFit"));
    fit->setToolTip(tr("Show the whole graph (0 in the graph; + and - zoom)"));
    m_view->setObjectName(QStringLiteral("workflowGraph"));
    m_view->setAccessibleName(tr("Workflow graph"));
    m_view->setScene(m_scene);
    m_nodeSummary->setObjectName(QStringLiteral("workflowNodeSummary"));
    m_nodeSummary->setWordWrap(true);
    m_nodeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_sources->setObjectName(QStringLiteral("workflowContextSources"));
    m_sources->setAccessibleName(tr("Where the context came from"));
    m_sources->setHeaderLabels({tr("Part of the context"), tr("Came from")});
    m_sources->setRootIsDecorated(false);
    m_sources->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_mockLabel->setObjectName(QStringLiteral("workflowMockLabel"));
    m_mockLabel->setWordWrap(true);
    m_mockEdit->setObjectName(QStringLiteral("workflowMockEditor"));
    m_mockEdit->setAccessibleName(tr("Mock output"));
    m_mockEdit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_mockEdit->setTabChangesFocus(true);
    m_mockLabel->setBuddy(m_mockEdit);
    auto* apply = new QPushButton(tr("&Use this output"), this);
    apply->setObjectName(QStringLiteral("workflowMockApply"));
    auto* reset = new QPushButton(tr("Default &output"), this);
    reset->setObjectName(QStringLiteral("workflowMockReset"));
    m_mockStatus->setObjectName(QStringLiteral("workflowMockStatus"));
    m_mockStatus->setWordWrap(true);

    auto* head = new QHBoxLayout;
    head->addWidget(m_title, 1);
    head->addWidget(fit);
    auto* details = new QWidget(this);
    auto* d = new QVBoxLayout(details);
    d->setContentsMargins(0, 0, 0, 0);
    d->addWidget(m_nodeSummary);
    d->addWidget(m_sources, 1);
    d->addWidget(m_mockLabel);
    d->addWidget(m_mockEdit, 1);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(apply);
    buttons->addWidget(reset);
    buttons->addWidget(m_mockStatus, 1);
    d->addLayout(buttons);
    setupRun(head, d);
    setupBranches(d);
    m_split->setObjectName(QStringLiteral("workflowSplitter"));
    m_split->addWidget(m_view);
    m_split->addWidget(details);
    m_split->setStretchFactor(0, 3);
    m_split->setStretchFactor(1, 2);
    m_split->setChildrenCollapsible(false);
    m_split->setSizes({560, 440}); // the graph first: the details scroll
    auto* column = new QVBoxLayout(this);
    column->addLayout(head);
    column->addWidget(m_empty);
    column->addWidget(m_split, 1);
    m_split->hide();

    connect(fit, &QPushButton::clicked, m_view, &WorkflowView::fit);
    connect(m_scene, &WorkflowScene::nodeClicked, this, [this](int i) {
        setCurrentIndex(i);
        choose(i);
    });
    connect(m_view, &WorkflowView::moveRequested, this, &WorkflowPane::moveCurrent);
    connect(m_view, &WorkflowView::stepRequested, this, &WorkflowPane::step);
    connect(m_view, &WorkflowView::chooseRequested, this, [this] { choose(m_current); });
    connect(m_view, &WorkflowView::menuRequested, this, &WorkflowPane::nodeMenu);
    connect(m_sources, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) {
        if (item && item->data(0, Qt::UserRole).toInt() >= 0)
            setMockTarget(item->data(0, Qt::UserRole).toInt());
    });
    connect(apply, &QPushButton::clicked, this, [this] {
        if (m_mockTarget < 0)
            return;
        QString error;
        const QString id =
            QString::fromStdString(m_doc.workflow().nodes()[size_t(m_mockTarget)].id);
        if (!setMock(id, m_mockEdit->toPlainText().toUtf8(), &error))
            m_mockStatus->setText(error);
    });
    connect(reset, &QPushButton::clicked, this, [this] {
        if (m_mockTarget >= 0)
            clearMock(QString::fromStdString(m_doc.workflow().nodes()[size_t(m_mockTarget)].id));
    });
}

WorkflowPane::~WorkflowPane() = default;

bool WorkflowPane::openWorkflow(const QString& path, const QByteArray& text)
{
    m_chosen = m_current = m_mockTarget = -1;
    m_chain = Chain{};
    if (!m_doc.load(path, text)) {
        Q_EMIT completionHintsChanged(nullptr);
        m_scene->clearGraph();
        m_title->clear();
        m_split->hide();
        m_empty->show();
        return false;
    }
    m_mocks = WorkflowMocks::load(path);
    m_forks = WorkflowMocks::loadForks(path);
    if (!m_runId.isEmpty() || m_fetch->busy())
        useMocks(); // another workflow: the run was one of the last one's
    m_empty->hide();
    m_split->show();
    rebuild();
    fillForks();
    m_view->fit();
    Q_EMIT opened(path);
    const auto& nodes = m_doc.workflow().nodes();
    int first = -1;
    for (size_t i = 0; i < nodes.size() && first < 0; ++i)
        if (nodes[i].type == "KAFKA")
            first = int(i);
    setCurrentIndex(first >= 0 ? first : (nodes.empty() ? -1 : 0));
    if (first >= 0)
        choose(first);
    else
        Q_EMIT nodeOpened(QByteArray()); // nothing of this file belongs in the node editor
    if (first < 0)
        Q_EMIT completionHintsChanged(nullptr);
    return true;
}

void WorkflowPane::rebuild()
{
    m_scene->build(m_doc);
    const Workflow& w = m_doc.workflow();
    int errors = 0, warnings = 0;
    for (const auto& d : m_doc.diagnostics()) {
        errors += d.severity == Severity::Error;
        warnings += d.severity == Severity::Warning;
    }
    const QString name = QString::fromStdString(w.identifier());
    m_title->setText(tr("<b>%1</b> · %2 · %n node(s)", nullptr, int(w.nodes().size()))
                         .arg(name.toHtmlEscaped(), QFileInfo(m_doc.path()).fileName()) +
                     (errors + warnings
                          ? tr(" · <span style='%1'>%2 error(s), %3 warning(s)</span>")
                                .arg(SystemTheme::css(errors ? SystemTheme::Tone::Problem
                                                             : SystemTheme::Tone::Caution))
                                .arg(errors)
                                .arg(warnings)
                          : tr(" · no problems")));
    for (auto* item : m_scene->nodes()) {
        item->setCurrent(item->index() == m_current);
        item->setChosen(item->index() == m_chosen);
    }
    m_scene->setForks(m_forks);
}

bool WorkflowPane::commitEditor()
{
    if (m_chosen < 0 || !m_editorText)
        return true;
    const QByteArray before = m_doc.text();
    QString error;
    if (!m_doc.replaceNode(m_chosen, m_editorText(), &error)) {
        Q_EMIT m_session->told(error, 6000);
        return false;
    }
    if (m_doc.text() != before)
        rebuild();
    return true;
}

std::optional<QByteArray> WorkflowPane::workflowText(const QByteArray& nodeText, QString* error)
{
    if (!m_doc.isOpen()) {
        *error = tr("no workflow is open");
        return std::nullopt;
    }
    if (m_chosen >= 0) {
        const QByteArray before = m_doc.text();
        if (!m_doc.replaceNode(m_chosen, nodeText, error))
            return std::nullopt;
        if (m_doc.text() != before)
            rebuild();
    }
    return m_doc.text();
}

void WorkflowPane::setPath(const QString& path)
{
    if (!m_doc.isOpen() || path == m_doc.path())
        return;
    m_doc.setPath(path);
    WorkflowMocks::save(path, m_mocks);
    WorkflowMocks::saveForks(path, m_forks);
}

bool WorkflowPane::chooseNode(const QString& id)
{
    if (!m_doc.isOpen())
        return false;
    const int index = m_doc.workflow().indexOf(id.toStdString());
    if (index < 0)
        return false;
    setCurrentIndex(index);
    choose(index);
    return m_chosen == index || m_doc.workflow().nodes()[size_t(index)].type != "KAFKA";
}

QString WorkflowPane::chosenNode() const
{
    return m_chosen < 0 ? QString()
                        : QString::fromStdString(m_doc.workflow().nodes()[size_t(m_chosen)].id);
}

void WorkflowPane::choose(int index)
{
    if (index < 0 || !m_doc.isOpen())
        return;
    const WorkflowNode& node = m_doc.workflow().nodes()[size_t(index)];
    if (node.type != "KAFKA") {
        // Only KAFKA nodes are edited here; any other node's output is what later nodes read.
        setMockTarget(index);
        return;
    }
    if (index != m_chosen && !commitEditor())
        return;
    m_chosen = index;
    for (auto* item : m_scene->nodes())
        item->setChosen(item->index() == m_chosen);
    Q_EMIT nodeOpened(m_doc.nodeText(index));
    Q_EMIT completionHintsChanged(std::make_shared<const WorkflowHints>(
        workflowHints(m_doc.workflow(), m_doc.graph(), index)));
    updateContext();
}

} // namespace porthole
