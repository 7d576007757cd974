#pragma once

#include <QMainWindow>

class QLabel;
class QSplitter;
class QTabWidget;

namespace porthole {

class ConnectionBar;
class DocumentController;
class DraftBar;
class NodePane;
class PreviewPane;
class PublishPane;
class ReportPane;
class RunLedger;
class RunsPane;
class Sandbox;
class TimelineDialog;

/// The main window only wires panes together and owns the menus; each pane lives in its own
/// folder under src/gui, the node file's behaviour in DocumentController.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `sandbox` is created and owned by the caller (src/app's main()) and outlives the window;
    /// the window starts it (startSandbox) and points the panes at it.
    explicit MainWindow(Sandbox* sandbox, QWidget* parent = nullptr);
    ~MainWindow() override;

    /// Opens a node file; false (with a message shown) when it cannot be read.
    bool openFile(const QString& path);
    /// Loads one of the bundled example nodes by file name.
    void openExample(const QString& name);
    /// What a launch without a file argument shows: the last file if it still exists, else an
    /// example; and the offer to restore a draft a crashed session left.
    void openStartupDocument();
    NodePane* nodePane() const { return m_nodePane; }
    RunsPane* runsPane() const { return m_runsPane; }
    PreviewPane* previewPane() const { return m_previewPane; }
    PublishPane* publishPane() const { return m_publishPane; }
    ReportPane* reportPane() const { return m_reportPane; }
    ConnectionBar* connectionBar() const { return m_connectionBar; }
    DocumentController* documents() const { return m_documents; }
    QTabWidget* sideTabs() const { return m_tabs; }
    /// Starts the embedded sandbox (broker + local Port API) and points the panes at it.
    bool startSandbox(QString* error);
    Sandbox* sandbox() const { return m_sandbox; }
    /// Every run's story this session (published, received, reported), shared by the panes.
    RunLedger* ledger() const { return m_ledger; }
    /// Opens (or brings up) the timeline of `runId`: what was rendered, published, received and
    /// reported, live. An empty id shows the Runs table's selected row's run.
    void showTimeline(const QString& runId = {});
    /// The timeline window (null until first shown).
    TimelineDialog* timelineDialog() const { return m_timeline; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    NodePane* m_nodePane = nullptr;
    PreviewPane* m_previewPane = nullptr;
    PublishPane* m_publishPane = nullptr;
    RunsPane* m_runsPane = nullptr;
    ReportPane* m_reportPane = nullptr;
    ConnectionBar* m_connectionBar = nullptr;
    Sandbox* m_sandbox = nullptr;
    RunLedger* m_ledger = nullptr;
    TimelineDialog* m_timeline = nullptr;
    QLabel* m_sandboxLabel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_split = nullptr;
    DraftBar* m_draftBar = nullptr;
    DocumentController* m_documents = nullptr;
    void buildMenus();
    void restoreLayout();
    void saveLayout();
    void showShortcuts();
};

} // namespace porthole
