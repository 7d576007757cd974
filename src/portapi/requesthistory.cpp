// SPDX-License-Identifier: GPL-3.0-or-later
#include "requesthistory.h"

#include "redactor.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>
#include <QStandardPaths>

namespace porthole {
namespace {

QByteArray cut(const QByteArray& body)
{
    if (body.size() <= RequestHistory::kMaxBodyChars)
        return body;
    return body.left(RequestHistory::kMaxBodyChars) + "…[" + QByteArray::number(body.size()) +
           " bytes in total]";
}

QList<QByteArray> readLines(const QString& path)
{
    QFile f(path);
    QList<QByteArray> lines;
    if (!f.open(QIODevice::ReadOnly))
        return lines;
    while (!f.atEnd()) {
        QByteArray line = f.readLine();
        if (line.endsWith('\n'))
            line.chop(1);
        if (!line.isEmpty())
            lines.append(line);
    }
    return lines;
}

} // namespace

RequestHistory::RequestHistory(QString path, int maxEntries)
    : m_path(std::move(path)), m_maxEntries(std::max(1, maxEntries))
{}

QString RequestHistory::defaultPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/port-requests.jsonl");
}

bool RequestHistory::append(const PortExchange& exchange, QString* error)
{
    PortExchange e = exchange;
    const Redactor redactor;
    e.requestBody = cut(redactor.redactBody(e.requestBody));
    e.responseBody = cut(redactor.redactBody(e.responseBody));
    for (auto& [name, value] : e.requestHeaders)
        value = redactor.redactHeader(name, value);
    const QByteArray line = QJsonDocument(e.toJson()).toJson(QJsonDocument::Compact) + '\n';

    QDir().mkpath(QFileInfo(m_path).absolutePath());
    if (m_lines < 0)
        m_lines = readLines(m_path).size();
    if (m_lines + 1 > m_maxEntries) {
        // Rewrite atomically with the newest entries only; the bound keeps this cheap.
        QList<QByteArray> lines = readLines(m_path);
        lines.append(line.left(line.size() - 1));
        lines = lines.mid(lines.size() - m_maxEntries);
        QSaveFile out(m_path);
        if (!out.open(QIODevice::WriteOnly)) {
            if (error)
                *error = out.errorString();
            return false;
        }
        for (const QByteArray& l : lines)
            out.write(l + '\n');
        if (!out.commit()) {
            if (error)
                *error = out.errorString();
            return false;
        }
        m_lines = lines.size();
        return true;
    }
    QFile f(m_path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_path, f.errorString());
        return false;
    }
    f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (f.write(line) != line.size()) {
        if (error)
            *error = QStringLiteral("%1: %2").arg(m_path, f.errorString());
        return false;
    }
    ++m_lines;
    return true;
}

QList<PortExchange> RequestHistory::load() const
{
    QList<PortExchange> entries;
    for (const QByteArray& line : readLines(m_path)) {
        const QJsonDocument doc = QJsonDocument::fromJson(line);
        if (doc.isObject())
            entries.append(PortExchange::fromJson(doc.object()));
    }
    return entries;
}

bool RequestHistory::clear()
{
    m_lines = 0;
    return !QFile::exists(m_path) || QFile::remove(m_path);
}

} // namespace porthole
