// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"
#include "template/noderenderer.h"
#include "template/templatecompletion.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

class QLabel;
class QSplitter;

namespace porthole {

class NodeEditor;
class ProblemsView;

/// The node pane: the editor, its problems list and a status line. Each settled edit is
/// analysed off the UI thread (Port's renderer with the current context: structure and template
/// diagnostics, values, messages); only the newest result is shown, so typing never waits.
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
    /// The diagnostics of the last finished analysis.
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    /// Sets the context and options templates are rendered with, and re-analyses.
    void setRenderInput(const JsonValue& context, const RenderOptions& options);
    /// The last finished analysis (render + lint), or null before the first.
    std::shared_ptr<const RenderedNode> lastRender() const { return m_render; }
    /// Applies the quick fix of the problem chosen in the list (when it has the focus) or the one
    /// under the editor's cursor, else the first on the cursor's line; false when there is none.
    bool applyQuickFix();
    /// Selects the next (`forward`) or previous problem after the cursor, wrapping around;
    /// false when there are no problems.
    bool gotoProblem(bool forward);
    /// Inside `{{ }}`: shows context paths and jq builtins for the word at the cursor; false
    /// (nothing shown) outside a template.
    bool complete();
    /// What a workflow tells completion about `.outputs[…]` (null: the node is on its own).
    void setCompletionHints(std::shared_ptr<const WorkflowHints> hints)
    {
        m_hints = std::move(hints);
    }
    /// Re-indents the node (member order and scalars kept); false when it does not parse.
    bool formatDocument();
    /// The editor/problems splitter (its sizes are remembered).
    QSplitter* splitter() const { return m_split; }
    ProblemsView* problemsView() const { return m_problems; }
    /// Puts `banner` above the editor (a note about the file open, such as an example's
    /// deliberate mistake); the pane lays it out, the caller shows and hides it.
    void setBanner(QWidget* banner);

Q_SIGNALS:
    /// The text changed and settled (debounced): the preview re-renders on this.
    void nodeEdited(const QByteArray& text);
    /// An analysis finished.
    void diagnosticsChanged(int errors, int warnings);
    /// An analysis finished: the rendered messages and every template's value or error.
    void nodeRendered(std::shared_ptr<const porthole::RenderedNode> result);

private:
    NodeEditor* m_editor;
    ProblemsView* m_problems;
    QLabel* m_status;
    QSplitter* m_split;
    QTimer m_debounce;
    QFutureWatcher<std::shared_ptr<const RenderedNode>> m_lint;
    std::shared_ptr<const RenderedNode> m_render;
    std::shared_ptr<const WorkflowHints> m_hints;
    JsonValue m_context = JsonValue::object();
    RenderOptions m_options;
    Diagnostics m_diagnostics;
    int64_t m_completionBegin = 0;
    quint64 m_generation = 0;
    quint64 m_lintGeneration = 0;
    bool m_lintQueued = false;
    void startLint();
    void lintFinished();
};

} // namespace porthole
