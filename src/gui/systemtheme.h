// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QApplication;
class QPalette;
class QsciLexer;
class QsciScintilla;

namespace porthole {

/// Light or dark, as the desktop says. Qt 6.4 has no colour-scheme API, so: a dark palette from
/// the platform theme is kept as is; otherwise GTK_THEME ("Adwaita:dark") or GNOME's
/// color-scheme setting ("prefer-dark") switch to Fusion with a dark palette. PORTHOLE_THEME=dark
/// (or light) chooses for the app alone, whatever the desktop says.
class SystemTheme
{
public:
    /// Applies the scheme to `app` (call once, before the first window).
    static void apply(QApplication& app);
    /// Whether the application's palette is dark (the editors pick their colours by it).
    static bool isDark();

    /// Text colours that say something, readable on the current palette (the light ones are
    /// too dark to read on a dark window, and the other way round).
    enum class Tone
    {
        Problem, ///< refused, failed, invalid
        Caution, ///< fragile, dropped, unusual
        Good     ///< accepted, connected
    };
    static QColor color(Tone tone);
    /// The same as a style-sheet rule: "color: #rrggbb;".
    static QString css(Tone tone);

    /// The dark palette apply() sets (Fusion's roles, Porthole's colours).
    static QPalette darkPalette();
    /// WCAG's contrast ratio between two colours (1 to 21; body text wants 4.5).
    static double contrast(const QColor& a, const QColor& b);
    /// `color` with its lightness moved away from `background` until the two reach `ratio`
    /// (the hue kept), so a colour chosen for white paper still reads on a dark base.
    static QColor readableOn(const QColor& color, const QColor& background, double ratio = 4.5);
    /// A read-only or editable JSON editor's colours from the palette: paper and margins from
    /// it, every lexer style readable on its base (QScintilla's lexers are made for white).
    static void fitEditor(QsciScintilla* editor, QsciLexer* lexer);

private:
    static bool desktopPrefersDark();
};

} // namespace porthole
