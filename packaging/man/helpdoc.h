// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace porthole::man {

/// One `--help` text split into its parts: the usage line, paragraphs and titled sections
/// of "term  description" entries. It reads both Qt's QCommandLineParser layout (continuation
/// lines indented to the description column) and porthole-cli's own top-level usage, so the
/// man pages are made from exactly what `--help` prints and cannot drift from it.
class HelpDoc
{
public:
    struct Entry
    {
        QString term;        // "-h, --help", "--context <CTX.json>", "render"
        QString description; // the wrapped lines joined again
    };
    struct Section
    {
        QString title; // "Options", "Commands", "Arguments"
        QList<Entry> entries;
    };

    static HelpDoc parse(const QString& text);

    QString usage;          // after "Usage: "
    QStringList paragraphs; // the free text, one string per paragraph
    QList<Section> sections;

    /// The section titled `title`, or nullptr.
    const Section* section(const QString& title) const;
};

} // namespace porthole::man
