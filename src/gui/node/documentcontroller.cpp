// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentcontroller.h"

#include "core/appsettings.h"
#include "nodeeditor.h"
#include "nodepane.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMessageBox>

namespace porthole {

DocumentController::DocumentController(NodePane* pane, QWidget* window, const QString& draftDir)
    : QObject(window), m_pane(pane), m_window(window), m_document(new NodeDocument(draftDir, this))
{
    connect(pane->editor(), &QsciScintilla::modificationChanged, m_document,
            &NodeDocument::setModified);
    connect(pane->editor(), &QsciScintilla::textChanged, this, [this] { m_draftDirty = true; });
    connect(m_document, &NodeDocument::modifiedChanged, this, &DocumentController::updateTitle);
    connect(m_document, &NodeDocument::pathChanged, this, &DocumentController::updateTitle);
    m_autosave.setInterval(std::max(1, AppSettings::autosaveSeconds.value()) * 1000);
    connect(&m_autosave, &QTimer::timeout, this, &DocumentController::autosave);
    m_autosave.start();
}

void DocumentController::setContextAccess(std::function<QByteArray()> current,
                                          std::function<void(const QByteArray&)> restore)
{
    m_contextText = std::move(current);
    m_restoreContext = std::move(restore);
}

void DocumentController::contextEdited()
{
    m_contextEdited = true;
    m_draftDirty = true;
}

bool DocumentController::openFile(const QString& path)
{
    QString error;
    const auto text = m_document->open(path, &error);
    if (!text) {
        QMessageBox::warning(m_window, tr("Cannot open"), error);
        return false;
    }
    m_embedded = m_embedding.open && m_embedding.open(path, *text);
    if (!m_embedded)
        m_pane->setNodeText(*text);
    m_pane->editor()->setModified(false);
    m_document->setModified(false);
    m_draftDirty = false;
    updateTitle();
    const QString shown = path.startsWith(QLatin1Char(':'))
                              ? tr("example %1").arg(QFileInfo(path).fileName())
                              : QDir::toNativeSeparators(path);
    Q_EMIT message(tr("Opened %1").arg(shown), 4000);
    return true;
}

bool DocumentController::openFileAsking(const QString& path)
{
    return confirmDiscard() && openFile(path);
}

void DocumentController::openExample(const QString& name)
{
    openFile(QStringLiteral(":/examples/nodes/") + name);
}

void DocumentController::chooseAndOpen()
{
    if (!confirmDiscard())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open node"), m_document->lastFolder(),
                                     tr("JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void DocumentController::chooseAndOpenWorkflow()
{
    if (!confirmDiscard())
        return;
    const QString path =
        QFileDialog::getOpenFileName(m_window, tr("Open workflow"), m_document->lastFolder(),
                                     tr("Workflow JSON files (*.json);;All files (*)"));
    if (!path.isEmpty())
        openFile(path); // a workflow is recognised by its `nodes`, whichever menu opened it
}

bool DocumentController::save()
{
    if (m_document->isUntitled())
        return saveAs();
    QString error;
    const auto bytes = bytesToSave();
    if (!bytes)
        return false;
    if (!m_document->save(*bytes, &error)) {
        QMessageBox::warning(m_window, tr("Cannot save"), error);
        return false;
    }
    m_pane->editor()->setModified(false);
    if (!m_contextEdited)
        m_document->discardDraft();
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(m_document->path())), 4000);
    return true;
}

bool DocumentController::saveAs()
{
    // Start where the user last worked, with the current name (an example keeps its name).
    const QString name = m_document->path().isEmpty() ? QStringLiteral("node.json")
                                                      : QFileInfo(m_document->path()).fileName();
    const QString start = m_document->isUntitled() ? QDir(m_document->lastFolder()).filePath(name)
                                                   : m_document->path();
    const QString path = QFileDialog::getSaveFileName(m_window, tr("Save node as"), start,
                                                      tr("JSON files (*.json)"));
    if (path.isEmpty())
        return false;
    QString error;
    const auto bytes = bytesToSave();
    if (!bytes)
        return false;
    if (!m_document->saveAs(path, *bytes, &error)) {
        QMessageBox::warning(m_window, tr("Cannot save"), error);
        return false;
    }
    if (m_embedded && m_embedding.savedAs)
        m_embedding.savedAs(path);
    m_pane->editor()->setModified(false);
    if (!m_contextEdited)
        m_document->discardDraft();
    Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 4000);
    return true;
}

