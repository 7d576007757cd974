// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowplacement.h"

#include <QDataStream>
#include <QGuiApplication>
#include <QScreen>
#include <QWidget>

#include <algorithm>

namespace porthole::WindowPlacement {

QRect fit(const QRect& frame, const QRect& client, const QRect& available)
{
    if (!available.isValid() || !frame.isValid() || available.contains(frame))
        return client;
    const int left = client.left() - frame.left(), top = client.top() - frame.top();
    const int right = frame.right() - client.right(), bottom = frame.bottom() - client.bottom();
    QRect placed = frame;
    placed.setWidth(std::min(frame.width(), available.width()));
    placed.setHeight(std::min(frame.height(), available.height()));
    placed.moveLeft(
        std::clamp(frame.left(), available.left(), available.right() - placed.width() + 1));
    placed.moveTop(
        std::clamp(frame.top(), available.top(), available.bottom() - placed.height() + 1));
    return placed.adjusted(left, top, -right, -bottom);
}

bool restoresPosition(QStringView platformName)
{
    return !platformName.startsWith(QLatin1String("wayland"));
}

bool restore(QWidget* window, const QByteArray& saved)
{
    return restore(window, saved, QGuiApplication::platformName());
}

bool restore(QWidget* window, const QByteArray& saved, QStringView platformName)
{
    // The layout QWidget::saveGeometry() writes (Qt 6: version 3): magic, version, frame
    // geometry, normal geometry, screen number, maximised, full screen, screen width, geometry.
    QDataStream in(saved);
    in.setVersion(QDataStream::Qt_4_0);
    quint32 magic = 0;
    quint16 major = 0, minor = 0;
    QRect frame, normal;
    qint32 screenNumber = 0;
    quint8 maximized = 0, fullScreen = 0;
    in >> magic >> major >> minor >> frame >> normal >> screenNumber >> maximized >> fullScreen;
    if (in.status() != QDataStream::Ok || magic != 0x1D9D0CB || major < 1)
        return false;
    const QList<QScreen*> screens = QGuiApplication::screens();
    const QScreen* screen = screenNumber >= 0 && screenNumber < screens.size()
                                ? screens.at(screenNumber)
                                : QGuiApplication::primaryScreen();
    const QRect available = screen ? screen->availableGeometry() : QRect();
    if (!restoresPosition(platformName)) {
        if (normal.isValid())
            window->resize(available.isValid() ? normal.size().boundedTo(available.size())
                                               : normal.size());
        if (maximized || fullScreen)
            window->setWindowState(fullScreen ? Qt::WindowFullScreen : Qt::WindowMaximized);
        return true;
    }
    if (maximized || fullScreen || !normal.isValid())
        return window->restoreGeometry(saved);
    // The frame's offset from the client area is what the window manager added; a saved frame
    // that is not around the client area (never shown) counts as none.
    const QRect outer = frame.contains(normal) ? frame : normal;
    window->setGeometry(fit(outer, normal, available));
    return true;
}

} // namespace porthole::WindowPlacement
