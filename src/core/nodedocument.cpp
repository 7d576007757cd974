// SPDX-License-Identifier: GPL-3.0-or-later
#include "nodedocument.h"

#include "appsettings.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

namespace porthole {

namespace {
// One JSON file per draft: the node and context as base64, since a node being edited may hold
// bytes that are not valid UTF-8 and must come back exactly.
QString draftFile(const QString& dir)
{
    return dir + QStringLiteral("/draft.json");
}
} // namespace

NodeDocument::NodeDocument(const QString& draftDir, QObject* parent)
    : QObject(parent),
      m_draftDir(draftDir.isEmpty()
                     ? QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) +
                           QStringLiteral("/drafts")
                     : draftDir)
{}

std::optional<QByteArray> NodeDocument::open(const QString& path, QString* error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot open %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return std::nullopt;
    }
    QByteArray text = f.readAll();
    setPath(path);
    setModified(false);
    remember(path);
    return text;
}

bool NodeDocument::save(const QByteArray& text, QString* error)
{
    if (isUntitled()) {
        *error = tr("The node has no file yet: use Save as.");
        return false;
    }
    if (!writeFile(m_path, text, error))
        return false;
    setModified(false);
    remember(m_path);
    return true;
}

bool NodeDocument::saveAs(const QString& path, const QByteArray& text, QString* error)
{
    if (!writeFile(path, text, error))
        return false;
    setPath(path);
    setModified(false);
    remember(path);
    return true;
}

void NodeDocument::clear()
{
    setPath(QString());
    setModified(false);
}

bool NodeDocument::writeFile(const QString& path, const QByteArray& text, QString* error)
{
    if (path.isEmpty() || path.startsWith(QLatin1Char(':'))) {
        *error = tr("Cannot save to %1: choose a file.").arg(path);
        return false;
    }
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) < 0 || !f.commit()) {
        *error = tr("Cannot save %1: %2").arg(QDir::toNativeSeparators(path), f.errorString());
        return false;
    }
    return true;
}

bool NodeDocument::isUntitled() const
{
    return m_path.isEmpty() || m_path.startsWith(QLatin1Char(':'));
}

QString NodeDocument::displayName() const
{
    return m_path.isEmpty() ? tr("Untitled node") : QFileInfo(m_path).fileName();
}

void NodeDocument::setModified(bool modified)
{
    if (modified == m_modified)
        return;
    m_modified = modified;
    Q_EMIT modifiedChanged(modified);
}

void NodeDocument::setPath(const QString& path)
{
    if (path == m_path)
        return;
    m_path = path;
    Q_EMIT pathChanged(path);
}

QString NodeDocument::lastFolder() const
{
    const QString folder = AppSettings::lastFolder.value();
    if (!folder.isEmpty() && QFileInfo(folder).isDir())
        return folder;
    return QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
}

QStringList NodeDocument::recentFiles() const
{
    return AppSettings::recentFiles.value();
}

void NodeDocument::clearRecentFiles()
{
    AppSettings::recentFiles.reset();
    Q_EMIT recentFilesChanged({});
}

void NodeDocument::remember(const QString& path)
{
    if (path.startsWith(QLatin1Char(':'))) {
        // Bundled examples are in their own menu, not the recent files; the next launch still
        // reopens the one open now.
        AppSettings::lastFile.setValue(path);
        return;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList files = AppSettings::recentFiles.value();
    files.removeAll(absolute);
    files.prepend(absolute);
    while (files.size() > maxRecent())
        files.removeLast();
    AppSettings::recentFiles.setValue(files);
    AppSettings::lastFile.setValue(absolute);
    AppSettings::lastFolder.setValue(QFileInfo(absolute).absolutePath());
    Q_EMIT recentFilesChanged(files);
}

bool NodeDocument::writeDraft(const QByteArray& node, const QByteArray& context)
{
    if (!QDir().mkpath(m_draftDir))
        return false;
    const QJsonObject o{
        {QStringLiteral("path"), m_path},
        {QStringLiteral("node"), QString::fromLatin1(node.toBase64())},
        {QStringLiteral("context"), QString::fromLatin1(context.toBase64())},
        {QStringLiteral("savedAt"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    QSaveFile f(draftFile(m_draftDir));
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write(QJsonDocument(o).toJson(QJsonDocument::Compact));
    return f.commit();
}

std::optional<NodeDocument::Draft> NodeDocument::pendingDraft() const
{
    QFile f(draftFile(m_draftDir));
    if (!f.open(QIODevice::ReadOnly))
        return std::nullopt;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (!o.contains(QStringLiteral("node")))
        return std::nullopt; // unreadable: nothing worth offering
    Draft d;
    d.path = o.value(QStringLiteral("path")).toString();
    d.node = QByteArray::fromBase64(o.value(QStringLiteral("node")).toString().toLatin1());
    d.context = QByteArray::fromBase64(o.value(QStringLiteral("context")).toString().toLatin1());
    d.savedAt =
        QDateTime::fromString(o.value(QStringLiteral("savedAt")).toString(), Qt::ISODateWithMs);
    return d;
}

void NodeDocument::discardDraft()
{
    QFile::remove(draftFile(m_draftDir));
}

} // namespace porthole
