#include "mainwindow.h"

#include "connection/connectionbar.h"
#include "core/appsettings.h"
#include "demo/demodirector.h"
#include "elidedlabel.h"
#include "englishplurals.h"
#include "models/runledger.h"
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
#include "story/ledgerfeed.h"
#include "story/timelinedialog.h"
#include "windowactions.h"
#include "windowplacement.h"

#include <QApplication>
#include <QCloseEvent>
#include <QFileInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSpinBox>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace porthole {

MainWindow::MainWindow(Sandbox* sandbox, QWidget* parent)
    : QMainWindow(parent), m_nodePane(new NodePane(this)), m_previewPane(new PreviewPane(this)),
      m_publishPane(new PublishPane(this)), m_runsPane(new RunsPane(this)),
      m_reportPane(new ReportPane(this)), m_connectionBar(new ConnectionBar(this)),
      m_sandbox(sandbox), m_ledger(new RunLedger(this)), m_sandboxLabel(new QLabel(this)),
      m_tabs(new QTabWidget(this)), m_split(new QSplitter(Qt::Horizontal, this)),
      m_draftBar(new DraftBar(this)), m_documents(new DocumentController(m_nodePane, this))
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
    setCentralWidget(central);
    auto* toolbar = addToolBar(tr("Connection"));
    toolbar->setObjectName(QStringLiteral("connectionToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(m_connectionBar);

    // One connection for both Kafka tabs: what is published is what the Runs tab can watch. A
    // watch going on follows the new connection at once, so the tab never shows one broker while
    // reading another.
    connect(m_connectionBar, &ConnectionBar::targetChanged, this, [this](const KafkaTarget& t) {
        m_publishPane->setConnection(t);
        m_runsPane->setConnection(t);
        if (m_runsPane->isWatching())
            m_runsPane->startWatching();
        AppSettings::lastConnection.setValue(m_connectionBar->currentName());
    });
    // The runs table can take the whole window (its "Full width" button hides the editor).
    connect(m_runsPane, &RunsPane::wideRequested, m_nodePane, &QWidget::setHidden);
    // A watched message as the preview's context; re-publishing asks first unless on the sandbox.
    connect(m_runsPane, &RunsPane::useAsContextRequested, this, [this](const QByteArray& json) {
        m_previewPane->setContextText(json);
        m_tabs->setCurrentWidget(m_previewPane);
    });
    m_runsPane->setSandboxTest([this](const QString& bootstrap) {
        return m_sandbox->isRunning() && bootstrap == m_sandbox->bootstrap();
    });
    // Publishing to the sandbox registers its runs first; signing takes the Report tab's secret.
    m_publishPane->setSandbox(m_sandbox);
    m_publishPane->setSecretSource([this] { return m_reportPane->clientSecret(); });
    // The connection editor's "Get from Port" asks Port's API with the Report tab's account.
    m_connectionBar->setPortAccountSource([this] {
        return PortApiAccount{m_reportPane->baseUrl(), m_reportPane->clientId(),
                              m_reportPane->clientSecret()};
    });
    m_reportPane->setLedger(m_ledger); // reports join each run's story
    // The Runs table verifies with the sandbox's secret on the sandbox, the Report tab's elsewhere.
    auto watched = std::make_shared<QString>(); // the brokers the Runs tab watches
    connect(m_connectionBar, &ConnectionBar::targetChanged, this,
            [watched](const KafkaTarget& t) { *watched = t.bootstrap(); });
    m_runsPane->model()->setSecretSource([this, watched] {
        return m_sandbox->isRunning() && *watched == m_sandbox->bootstrap()
                   ? m_sandbox->clientSecret()
                   : m_reportPane->clientSecret();
    });
    // One story per run: the ledger hears the panes and the sandbox; the table shows states.
    (new LedgerFeed(m_ledger, m_runsPane->model(), this))->watchWindow(this);
    m_runsPane->model()->setLedger(m_ledger);
    connect(m_runsPane, &RunsPane::timelineRequested, this, &MainWindow::showTimeline);
    connect(m_reportPane, &ReportPane::timelineRequested, this, &MainWindow::showTimeline);
    // "Report on this run": the Report tab takes the message's kind and ids, and comes forward.
    connect(m_runsPane, &RunsPane::reportRequested, this,
            [this](MessageKind kind, const RunIds& ids) {
                if (m_reportPane->reportOn(kind, ids))
                    m_tabs->setCurrentWidget(m_reportPane);
            });
    m_connectionBar->loadProfiles();
    m_sandboxLabel->setObjectName(QStringLiteral("sandboxStatus"));
    m_sandboxLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_sandboxLabel);

    // The preview's context and options drive the node's analysis; its result comes back.
    connect(m_previewPane, &PreviewPane::renderInputChanged, m_nodePane, &NodePane::setRenderInput);
    connect(m_nodePane, &NodePane::nodeRendered, m_previewPane, &PreviewPane::showRender);
    // Publishing sends what the preview shows; reporting targets the run the context names.
    connect(m_nodePane, &NodePane::nodeRendered, this,
            [this](const std::shared_ptr<const RenderedNode>& r) {
                m_publishPane->setMessages(r && r->ok ? r->messages : std::vector<std::string>{});
                const JsonValue& ctx = m_previewPane->context();
                const JsonValue& wfr = ctx["workflowRun"]["identifier"];
                const JsonValue& wfnr = ctx["workflowNodeRun"]["identifier"];
                const JsonValue& run = ctx["run"]["id"];
                m_reportPane->setRunIds(
                    QString::fromStdString(wfr.isString() ? wfr.toString() : std::string()),
                    QString::fromStdString(wfnr.isString()  ? wfnr.toString()
                                           : run.isString() ? run.toString()
                                                            : std::string()));
            });
    m_nodePane->setRenderInput(m_previewPane->context(), m_previewPane->options());

    // The node file, its drafts and the title.
    m_documents->setContextAccess(
        [this] { return m_previewPane->contextText(); },
        [this](const QByteArray& t) { m_previewPane->setContextText(t); });
    connect(m_previewPane, &PreviewPane::contextEditedByUser, m_documents,
            &DocumentController::contextEdited);
    connect(m_documents, &DocumentController::titleChanged, this, &QWidget::setWindowTitle);
    connect(m_documents, &DocumentController::message, statusBar(), &QStatusBar::showMessage);
    connect(m_draftBar, &DraftBar::restoreRequested, m_documents,
            &DocumentController::restoreDraft);
    connect(m_draftBar, &DraftBar::discardRequested, m_documents->document(),
            &NodeDocument::discardDraft);

    // Tab leaves one-purpose text boxes (Headers, read-only outputs); the two JSON editors
    // keep Tab for indenting until Ctrl+M says otherwise.
    for (QPlainTextEdit* box : findChildren<QPlainTextEdit*>())
        box->setTabChangesFocus(true);
    const bool tabMoves = AppSettings::editorTabMovesFocus.value();
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

    m_demo = new DemoDirector(this); // the demo: its caption band and the toolbar's button
    toolbar->addAction(m_demo->action());
    buildMenus();
    statusBar()->showMessage(tr("Ready"));
    setWindowTitle(tr("Untitled node — Porthole"));
    restoreLayout();
}

