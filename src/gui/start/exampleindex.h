// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace porthole {

/// One bundled example as resources/examples/index.json describes it.
struct ExampleEntry
{
    QString file;        ///< relative to the examples folder: "nodes/x.json", "workflows/y.json"
    QString title;       ///< a few words
    QString description; ///< one line
    /// Set when the example holds a mistake on purpose: the banner above the editor says so.
    QString deliberateMistake;

    bool isWorkflow() const { return file.startsWith(QLatin1String("workflows/")); }
    /// Where the app has it (":/examples/…").
    QString resourcePath() const;
};

/// The examples' index (one file beside them, so a description or a deliberate mistake is
/// written once, next to the example, never in a widget).
class ExampleIndex
{
public:
    /// The bundled index (":/examples/index.json").
    static const ExampleIndex& bundled();
    /// Parses an index's JSON; entries without a file are skipped.
    static ExampleIndex parse(const QByteArray& json);

    const QList<ExampleEntry>& entries() const { return m_entries; }
    /// The entry for a path ending in one of the entries' files, or null.
    const ExampleEntry* find(const QString& path) const;

private:
    QList<ExampleEntry> m_entries;
};

} // namespace porthole
