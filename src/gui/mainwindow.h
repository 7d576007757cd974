#pragma once

#include <QMainWindow>

class QLabel;
class QTabWidget;

namespace porthole {

class ConnectionBar;
class NodePane;
class PreviewPane;
class PublishPane;
class ReportPane;
class RunsPane;
class Sandbox;

/// The main window only wires panes together and owns the menus; each pane lives in its own
/// folder under src/gui.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// `sandbox` is created and owned by the caller (src/app's main()) and outlives the window;
    /// the window starts it (startSandbox) and points the panes at it.
    explicit MainWindow(Sandbox* sandbox, QWidget* parent = nullptr);

    /// Opens a node file; false (with a message shown) when it cannot be read.
    bool openFile(const QString& path);
    /// Loads one of the bundled example nodes by file name.
    void openExample(const QString& name);
    NodePane* nodePane() const { return m_nodePane; }
    RunsPane* runsPane() const { return m_runsPane; }
    PreviewPane* previewPane() const { return m_previewPane; }
    PublishPane* publishPane() const { return m_publishPane; }
    ReportPane* reportPane() const { return m_reportPane; }
    ConnectionBar* connectionBar() const { return m_connectionBar; }
    /// Starts the embedded sandbox (broker + local Port API) and points the panes at it.
    bool startSandbox(QString* error);
    Sandbox* sandbox() const { return m_sandbox; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    NodePane* m_nodePane = nullptr;
    PreviewPane* m_previewPane = nullptr;
    PublishPane* m_publishPane = nullptr;
    RunsPane* m_runsPane = nullptr;
    ReportPane* m_reportPane = nullptr;
    ConnectionBar* m_connectionBar = nullptr;
    Sandbox* m_sandbox = nullptr;
    QLabel* m_sandboxLabel = nullptr;
    QString m_path;
    bool m_modified = false;
    void buildMenus();
    bool save(const QString& path);
    bool confirmDiscard();
    void updateTitle();
};

} // namespace porthole
