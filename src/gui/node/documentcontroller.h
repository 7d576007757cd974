// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/nodedocument.h"

#include <QObject>
#include <QTimer>

#include <functional>

class QMenu;
class QWidget;

namespace porthole {

class NodePane;

/// The File menu's behaviour for the node: open (dialog, recent files, examples, drops), save,
/// save as (starting in the last folder), the unsaved-changes question, and autosave drafts
/// every few seconds. The rules live in NodeDocument; this adds the dialogs and the editor.
class DocumentController : public QObject
{
    Q_OBJECT
public:
    DocumentController(NodePane* pane, QWidget* window, const QString& draftDir = {});

    NodeDocument* document() const { return m_document; }
    /// Where drafts get the context text, and how a restored one is put back.
    void setContextAccess(std::function<QByteArray()> current,
                          std::function<void(const QByteArray&)> restore);
    /// The context was edited by hand: the next autosave keeps it.
    void contextEdited();

    /// Opens `path` (no question asked); false with a message shown when it cannot.
    bool openFile(const QString& path);
    /// Asks about unsaved changes first.
    bool openFileAsking(const QString& path);
    /// Loads a bundled example by file name.
    void openExample(const QString& name);
    /// Shows the open dialog (in the last folder).
    void chooseAndOpen();
    /// The same for a workflow file (File ▸ Open workflow…): any file opens as what it is.
    void chooseAndOpenWorkflow();
    bool save();
    bool saveAs();
    /// Asks to save unsaved changes: false when the user cancels.
    bool confirmDiscard();
    /// The window closes cleanly: no draft is left to offer.
    void closedCleanly();
    /// Fills `menu` with the recent files, now and whenever they change.
    void attachRecentMenu(QMenu* menu);
    /// The draft a session that did not close left behind, if any.
    std::optional<NodeDocument::Draft> pendingDraft() const { return m_document->pendingDraft(); }
    /// Puts a draft's node (and context) back as unsaved changes to its file.
    void restoreDraft(const NodeDocument::Draft& draft);
    /// Writes a draft now if anything changed since the last one (the timer calls this).
    void autosave();

    /// A file the editor holds one part of (a workflow: one node at a time). `open` sees every
    /// file opened and says whether it holds it (it then shows a part with showPart);
    /// `wholeText` gives the file's bytes with the editor's text put back, for Save and drafts.
    struct Embedding
    {
        std::function<bool(const QString& path, const QByteArray& text)> open;
        std::function<std::optional<QByteArray>(const QByteArray& editorText, QString* error)>
            wholeText;
        std::function<void(const QString& path)> savedAs; // Save as gave the file a new name
    };
    void setEmbedding(Embedding embedding) { m_embedding = std::move(embedding); }
    /// The editor shows `text`, a part of the open file; the file's unsaved state is kept.
    void showPart(const QByteArray& text);

Q_SIGNALS:
    /// A line for the status bar.
    void message(const QString& text, int timeoutMs);
    /// The title to show ("name • — Porthole").
    void titleChanged(const QString& title);

private:
    NodePane* m_pane;
    QWidget* m_window;
    NodeDocument* m_document;
    QTimer m_autosave;
    bool m_draftDirty = false;
    bool m_contextEdited = false;
    std::function<QByteArray()> m_contextText;
    std::function<void(const QByteArray&)> m_restoreContext;
    Embedding m_embedding;
    bool m_embedded = false; // the editor holds a part of the file (Embedding)
    std::optional<QByteArray> bytesToSave();
    void updateTitle();
    void fillRecent(QMenu* menu);
};

} // namespace porthole
