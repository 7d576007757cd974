// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemtheme.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qsciscintilla.h>

#include <QApplication>
#include <QPalette>
#include <QProcess>
#include <QStandardPaths>
#include <QStyle>
#include <QStyleFactory>

#include <algorithm>
#include <cmath>

namespace porthole {

bool SystemTheme::isDark()
{
    const QPalette p = QApplication::palette();
    return p.color(QPalette::Window).lightness() < p.color(QPalette::WindowText).lightness();
}

QColor SystemTheme::color(Tone tone)
{
    // Material-like reds, ambers and greens: the light-palette ones keep 4.5:1 on white, the
    // dark-palette ones on #2b2b2b.
    const bool dark = isDark();
    switch (tone) {
    case Tone::Problem:
        return dark ? QColor(0xf2, 0x8b, 0x82) : QColor(0xb3, 0x26, 0x1e);
    case Tone::Caution:
        return dark ? QColor(0xfd, 0xd6, 0x63) : QColor(0x8a, 0x5a, 0x00);
    case Tone::Good:
        return dark ? QColor(0x81, 0xc9, 0x95) : QColor(0x1b, 0x7f, 0x3b);
    }
    return {};
}

QString SystemTheme::css(Tone tone)
{
    return QStringLiteral("color: %1;").arg(color(tone).name());
}

bool SystemTheme::desktopPrefersDark()
{
    const QString own = qEnvironmentVariable("PORTHOLE_THEME");
    if (!own.isEmpty())
        return own.compare(QLatin1String("dark"), Qt::CaseInsensitive) == 0;
    const QString gtk = qEnvironmentVariable("GTK_THEME");
    if (!gtk.isEmpty())
        return gtk.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive);
    const QString gsettings = QStandardPaths::findExecutable(QStringLiteral("gsettings"));
    if (gsettings.isEmpty())
        return false;
    QProcess p;
    p.start(gsettings, {QStringLiteral("get"), QStringLiteral("org.gnome.desktop.interface"),
                        QStringLiteral("color-scheme")});
    if (!p.waitForFinished(500)) { // never hold the launch up for it
        p.kill();
        p.waitForFinished(100);
        return false;
    }
    return p.readAllStandardOutput().contains("prefer-dark");
}

void SystemTheme::apply(QApplication& app)
{
    const QString own = qEnvironmentVariable("PORTHOLE_THEME");
    const bool light = own.compare(QLatin1String("light"), Qt::CaseInsensitive) == 0;
    if (light && isDark()) { // the app's own choice over a dark platform palette
        app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        app.setPalette(app.style()->standardPalette());
        return;
    }
    if (isDark() || !desktopPrefersDark())
        return; // the platform's palette already follows the desktop, or it is light
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    app.setPalette(darkPalette());
}

QPalette SystemTheme::darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30), base(0x1e, 0x1f, 0x22), text(0xdf, 0xe1, 0xe5);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, QColor(0x3c, 0x3f, 0x41));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x8c, 0x8f, 0x94));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::red);
    p.setColor(QPalette::Link, QColor(0x6c, 0xa8, 0xf0));
    p.setColor(QPalette::Highlight, QColor(0x2f, 0x65, 0xca));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Mid, QColor(0x45, 0x48, 0x4c));
    p.setColor(QPalette::Dark, QColor(0x1a, 0x1b, 0x1d));
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x41));
    for (QPalette::ColorRole r : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, r, QColor(0x7a, 0x7d, 0x82));
    return p;
}

namespace {
double luminance(const QColor& c)
{
    const auto channel = [](double v) {
        return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
}
} // namespace

double SystemTheme::contrast(const QColor& a, const QColor& b)
{
    const double la = luminance(a), lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

QColor SystemTheme::readableOn(const QColor& color, const QColor& background, double ratio)
{
    QColor c = color.toHsl();
    const int step = luminance(background) < 0.18 ? 8 : -8; // lighter on dark, darker on light
    for (int i = 0; i < 32 && contrast(c, background) < ratio; ++i)
        c = QColor::fromHsl(c.hslHue(), c.hslSaturation(),
                            std::clamp(c.lightness() + step, 0, 255));
    return c.toRgb();
}

void SystemTheme::fitEditor(QsciScintilla* editor, QsciLexer* lexer)
{
    const QPalette pal = editor->palette();
    const QColor paper = pal.color(QPalette::Base);
    for (int style = 0; style <= QsciScintillaBase::STYLE_MAX; ++style) {
        if (lexer->description(style).isEmpty())
            continue;
        lexer->setColor(readableOn(lexer->color(style), paper), style);
        lexer->setPaper(paper, style);
    }
    lexer->setDefaultPaper(paper);
    lexer->setDefaultColor(pal.color(QPalette::Text));
    editor->setCaretForegroundColor(pal.color(QPalette::Text));
    editor->setMarginsBackgroundColor(pal.color(QPalette::Window));
    editor->setMarginsForegroundColor(
        readableOn(pal.color(QPalette::PlaceholderText), pal.color(QPalette::Window), 3.0));
    editor->setFoldMarginColors(pal.color(QPalette::Window), pal.color(QPalette::Window));
    editor->setSelectionBackgroundColor(pal.color(QPalette::Highlight));
    editor->setSelectionForegroundColor(pal.color(QPalette::HighlightedText));
}

} // namespace porthole
