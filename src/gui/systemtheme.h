// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QString>

class QApplication;

namespace porthole {

/// Light or dark, as the desktop says. Qt 6.4 has no colour-scheme API, so: a dark palette from
/// the platform theme is kept as is; otherwise GTK_THEME ("Adwaita:dark") or GNOME's
/// color-scheme setting ("prefer-dark") switch to Fusion with a dark palette.
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

private:
    static bool desktopPrefersDark();
};

} // namespace porthole
