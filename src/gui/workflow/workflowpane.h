// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/workflowchain.h"
#include "template/templatecompletion.h"
#include "workflowdocument.h"

#include <QWidget>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QLayout;
class QPoint;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTreeWidget;

namespace porthole {

class Session;
class WorkflowRunFetch;
class WorkflowScene;
class WorkflowView;

/// The Workflow tab: the open workflow's graph (WorkflowScene in a WorkflowView), each node's
/// problems, and the chained context of the KAFKA node being edited. Choosing a KAFKA node asks
/// for it to go in the editor (nodeOpened) and offers its chained context to the preview through
/// the session, saying where each part came from. The outputs the user gives upstream nodes
/// (mocks) and the branches they force at CONDITION/INPUT nodes are edited here and remembered
/// per workflow file in the settings. The context can also come from a real run (the Port
/// account's GET /v1/workflows/runs/{wfr}), until the user goes back to the mocks.
class WorkflowPane : public QWidget
{
    Q_OBJECT
public:
    /// `session` null: a private one (a pane on its own, in a test).
    explicit WorkflowPane(Session* session = nullptr, QWidget* parent = nullptr);
    ~WorkflowPane() override;

    /// Shows the workflow in `text`; false (the pane emptied) when it is not a workflow.
    bool openWorkflow(const QString& path, const QByteArray& text);
    const WorkflowDocument& document() const { return m_doc; }
    /// The editor's text, read before another node is chosen (its edits go back in the file).
    void setEditorText(std::function<QByteArray()> current) { m_editorText = std::move(current); }
    /// The file's bytes with `nodeText` in place of the node being edited (for Save); nullopt
    /// with `error` when the edited node no longer fits.
    std::optional<QByteArray> workflowText(const QByteArray& nodeText, QString* error);
    /// The file was saved under another name: the mocks follow it.
    void setPath(const QString& path);

    /// Chooses node `id` (Enter or a click does the same); false when there is no such node or
    /// the edited node cannot be put back first.
    bool chooseNode(const QString& id);
    /// The node in the editor ("" when none).
    QString chosenNode() const;
    /// The node the keyboard is on.
    int currentIndex() const { return m_current; }
    void setCurrentIndex(int index);
    /// The last chained context (its `sources` say where each output came from).
    const Chain& chain() const { return m_chain; }
    /// The words the preview's Context tab shows about where the parts came from.
    QString contextOrigin() const { return m_origin; }
    /// Gives node `id` the output `json` (its mock) and builds the context again; false with
    /// `error` when `json` does not parse.
    bool setMock(const QString& id, const QByteArray& json, QString* error);
    void clearMock(const QString& id);
    /// Forces CONDITION/INPUT node `id` to take `outlet` (an outlet id or "fallback"; "" goes
    /// back to evaluating it), remembers it for the file, and builds the context again; false
    /// when `id` is no such node or `outlet` none of its ways.
    bool setFork(const QString& id, const QString& outlet);
    /// The outlet forced at `id` ("" when evaluated).
    QString fork(const QString& id) const;
    /// Asks for a workflow run id, then fetchRun (the "Context from a run…" button).
    void askForRun();
    /// Starts reading run `wfr` from the session's Port account without blocking; its recorded
    /// outputs become the context when it arrives (runContextChanged), or the reason it could
    /// not in words (runFailed). False when nothing could be sent (the reason is shown).
    bool fetchRun(const QString& wfr);
    /// Back to the mocks and defaults (forgets the run).
    void useMocks();
    /// The run the context comes from ("" when mocks and defaults).
    QString runId() const { return m_runId; }
    /// What the run line says (fetching, in use, or why not).
    QString runStatus() const;
    WorkflowScene* scene() const { return m_scene; }
    WorkflowView* view() const { return m_view; }

Q_SIGNALS:
    /// A workflow was opened here.
    void opened(const QString& path);
    /// The editor should hold this node's text (a part of the workflow file).
    void nodeOpened(const QByteArray& nodeText);
    /// What completion may offer after `.outputs[` in the node being edited (null: no node).
    void completionHintsChanged(std::shared_ptr<const porthole::WorkflowHints> hints);
    /// The context now comes from run `wfr` ("": from the mocks and defaults again).
    void runContextChanged(const QString& wfr);
    /// Run `wfr` could not be read: `why`, in words.
    void runFailed(const QString& wfr, const QString& why);

private:
    Session* m_session;
    WorkflowDocument m_doc;
    WorkflowScene* m_scene;
    WorkflowView* m_view;
    QLabel* m_title;
    QLabel* m_empty;
    QSplitter* m_split;
    QLabel* m_nodeSummary;
    QTreeWidget* m_sources;
    QLabel* m_mockLabel;
    QPlainTextEdit* m_mockEdit;
    QLabel* m_mockStatus;
    std::function<QByteArray()> m_editorText;
    std::map<std::string, JsonValue> m_mocks;
    std::map<std::string, std::string> m_forks;
    QLabel* m_forkLabel = nullptr;
    QComboBox* m_forkNode = nullptr;
    QComboBox* m_forkOutlet = nullptr;
    WorkflowRunFetch* m_fetch = nullptr;
    QPushButton* m_runButton = nullptr;
    QPushButton* m_mocksButton = nullptr;
    QLabel* m_runStatus = nullptr;
    QProgressBar* m_runProgress = nullptr;
    QString m_runId;
    std::optional<JsonValue> m_run; // the run's answer, while the context comes from it
    Chain m_chain;
    QString m_origin;
    int m_current = -1;
    int m_chosen = -1;
    int m_mockTarget = -1;
    void choose(int index);
    bool commitEditor();
    void rebuild();
    void moveCurrent(int key);
    void step(bool forward, bool* taken);
    void updateContext();
    void showSources();
    void setMockTarget(int index);
    // workflowpanebranch.cpp: forced branches; workflowpanerun.cpp: the context from a run.
    void setupBranches(QLayout* details);
    void setupRun(QLayout* head, QLayout* details);
    void fillForks();
    void showForkOutlets();
    void showForks();
    void nodeMenu(const QPoint& globalPos, int index);
    ChainOptions chainOptions() const;
    QString describeSource(const QString& from) const;
    void setRunStatus(const QString& text, bool problem);
    std::optional<JsonValue> recordedOutput(const WorkflowNode& node) const;
};

} // namespace porthole