bool DocumentController::confirmDiscard()
{
    if (!m_document->isModified())
        return true;
    const auto answer = QMessageBox::question(
        m_window, tr("Unsaved changes"),
        tr("%1 has unsaved changes. Save them first?").arg(m_document->displayName()),
        QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel);
    if (answer == QMessageBox::Cancel)
        return false;
    if (answer == QMessageBox::Save)
        return save();
    return true;
}

void DocumentController::closedCleanly()
{
    m_autosave.stop();
    m_document->discardDraft();
}

void DocumentController::attachRecentMenu(QMenu* menu)
{
    fillRecent(menu);
    connect(m_document, &NodeDocument::recentFilesChanged, menu,
            [this, menu] { fillRecent(menu); });
}

void DocumentController::fillRecent(QMenu* menu)
{
    menu->clear();
    const QStringList files = m_document->recentFiles();
    int n = 0;
    for (const QString& file : files) {
        // &1…&9 make the first nine reachable from the keyboard.
        const QString label = ++n < 10
                                  ? QStringLiteral("&%1 %2").arg(n).arg(QFileInfo(file).fileName())
                                  : QFileInfo(file).fileName();
        QAction* a = menu->addAction(label, this, [this, file] { openFileAsking(file); });
        a->setToolTip(QDir::toNativeSeparators(file));
        a->setStatusTip(QDir::toNativeSeparators(file));
    }
    if (files.isEmpty())
        menu->addAction(tr("No recent files"))->setEnabled(false);
    menu->addSeparator();
    menu->addAction(tr("&Clear list"), m_document, &NodeDocument::clearRecentFiles)
        ->setEnabled(!files.isEmpty());
}

void DocumentController::restoreDraft(const NodeDocument::Draft& draft)
{
    // Reopen the file the draft belonged to, then put the draft in as one undoable edit, so the
    // window shows unsaved changes against that file (and Undo gets the saved text back).
    QString error;
    std::optional<QByteArray> saved;
    if (!draft.path.isEmpty())
        saved = m_document->open(draft.path, &error);
    if (!saved)
        m_document->clear();
    if (m_embedded && m_embedding.open)
        m_embedding.open(QString(), QByteArray()); // the draft is the whole file, as a node
    m_embedded = false;
    m_pane->setNodeText(saved.value_or(QByteArray()));
    m_pane->editor()->setModified(false);
    const std::string bytes(draft.node.constData(), size_t(draft.node.size()));
    m_pane->editor()->replaceBytes(0, int64_t(m_pane->nodeText().size()), bytes);
    if (!draft.context.isEmpty() && m_restoreContext) {
        m_restoreContext(draft.context);
        m_contextEdited = true;
    }
    updateTitle();
    Q_EMIT message(tr("Restored the autosaved work: save it to keep it."), 6000);
}

void DocumentController::autosave()
{
    if (!m_draftDirty)
        return;
    m_draftDirty = false;
    if (!m_document->isModified() && !m_contextEdited)
        return;
    const QByteArray context = m_contextEdited && m_contextText ? m_contextText() : QByteArray();
    // A part of a file is kept as the whole file: a restored draft must never save a node
    // over its workflow.
    QString error;
    const auto whole = m_embedded ? m_embedding.wholeText(m_pane->nodeText(), &error)
                                  : std::optional<QByteArray>(m_pane->nodeText());
    if (whole)
        m_document->writeDraft(*whole, context);
}

void DocumentController::showPart(const QByteArray& text)
{
    const bool modified = m_document->isModified();
    m_pane->setNodeText(text);
    m_pane->editor()->setModified(false);
    m_document->setModified(modified);
    m_draftDirty = false;
}

std::optional<QByteArray> DocumentController::bytesToSave()
{
    if (!m_embedded)
        return m_pane->nodeText();
    QString error;
    auto whole = m_embedding.wholeText(m_pane->nodeText(), &error);
    if (!whole)
        QMessageBox::warning(m_window, tr("Cannot save"), error);
    return whole;
}

void DocumentController::updateTitle()
{
    Q_EMIT titleChanged(QStringLiteral("%1%2 — Porthole")
                            .arg(m_document->displayName(),
                                 m_document->isModified() ? QStringLiteral(" •") : QString()));
}

} // namespace porthole
