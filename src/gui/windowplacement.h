// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QRect>
#include <QStringView>

class QWidget;

namespace porthole::WindowPlacement {

// Where a relaunched window goes. QWidget::restoreGeometry() assumes a title bar it cannot see
// yet: with no window manager (Xvfb, kiosks) it moves a window at the top of the screen down by
// a guessed title bar height (20 px) on every relaunch. This restores the saved frame position
// as it was, and only moves or shrinks a window that would not be wholly on the screen's free
// area.

/// The client rectangle for a window saved with `frame` (outer, with the window manager's
/// decoration; equal to `client` without one) and `client`, on a screen whose free area is
/// `available`: the same rectangles when the frame fits, else the frame moved (and, if larger,
/// shrunk) into `available`, the decoration's margins kept.
QRect fit(const QRect& frame, const QRect& client, const QRect& available);

/// Whether a relaunched window goes back to its saved position on the platform named
/// `platformName` (QGuiApplication::platformName()). Not on Wayland ("wayland", "wayland-egl",
/// …): the compositor places every window, a client can neither read nor ask for a position,
/// and a saved one would be another session's. There only the size and state come back.
bool restoresPosition(QStringView platformName);

/// Restores what QWidget::saveGeometry() wrote, on this application's platform.
/// False when `saved` is not such a record.
bool restore(QWidget* window, const QByteArray& saved);

/// The same as if the application ran on `platformName`. Where restoresPosition(): maximised
/// and full-screen windows through Qt, normal ones at their saved place (fit() on the screen
/// they were on, else the primary one). Elsewhere: the saved size (no larger than the screen's
/// free area) and the maximised or full-screen state, the position left to the compositor.
bool restore(QWidget* window, const QByteArray& saved, QStringView platformName);

} // namespace porthole::WindowPlacement
