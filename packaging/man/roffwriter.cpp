// SPDX-License-Identifier: GPL-3.0-or-later
#include "roffwriter.h"

#include <QRegularExpression>

namespace porthole::man {

RoffWriter::RoffWriter(const QString& title, const QString& date, const QString& source)
{
    m_text = QStringLiteral(".TH %1 1 \"%2\" \"%3\" \"User Commands\"\n")
                 .arg(title.toUpper(), date, escape(source));
}

QString RoffWriter::escape(const QString& text)
{
    QString out = text;
    out.replace(QLatin1Char('\\'), QStringLiteral("\\e"));
    out.replace(QLatin1Char('-'), QStringLiteral("\\-"));
    // A line starting with "." or "'" would be read as a request.
    if (out.startsWith(QLatin1Char('.')) || out.startsWith(QLatin1Char('\'')))
        out.prepend(QStringLiteral("\\&"));
    return out;
}

QString RoffWriter::term(const QString& term)
{
    // "-h, --help" | "--context <CTX.json>" | "render" | "NODE.json"
    static const QRegularExpression value(QStringLiteral("^(.*?)\\s+<([^>]*)>$"));
    QString names = term;
    QString valueName;
    if (const auto m = value.match(term); m.hasMatch()) {
        names = m.captured(1);
        valueName = m.captured(2);
    }
    QStringList bold;
    for (const QString& name : names.split(QStringLiteral(", ")))
        bold.append(QStringLiteral("\\fB%1\\fR").arg(escape(name)));
    QString out = bold.join(QStringLiteral(", "));
    if (!valueName.isEmpty())
        out += QStringLiteral(" \\fI%1\\fR").arg(escape(valueName));
    return out;
}

void RoffWriter::section(const QString& title)
{
    m_text += QStringLiteral(".SH \"%1\"\n").arg(title.toUpper());
}

void RoffWriter::subsection(const QString& title)
{
    m_text += QStringLiteral(".SS \"%1\"\n").arg(escape(title));
}

void RoffWriter::paragraph(const QString& text)
{
    m_text += QStringLiteral(".PP\n") + escape(text) + QLatin1Char('\n');
}

void RoffWriter::line(const QString& text)
{
    m_text += escape(text) + QLatin1Char('\n');
}

void RoffWriter::usage(const QString& line)
{
    const qsizetype space = line.indexOf(QLatin1Char(' '));
    const QString program = space < 0 ? line : line.left(space);
    const QString rest = space < 0 ? QString() : line.mid(space + 1);
    m_text += QStringLiteral(".PP\n\\fB%1\\fR %2\n").arg(escape(program), escape(rest));
}

void RoffWriter::entry(const HelpDoc::Entry& entry)
{
    m_text += QStringLiteral(".TP\n") + term(entry.term) + QLatin1Char('\n');
    m_text += escape(entry.description) + QLatin1Char('\n');
}

} // namespace porthole::man
