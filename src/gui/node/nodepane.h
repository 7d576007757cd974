#pragma once

#include "core/diagnostic.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;

namespace porthole {

class NodeEditor;
class ProblemsView;

/// The node pane: the editor, its problems list and a status line. Linting runs off the UI
/// thread, debounced, and only the newest result is shown, so typing never waits for it.
class NodePane : public QWidget
{
    Q_OBJECT
public:
    explicit NodePane(QWidget* parent = nullptr);

    /// Loads a node text (UTF-8) and lints it.
    void setNodeText(const QByteArray& text);
    /// The current text as UTF-8.
    QByteArray nodeText() const;
    NodeEditor* editor() const { return m_editor; }
    /// The diagnostics of the last finished lint.
    const Diagnostics& diagnostics() const { return m_diagnostics; }

Q_SIGNALS:
    /// The text changed and settled (debounced): the preview re-renders on this.
    void nodeEdited(const QByteArray& text);
    /// A lint finished.
    void diagnosticsChanged(int errors, int warnings);

private:
    NodeEditor* m_editor;
    ProblemsView* m_problems;
    QLabel* m_status;
    QTimer m_debounce;
    QFutureWatcher<Diagnostics> m_lint;
    Diagnostics m_diagnostics;
    quint64 m_generation = 0;
    quint64 m_lintGeneration = 0;
    bool m_lintQueued = false;
    void startLint();
    void lintFinished();
};

} // namespace porthole
