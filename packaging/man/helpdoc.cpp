// SPDX-License-Identifier: GPL-3.0-or-later
#include "helpdoc.h"

#include <QRegularExpression>

namespace porthole::man {

namespace {

// "Options:", "Commands:", "Arguments:": a short capitalised title alone on its line.
bool isSectionTitle(const QString& line)
{
    static const QRegularExpression title(QStringLiteral("^[A-Z][a-z]+( [a-z]+)?:$"));
    return title.match(line).hasMatch();
}

// An entry starts with exactly two spaces then its term; the term ends at the first run of
// two spaces (terms have single spaces only: "-h, --help", "--org <ORG>").
HelpDoc::Entry splitEntry(const QString& line)
{
    const QString body = line.mid(2);
    const qsizetype gap = body.indexOf(QStringLiteral("  "));
    if (gap < 0)
        return {body.trimmed(), QString()};
    return {body.left(gap), body.mid(gap).trimmed()};
}

void appendText(QString* to, const QString& more)
{
    if (more.isEmpty())
        return;
    if (!to->isEmpty())
        *to += QLatin1Char(' ');
    *to += more;
}

} // namespace

HelpDoc HelpDoc::parse(const QString& text)
{
    HelpDoc doc;
    Section* current = nullptr;
    QString paragraph;
    const auto endParagraph = [&] {
        if (!paragraph.isEmpty())
            doc.paragraphs.append(paragraph);
        paragraph.clear();
    };
    for (const QString& line : text.split(QLatin1Char('\n'))) {
        if (line.trimmed().isEmpty()) {
            endParagraph();
            current = nullptr; // a blank line ends a section too
            continue;
        }
        if (line.startsWith(QStringLiteral("Usage: ")) && doc.usage.isEmpty()) {
            doc.usage = line.mid(7).trimmed();
            continue;
        }
        if (isSectionTitle(line)) {
            endParagraph();
            doc.sections.append({line.chopped(1), {}});
            current = &doc.sections.last();
            continue;
        }
        if (current) {
            const bool continuation = line.startsWith(QStringLiteral("   "));
            if (continuation && !current->entries.isEmpty())
                appendText(&current->entries.last().description, line.trimmed());
            else
                current->entries.append(splitEntry(line));
            continue;
        }
        appendText(&paragraph, line.trimmed());
    }
    endParagraph();
    return doc;
}

const HelpDoc::Section* HelpDoc::section(const QString& title) const
{
    for (const Section& s : sections)
        if (s.title == title)
            return &s;
    return nullptr;
}

} // namespace porthole::man
