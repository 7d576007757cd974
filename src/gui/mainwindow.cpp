// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"
#include "gui/guisettings.h"

#include "connection/connectionbar.h"
#include "core/appsettings.h"
#include "demo/demodirector.h"
#include "elidedlabel.h"
#include "englishplurals.h"
#include "models/runstablemodel.h"
#include "node/documentcontroller.h"
#include "node/draftbar.h"
#include "node/nodeeditor.h"
#include "node/nodepane.h"
#include "preview/previewpane.h"
#include "publish/publishpane.h"
#include "report/reportpane.h"
#include "runs/runspane.h"
#include "sandbox/sandbox.h"
#include "session/connectionstate.h"
#include "session/portaccount.h"
#include "session/renderinputs.h"
#include "session/runselection.h"
#include "start/exampleindex.h"
#include "start/examplenote.h"
#include "start/startpage.h"
#include "story/ledgerfeed.h"
#include "story/timelinedialog.h"
#include "windowactions.h"
#include "windowplacement.h"
#include "workflow/workflowpane.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace porthole {

MainWindow::MainWindow(Sandbox* sandbox, QWidget* parent)
    : QMainWindow(parent), m_sandbox(sandbox), m_session(new Session(sandbox, this)),
      m_nodePane(new NodePane(this)), m_previewPane(new PreviewPane(m_session, this)),
      m_publishPane(new PublishPane(m_session, this)), m_runsPane(new RunsPane(m_session, this)),
      m_reportPane(new ReportPane(m_session, this)), m_connectionBar(new ConnectionBar(this)),
      m_sandboxLabel(new QLabel(this)), m_tabs(new QTabWidget(this)),
      m_split(new QSplitter(Qt::Horizontal, this)), m_draftBar(new DraftBar(this)),
      m_documents(new DocumentController(m_nodePane, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setAcceptDrops(true);
    EnglishPlurals::install(); // "1 message", never "1 message(s)"

    m_tabs->setObjectName(QStringLiteral("sideTabs"));
    m_tabs->setAccessibleName(tr("Panes"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_previewPane, tr("Preview"));
    m_tabs->addTab(m_publishPane, tr("Publish"));
    m_tabs->addTab(m_runsPane, tr("Runs topic"));
    m_tabs->addTab(m_reportPane, tr("Report"));
    auto* workflowPane = new WorkflowPane(m_session, this);
    m_tabs->addTab(workflowPane, tr("Workflow"));
    m_split->setObjectName(QStringLiteral("mainSplitter"));
    m_split->addWidget(m_nodePane);
    m_split->addWidget(m_tabs);
    m_split->setStretchFactor(0, 1);
    m_split->setStretchFactor(1, 1);
    m_split->setChildrenCollapsible(false);
    // Explicit minimums: otherwise the widest tab's minimum (the Runs table) decides, and
    // visiting it pushed the splitter over the editor.
    m_nodePane->setMinimumWidth(320);
    m_tabs->setMinimumWidth(380);
    m_split->setSizes({660, 620});
    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(0, 0, 0, 0);
    column->setSpacing(0);
    column->addWidget(m_draftBar);
    column->addWidget(m_split, 1);
    m_startPage = new StartPage(ExampleIndex::bundled(), central);
    m_startPage->hide();
    column->addWidget(m_startPage, 1);
    setCentralWidget(central);
    auto* toolbar = addToolBar(tr("Connection"));
    toolbar->setObjectName(QStringLiteral("connectionToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(m_connectionBar);
    wireSession();

    m_connectionBar->loadProfiles();
    m_sandboxLabel->setObjectName(QStringLiteral("sandboxStatus"));
    m_sandboxLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_sandboxLabel);

    // The session's render inputs drive the node's analysis; its result comes back to the
    // preview, and publishing sends what the preview shows.
    RenderInputs* inputs = m_session->render();
    connect(inputs, &RenderInputs::changed, this,
            [this, inputs] { m_nodePane->setRenderInput(inputs->context(), inputs->options()); });
    connect(m_nodePane, &NodePane::nodeRendered, m_previewPane, &PreviewPane::showRender);
    connect(m_nodePane, &NodePane::nodeRendered, this,
            [this](const std::shared_ptr<const RenderedNode>& r) {
                m_publishPane->setMessages(r && r->ok ? r->messages : std::vector<std::string>{});
            });
    m_nodePane->setRenderInput(inputs->context(), inputs->options());

    // The node file, its drafts and the title.
    m_documents->setContextAccess(
        [this] { return m_previewPane->contextText(); },
        [this](const QByteArray& t) { m_previewPane->setContextText(t); });
    connect(m_previewPane, &PreviewPane::contextEditedByUser, m_documents,
            &DocumentController::contextEdited);
    connect(m_documents, &DocumentController::titleChanged, this, [this](const QString& title) {
        setWindowTitle(title);
        m_session->render()->setNodeFile(m_documents->document()->path());
    });
    connect(m_documents, &DocumentController::message, statusBar(), &QStatusBar::showMessage);
    // A workflow file: the Workflow tab holds it, the editor one KAFKA node of it at a time,
    // and Save puts the node back into the file.
    m_documents->setEmbedding(
        {[workflowPane](const QString& path, const QByteArray& text) {
             return workflowPane->openWorkflow(path, text);
         },
         [workflowPane](const QByteArray& node, QString* error) {
             return workflowPane->workflowText(node, error);
         },
         [workflowPane](const QString& path) { workflowPane->setPath(path); }});
    workflowPane->setEditorText([this] { return m_nodePane->nodeText(); });
    connect(workflowPane, &WorkflowPane::nodeOpened, m_documents, &DocumentController::showPart);
    connect(workflowPane, &WorkflowPane::completionHintsChanged, m_nodePane,
            &NodePane::setCompletionHints);
    connect(workflowPane, &WorkflowPane::opened, this,
            [this, workflowPane] { m_tabs->setCurrentWidget(workflowPane); });
    connect(m_draftBar, &DraftBar::restoreRequested, m_documents,
            &DocumentController::restoreDraft);
    connect(m_draftBar, &DraftBar::discardRequested, m_documents->document(),
            &NodeDocument::discardDraft);

    // Tab leaves one-purpose text boxes (Headers, read-only outputs); the two JSON editors
    // keep Tab for indenting until Ctrl+M says otherwise.
    for (QPlainTextEdit* box : findChildren<QPlainTextEdit*>())
        box->setTabChangesFocus(true);
    const bool tabMoves = GuiSettings::editorTabMovesFocus.value();
    m_nodePane->editor()->setTabMovesFocus(tabMoves);
    m_previewPane->contextEditor()->setTabMovesFocus(tabMoves);

    // Status and error lines wrap inside the room they have: a long one-line error must never
    // widen the window or squeeze the editor (it did, to 75 px). Form labels keep their size;
    // elided ones stay one line (the Runs status wrapped to 4 lines at 1024×700, squeezing
    // the table), the whole text in their tooltip.
    for (QLabel* label : m_split->findChildren<QLabel*>()) {
        if (label->objectName().isEmpty() || label->buddy() || qobject_cast<ElidedLabel*>(label))
            continue;
        label->setWordWrap(true);
        QSizePolicy policy = label->sizePolicy();
        policy.setHorizontalPolicy(QSizePolicy::Ignored);
        label->setSizePolicy(policy);
    }

    const WindowParts parts{this,          m_tabs,     m_session,    m_nodePane,      m_previewPane,
                            m_publishPane, m_runsPane, m_reportPane, m_connectionBar, m_documents};
    m_demo = new DemoDirector(parts); // the demo: its caption band and the toolbar's button
    toolbar->addAction(m_demo->action());
    wireStartPage();
    auto* actions = new WindowActions(parts, m_demo->action());
    actions->setStartPageAction(m_startAction);
    actions->build();
    statusBar()->showMessage(tr("Ready"));
    setWindowTitle(tr("Untitled node — Porthole"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::wireSession()
{
    // One connection for both Kafka tabs: the picker sets the session's; the panes follow it.
    connect(m_connectionBar, &ConnectionBar::targetChanged, this, [this](const KafkaTarget& t) {
        m_session->connection()->setTarget(t);
        AppSettings::lastConnection.setValue(m_connectionBar->currentName());
    });
    // "Get from Port" in the connection editor asks Port's API with the session's account.
    m_connectionBar->setPortAccount(m_session->account());
    // The runs table can take the whole window (its "Full width" button hides the editor).
    connect(m_runsPane, &RunsPane::wideRequested, m_nodePane, &QWidget::setHidden);
    // One story per run: the ledger hears the panes and the sandbox; the table shows states.
    auto* feed = new LedgerFeed(m_session, m_runsPane->model(), this);
    feed->watchPublisher(m_publishPane);
    m_runsPane->model()->setLedger(m_session->ledger());
    connect(m_session, &Session::timelineRequested, this, &MainWindow::showTimeline);
    connect(m_session, &Session::placeRequested, this, &MainWindow::goTo);
    connect(m_session, &Session::told, statusBar(), &QStatusBar::showMessage);
}

void MainWindow::wireStartPage()
{
    // Help ▸ Start page shows it again (or goes back to the file open).
    m_startAction = new QAction(tr("&Start page"), this);
    m_startAction->setObjectName(QStringLiteral("actionStartPage"));
    m_startAction->setCheckable(true);
    connect(m_startAction, &QAction::toggled, this, &MainWindow::showStartPage);
    // The start page asks; the window opens. A workflow goes where `porthole FILE.json` goes.
    connect(m_startPage, &StartPage::exampleRequested, this, [this](const QString& path) {
        if (m_documents->confirmDiscard())
            m_documents->openFile(path);
    });
    connect(m_startPage, &StartPage::openFileRequested, m_documents,
            &DocumentController::chooseAndOpen);
    connect(m_startPage, &StartPage::demoRequested, m_demo->action(), &QAction::trigger);
    connect(m_startPage, &StartPage::connectRequested, m_connectionBar,
            &ConnectionBar::selectConnection);
    // An example with a mistake on purpose says so above the editor.
    m_exampleNote = new ExampleNote(ExampleIndex::bundled(), m_nodePane);
    m_nodePane->setBanner(m_exampleNote);
    connect(m_documents, &DocumentController::titleChanged, this, [this] {
        const QString path = m_documents->document()->path();
        m_exampleNote->showFor(path);
        if (!path.isEmpty())
            showStartPage(false); // a file is open
    });
}

void MainWindow::showStartPage(bool show)
{
    // Without a file there is nothing to go back to: the start page stays.
    if (!show && m_documents->document()->path().isEmpty() && m_startPage->isVisibleTo(this))
        show = true;
    m_startPage->setVisible(show);
    m_split->setVisible(!show);
    const QSignalBlocker quiet(m_startAction);
    m_startAction->setChecked(show);
    if (show)
        m_startPage->setFocus();
}

void MainWindow::goTo(Session::Place place)
{
    switch (place) {
    case Session::Place::Preview:
        m_tabs->setCurrentWidget(m_previewPane);
        break;
    case Session::Place::Publish:
        m_tabs->setCurrentWidget(m_publishPane);
        break;
    case Session::Place::Runs:
        m_tabs->setCurrentWidget(m_runsPane);
        break;
    case Session::Place::Report:
        m_tabs->setCurrentWidget(m_reportPane);
        break;
    case Session::Place::Editor:
        // The editor may be hidden by the Runs tab's Full width: the keyboard must never go
        // to a node the user cannot see.
        if (m_runsPane->isWide())
            m_runsPane->setWide(false);
        m_nodePane->editor()->setFocus(Qt::ShortcutFocusReason);
        break;
    }
}

void MainWindow::showTimeline(const QString& runId)
{
    const QString run = runId.isEmpty() ? m_session->selection()->runId() : runId;
    if (run.isEmpty()) {
        statusBar()->showMessage(tr("Select a message that names a run to see its timeline."),
                                 5000);
        return;
    }
    if (!m_timeline) {
        m_timeline = new TimelineDialog(m_session->ledger(), this);
        connect(m_timeline, &TimelineDialog::diagnoseRequested, m_session,
                &Session::diagnoseRequested);
    }
    m_timeline->showRun(run);
}

void MainWindow::restoreLayout()
{
    // First launch: 1280×800, or the screen's free area when it is smaller (a 1024×700 screen
    // must not get a window whose right side is off screen).
    QSize size(1280, 800);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
    if (const QByteArray g = GuiSettings::windowGeometry.value(); !g.isEmpty())
        WindowPlacement::restore(this, g); // restoreGeometry() would shift it by 20 px
    if (const QByteArray s = GuiSettings::windowState.value(); !s.isEmpty())
        restoreState(s);
    if (const QByteArray s = GuiSettings::mainSplitter.value(); !s.isEmpty())
        m_split->restoreState(s);
    if (const QByteArray s = GuiSettings::nodeSplitter.value(); !s.isEmpty())
        m_nodePane->splitter()->restoreState(s);
    m_tabs->setCurrentIndex(std::clamp(GuiSettings::sideTab.value(), 0, m_tabs->count() - 1));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [](int i) { GuiSettings::sideTab.setValue(i); });
    auto* layoutTimer = new QTimer(this);
    layoutTimer->setInterval(5000);
    connect(layoutTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            saveLayout();
    });
    layoutTimer->start();
}

void MainWindow::saveLayout()
{
    // Only what changed: this also runs every few seconds, so a killed session keeps its
    // layout too.
    const auto store = [](const Setting<QByteArray>& s, const QByteArray& v) {
        if (s.value() != v)
            s.setValue(v);
    };
    store(GuiSettings::windowGeometry, saveGeometry());
    store(GuiSettings::windowState, saveState());
    store(GuiSettings::mainSplitter, m_split->saveState());
    store(GuiSettings::nodeSplitter, m_nodePane->splitter()->saveState());
}

bool MainWindow::openFile(const QString& path)
{
    return m_documents->openFile(path);
}

void MainWindow::openExample(const QString& name)
{
    m_documents->openExample(name);
}

void MainWindow::openStartupDocument()
{
    const QString last = AppSettings::lastFile.value();
    if (!last.isEmpty() && QFileInfo(last).isFile()) {
        m_documents->openFile(last);
    } else {
        showStartPage(true); // first launch, or the last file is gone: the ways in
        // A file moved or deleted since (or an example no longer bundled) is news, not an error.
        if (!last.isEmpty())
            statusBar()->showMessage(
                tr("%1 is gone: pick a file or an example").arg(QDir::toNativeSeparators(last)));
    }
    if (const auto draft = m_documents->pendingDraft())
        m_draftBar->offer(*draft);
}

bool MainWindow::startSandbox(QString* error)
{
    const QString org = QStringLiteral("sandbox");
    // Keep last launch's ports when they are free, so the kcat commands a user copied still
    // work; any port otherwise.
    const bool keep = AppSettings::sandboxKeepPorts.value();
    const auto kafkaPort = quint16(keep ? AppSettings::sandboxKafkaPort.value() : 0);
    const auto apiPort = quint16(keep ? AppSettings::sandboxApiPort.value() : 0);
    bool started = m_sandbox->start(org, kafkaPort, apiPort, error);
    if (!started && (kafkaPort || apiPort))
        started = m_sandbox->start(org, 0, 0, error);
    if (!started) {
        m_sandboxLabel->setText(tr("Sandbox not running"));
        return false;
    }
    if (keep) {
        AppSettings::sandboxKafkaPort.setValue(
            QStringView(m_sandbox->bootstrap())
                .mid(m_sandbox->bootstrap().lastIndexOf(u':') + 1)
                .toInt());
        AppSettings::sandboxApiPort.setValue(QStringView(m_sandbox->apiUrl())
                                                 .mid(m_sandbox->apiUrl().lastIndexOf(u':') + 1)
                                                 .toInt());
    }
    m_sandboxLabel->setText(tr("Sandbox · Kafka %1 · Port API %2 · org %3")
                                .arg(m_sandbox->bootstrap(), m_sandbox->apiUrl(), org));
    const QString remembered = AppSettings::lastConnection.value();
    // The local Port API accepts sandbox/sandbox; real credentials are typed, never stored.
    m_session->account()->setSandboxApiUrl(m_sandbox->apiUrl());
    m_session->account()->set(m_sandbox->apiUrl(), QStringLiteral("sandbox"),
                              QStringLiteral("sandbox"));
    m_connectionBar->setSandbox(m_sandbox->bootstrap(), org); // selects it: the panes follow
    m_runsPane->startWatching();
    if (!remembered.isEmpty() && remembered != m_connectionBar->currentName()) {
        m_connectionBar->restoreConnection(remembered);   // never prompts for a password
        AppSettings::lastConnection.setValue(remembered); // kept even while it waits for one
    }
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (!m_documents->confirmDiscard()) {
        event->ignore();
        return;
    }
    saveLayout();
    m_documents->closedCleanly();
    event->accept();
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.size() == 1 && urls.first().isLocalFile()) {
        event->acceptProposedAction();
        m_documents->openFileAsking(urls.first().toLocalFile());
    }
}

} // namespace porthole
