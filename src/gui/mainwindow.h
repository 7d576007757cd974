#pragma once

#include <QMainWindow>

namespace porthole {

class NodePane;

/// The main window only wires panes together and owns the menus; each pane lives in its own
/// folder under src/gui.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);

    /// Opens a node file; false (with a message shown) when it cannot be read.
    bool openFile(const QString& path);
    /// Loads one of the bundled example nodes by file name.
    void openExample(const QString& name);
    NodePane* nodePane() const { return m_nodePane; }

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    NodePane* m_nodePane;
    QString m_path;
    bool m_modified = false;
    void buildMenus();
    bool save(const QString& path);
    bool confirmDiscard();
    void updateTitle();
};

} // namespace porthole
