// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "helpdoc.h"

#include <QString>

namespace porthole::man {

/// Writes man(7) roff: escapes text, and sets option terms ("--org <ORG>") in bold with the
/// value in italics, as man pages do.
class RoffWriter
{
public:
    RoffWriter(const QString& title, const QString& date, const QString& source);

    void section(const QString& title);
    void subsection(const QString& title);
    void paragraph(const QString& text);
    /// Text on its own line, without starting a paragraph (the NAME line).
    void line(const QString& text);
    /// A synopsis or usage line: the program in bold, the rest as typed.
    void usage(const QString& line);
    void entry(const HelpDoc::Entry& entry);

    const QString& text() const { return m_text; }

    static QString escape(const QString& text);
    static QString term(const QString& term);

private:
    QString m_text;
};

} // namespace porthole::man