MainWindow::~MainWindow() = default;

void MainWindow::showTimeline(const QString& runId)
{
    const QString run = runId.isEmpty() ? m_runsPane->selectedRunId() : runId;
    if (run.isEmpty()) {
        statusBar()->showMessage(tr("Select a message that names a run to see its timeline."),
                                 5000);
        return;
    }
    if (!m_timeline)
        m_timeline = new TimelineDialog(m_ledger, this);
    m_timeline->showRun(run);
}

void MainWindow::buildMenus()
{
    auto* actions = new WindowActions(this);
    actions->build();
}

void MainWindow::restoreLayout()
{
    // First launch: 1280×800, or the screen's free area when it is smaller (a 1024×700 screen
    // must not get a window whose right side is off screen).
    QSize size(1280, 800);
    if (const QScreen* screen = QGuiApplication::primaryScreen())
        size = size.boundedTo(screen->availableGeometry().size());
    resize(size);
    if (const QByteArray g = AppSettings::windowGeometry.value(); !g.isEmpty())
        WindowPlacement::restore(this, g); // restoreGeometry() would shift it by 20 px
    if (const QByteArray s = AppSettings::windowState.value(); !s.isEmpty())
        restoreState(s);
    if (const QByteArray s = AppSettings::mainSplitter.value(); !s.isEmpty())
        m_split->restoreState(s);
    if (const QByteArray s = AppSettings::nodeSplitter.value(); !s.isEmpty())
        m_nodePane->splitter()->restoreState(s);
    m_tabs->setCurrentIndex(std::clamp(AppSettings::sideTab.value(), 0, m_tabs->count() - 1));
    connect(m_tabs, &QTabWidget::currentChanged, this,
            [](int i) { AppSettings::sideTab.setValue(i); });
    auto* layoutTimer = new QTimer(this);
    layoutTimer->setInterval(5000);
    connect(layoutTimer, &QTimer::timeout, this, [this] {
        if (isVisible())
            saveLayout();
    });
    layoutTimer->start();

    // The publish options the user typed last time (never a secret: key, headers, repeats).
    auto* key = findChild<QLineEdit*>(QStringLiteral("publishKey"));
    auto* headers = findChild<QPlainTextEdit*>(QStringLiteral("publishHeaders"));
    auto* repeat = findChild<QSpinBox*>(QStringLiteral("publishRepeat"));
    if (key) {
        key->setText(AppSettings::publishKey.value());
        connect(key, &QLineEdit::textChanged, this,
                [](const QString& t) { AppSettings::publishKey.setValue(t); });
    }
    if (headers) {
        headers->setPlainText(AppSettings::publishHeaders.value());
        connect(headers, &QPlainTextEdit::textChanged, this,
                [headers] { AppSettings::publishHeaders.setValue(headers->toPlainText()); });
    }
    if (repeat) {
        repeat->setValue(AppSettings::publishRepeat.value());
        connect(repeat, &QSpinBox::valueChanged, this,
                [](int v) { AppSettings::publishRepeat.setValue(v); });
    }
}

void MainWindow::saveLayout()
{
    // Only what changed: this also runs every few seconds, so a killed session keeps its
    // layout too.
    const auto store = [](const Setting<QByteArray>& s, const QByteArray& v) {
        if (s.value() != v)
            s.setValue(v);
    };
    store(AppSettings::windowGeometry, saveGeometry());
    store(AppSettings::windowState, saveState());
    store(AppSettings::mainSplitter, m_split->saveState());
    store(AppSettings::nodeSplitter, m_nodePane->splitter()->saveState());
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
    if (!last.isEmpty() && QFileInfo(last).isFile())
        m_documents->openFile(last);
    else
        openExample(QStringLiteral("basic-publish-event.json"));
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
    m_connectionBar->setSandbox(m_sandbox->bootstrap(), org); // selects it: the panes follow
    // The local Port API accepts sandbox/sandbox; real credentials are typed, never stored.
    m_reportPane->setApi(m_sandbox->apiUrl(), QStringLiteral("sandbox"), QStringLiteral("sandbox"));
    m_reportPane->setSandboxApiUrl(m_sandbox->apiUrl());
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
