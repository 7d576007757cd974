// SPDX-License-Identifier: GPL-3.0-or-later
#include "exampleindex.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace porthole {

QString ExampleEntry::resourcePath() const
{
    return QStringLiteral(":/examples/") + file;
}

const ExampleIndex& ExampleIndex::bundled()
{
    static const ExampleIndex index = [] {
        QFile f(QStringLiteral(":/examples/index.json"));
        return f.open(QIODevice::ReadOnly) ? parse(f.readAll()) : ExampleIndex();
    }();
    return index;
}

ExampleIndex ExampleIndex::parse(const QByteArray& json)
{
    ExampleIndex index;
    const QJsonArray list =
        QJsonDocument::fromJson(json).object().value(QStringLiteral("examples")).toArray();
    for (const QJsonValue& v : list) {
        const QJsonObject o = v.toObject();
        ExampleEntry e;
        e.file = o.value(QStringLiteral("file")).toString();
        e.title = o.value(QStringLiteral("title")).toString();
        e.description = o.value(QStringLiteral("description")).toString();
        e.deliberateMistake = o.value(QStringLiteral("deliberateMistake")).toString();
        if (!e.file.isEmpty())
            index.m_entries.append(e);
    }
    return index;
}

const ExampleEntry* ExampleIndex::find(const QString& path) const
{
    for (const ExampleEntry& e : m_entries)
        if (path == e.resourcePath() || path.endsWith(QStringLiteral("/examples/") + e.file))
            return &e;
    return nullptr;
}

} // namespace porthole
