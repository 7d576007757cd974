#include "mainwindow.h"

#include "aboutdialog.h"
#include "check/checkconsumerdialog.h"
#include "connection/connectionbar.h"
#include "models/runstablemodel.h"
#include "node/nodeeditor.h"
#include "node/nodepane.h"
#include "preview/previewpane.h"
#include "publish/publishpane.h"
#include "report/reportpane.h"
#include "runs/runspane.h"
#include "sandbox/sandbox.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

namespace porthole {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_nodePane(new NodePane(this)), m_previewPane(new PreviewPane(this)),
      m_publishPane(new PublishPane(this)), m_runsPane(new RunsPane(this)),
      m_reportPane(new ReportPane(this)), m_connectionBar(new ConnectionBar(this)),
      m_sandbox(new Sandbox(this)), m_sandboxLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("sideTabs"));
    tabs->setDocumentMode(true);
    tabs->addTab(m_previewPane, tr("Preview"));
    tabs->addTab(m_publishPane, tr("Publish"));
    tabs->addTab(m_runsPane, tr("Runs topic"));
    tabs->addTab(m_reportPane, tr("Report"));
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_nodePane);
    split->addWidget(tabs);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);
    split->setChildrenCollapsible(false);
    split->setSizes({660, 620});
    setCentralWidget(split);
    auto* toolbar = addToolBar(tr("Connection"));
    toolbar->setObjectName(QStringLiteral("connectionToolBar"));
    toolbar->setMovable(false);
    toolbar->addWidget(m_connectionBar);
    // One connection for both Kafka tabs: what is published is what the Runs tab can watch.
    connect(m_connectionBar, &ConnectionBar::targetChanged, this, [this](const KafkaTarget& t) {
        m_runsPane->setConnection(t);
        m_publishPane->setConnection(t);
    });
    // The runs table can take the whole window (its "Full width" button hides the editor).
    connect(m_runsPane, &RunsPane::wideRequested, m_nodePane, &QWidget::setHidden);
    // Publishing to the sandbox registers its runs first; signing takes the Report tab's secret.
    m_publishPane->setSandbox(m_sandbox);
    m_publishPane->setSecretSource([this] { return m_reportPane->clientSecret(); });
    // The Runs table verifies with the sandbox's secret on the sandbox, the Report tab's elsewhere.
    auto watched = std::make_shared<QString>(); // the brokers the Runs tab watches
    connect(m_connectionBar, &ConnectionBar::targetChanged, this,
            [watched](const KafkaTarget& t) { *watched = t.bootstrap(); });
    m_runsPane->model()->setSecretSource([this, watched] {
        return m_sandbox->isRunning() && *watched == m_sandbox->bootstrap()
                   ? m_sandbox->clientSecret()
                   : m_reportPane->clientSecret();
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
    buildMenus();
    connect(m_nodePane->editor(), &QsciScintilla::modificationChanged, this, [this](bool m) {
        m_modified = m;
        updateTitle();
    });
    statusBar()->showMessage(tr("Ready"));
    resize(1280, 800);
    updateTitle();
}

void MainWindow::buildMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open…"), QKeySequence::Open, this, [this] {
        if (!confirmDiscard())
            return;
        const QString path = QFileDialog::getOpenFileName(this, tr("Open node"), QString(),
                                                          tr("JSON files (*.json);;All files (*)"));
        if (!path.isEmpty())
            openFile(path);
    });
    QMenu* examples = file->addMenu(tr("Open &example"));
    const auto names =
        QDir(QStringLiteral(":/examples/nodes")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString& name : names)
        examples->addAction(name, this, [this, name] {
            if (confirmDiscard())
                openExample(name);
        });
    file->addAction(tr("&Save"), QKeySequence::Save, this, [this] {
        if (m_path.isEmpty() || m_path.startsWith(QLatin1Char(':')))
            save(QFileDialog::getSaveFileName(this, tr("Save node"), QString(),
                                              tr("JSON files (*.json)")));
        else
            save(m_path);
    });
    file->addAction(tr("Save &as…"), QKeySequence::SaveAs, this, [this] {
        save(
            QFileDialog::getSaveFileName(this, tr("Save node"), m_path, tr("JSON files (*.json)")));
    });
    file->addAction(tr("Check a &consumer…"), this, [this] {
        CheckConsumerDialog::open(this, m_nodePane->nodeText(), m_previewPane->context(),
                                  m_path.isEmpty() ? tr("node")
                                                   : QFileInfo(m_path).completeBaseName());
    });
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Porthole"), this, [this] { AboutDialog(this).exec(); });
}

bool MainWindow::openFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        QMessageBox::warning(this, tr("Cannot open"),
                             tr("Cannot open %1: %2").arg(path, f.errorString()));
        return false;
    }
    m_nodePane->setNodeText(f.readAll());
    m_nodePane->editor()->setModified(false);
    m_path = path;
    updateTitle();
    const QString shown = path.startsWith(QLatin1Char(':'))
                              ? tr("example %1").arg(QFileInfo(path).fileName())
                              : QDir::toNativeSeparators(path);
    statusBar()->showMessage(tr("Opened %1").arg(shown), 4000);
    return true;
}

void MainWindow::openExample(const QString& name)
{
    openFile(QStringLiteral(":/examples/nodes/") + name);
}

bool MainWindow::startSandbox(QString* error)
{
    const QString org = QStringLiteral("sandbox");
    if (!m_sandbox->start(org, 0, 0, error)) {
        m_sandboxLabel->setText(tr("Sandbox not running"));
        return false;
    }
    m_sandboxLabel->setText(tr("Sandbox · Kafka %1 · Port API %2 · org %3")
                                .arg(m_sandbox->bootstrap(), m_sandbox->apiUrl(), org));
    m_connectionBar->setSandbox(m_sandbox->bootstrap(), org); // selects it: the panes follow
    // The local Port API accepts sandbox/sandbox; real credentials are typed, never stored.
    m_reportPane->setApi(m_sandbox->apiUrl(), QStringLiteral("sandbox"), QStringLiteral("sandbox"));
    m_runsPane->startWatching();
    return true;
}

bool MainWindow::save(const QString& path)
{
    if (path.isEmpty())
        return false;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(m_nodePane->nodeText()) < 0 || !f.commit()) {
        QMessageBox::warning(this, tr("Cannot save"),
                             tr("Cannot save %1: %2").arg(path, f.errorString()));
        return false;
    }
    m_path = path;
    m_nodePane->editor()->setModified(false);
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool MainWindow::confirmDiscard()
{
    if (!m_modified)
        return true;
    const auto answer = QMessageBox::question(
        this, tr("Unsaved changes"), tr("The node has unsaved changes. Save them first?"),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save(m_path.startsWith(QLatin1Char(':')) || m_path.isEmpty()
                        ? QFileDialog::getSaveFileName(this, tr("Save node"))
                        : m_path);
    return true;
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    if (confirmDiscard())
        event->accept();
    else
        event->ignore();
}

void MainWindow::updateTitle()
{
    const QString name = m_path.isEmpty() ? tr("Untitled node") : QFileInfo(m_path).fileName();
    setWindowTitle(
        QStringLiteral("%1%2 — Porthole").arg(name, m_modified ? QStringLiteral(" •") : QString()));
}

} // namespace porthole
