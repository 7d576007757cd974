// SPDX-License-Identifier: GPL-3.0-or-later
#include "systemtheme.h"

#include <QApplication>
#include <QPalette>
#include <QProcess>
#include <QStandardPaths>
#include <QStyleFactory>

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
    if (isDark() || !desktopPrefersDark())
        return; // the platform's palette already follows the desktop, or it is light
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
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
    app.setPalette(p);
}

} // namespace porthole
