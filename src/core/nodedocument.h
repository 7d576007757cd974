// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace porthole {

/// The node file being edited: its path, whether it has unsaved changes, the recent-files list
/// and the crash drafts. The text itself stays in the editor; this class reads and writes it.
/// QtCore only, so the window keeps only wiring and the rules are testable without a display.
class NodeDocument : public QObject
{
    Q_OBJECT
public:
    /// An autosaved copy of unsaved work, found at launch when the last session did not close.
    struct Draft
    {
        QString path; // the file it belonged to (empty: untitled)
        QByteArray node;
        QByteArray context; // empty: the context was not edited
        QDateTime savedAt;
    };

    /// `draftDir` holds the autosave drafts (empty: the app's data folder).
    explicit NodeDocument(const QString& draftDir = {}, QObject* parent = nullptr);

    /// Reads `path` (a file or a ":/" resource); nullopt with `error` set when it cannot.
    /// On success it becomes the document's path, unmodified, and heads the recent files.
    std::optional<QByteArray> open(const QString& path, QString* error);
    /// Writes `text` to path() atomically; false with `error` when it cannot (or is untitled).
    bool save(const QByteArray& text, QString* error);
    /// Writes `text` to `path` atomically and makes it the document's path.
    bool saveAs(const QString& path, const QByteArray& text, QString* error);
    /// Forgets the path: a new, untitled document.
    void clear();

    QString path() const { return m_path; }
    /// No file of its own to save to: never saved, or a bundled example.
    bool isUntitled() const;
    /// The name for the title bar.
    QString displayName() const;
    bool isModified() const { return m_modified; }
    void setModified(bool modified);
    /// Where Save as should start: the last folder a file was opened from or saved to.
    QString lastFolder() const;
    /// Files opened or saved, newest first (at most maxRecent()).
    QStringList recentFiles() const;
    void clearRecentFiles();
    static constexpr int maxRecent() { return 10; }

    /// Autosaves unsaved work; the next launch finds it with pendingDraft() if this session
    /// never reaches discardDraft() (a crash or a kill).
    bool writeDraft(const QByteArray& node, const QByteArray& context);
    /// The draft a previous session left, if any.
    std::optional<Draft> pendingDraft() const;
    /// Removes the draft (the work was saved, discarded or restored and closed cleanly).
    void discardDraft();
    QString draftDir() const { return m_draftDir; }

Q_SIGNALS:
    void pathChanged(const QString& path);
    void modifiedChanged(bool modified);
    void recentFilesChanged(const QStringList& files);

private:
    QString m_draftDir;
    QString m_path;
    bool m_modified = false;
    void setPath(const QString& path);
    void remember(const QString& path);
    bool writeFile(const QString& path, const QByteArray& text, QString* error);
};

} // namespace porthole
