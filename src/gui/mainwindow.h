// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "session/session.h"

#include <QMainWindow>

class QLabel;
class QSplitter;
class QTabWidget;

namespace porthole {

class ConnectionBar;
class DemoDirector;
class DocumentController;
class DraftBar;
class ExampleNote;
class NodePane;
class PreviewPane;
class PublishPane;
class ReportPane;
class RunsPane;
class Sandbox;
class StartPage;
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
    /// Starts the embedded sandbox (broker + local Port API) and points the session at it.
    bool startSandbox(QString* error);
    /// The state the panes share (connection, Port account, render inputs, selected run,
    /// ledger). The window exposes no pane: tests find those by object name.
    Session* session() const { return m_session; }
    /// The demo (toolbar "Demo", `porthole --demo`).
    DemoDirector* demoDirector() const { return m_demo; }
    /// Shows the start page in place of the editor and the tabs (or the panes again).
    void showStartPage(bool show);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    Sandbox* m_sandbox = nullptr;
    Session* m_session = nullptr; // before the panes: they are made with it
    NodePane* m_nodePane = nullptr;
    PreviewPane* m_previewPane = nullptr;
    PublishPane* m_publishPane = nullptr;
    RunsPane* m_runsPane = nullptr;
    ReportPane* m_reportPane = nullptr;
    ConnectionBar* m_connectionBar = nullptr;
    TimelineDialog* m_timeline = nullptr;
    DemoDirector* m_demo = nullptr;
    QLabel* m_sandboxLabel = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_split = nullptr;
    DraftBar* m_draftBar = nullptr;
    DocumentController* m_documents = nullptr;
    StartPage* m_startPage = nullptr;
    ExampleNote* m_exampleNote = nullptr;
    QAction* m_startAction = nullptr;
    void wireSession();
    void wireStartPage();
    void goTo(Session::Place place);
    void showTimeline(const QString& runId);
    void restoreLayout();
    void saveLayout();
    void showShortcuts();
};

} // namespace porthole
