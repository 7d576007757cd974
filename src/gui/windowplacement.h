#pragma once

#include <QByteArray>
#include <QRect>

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

/// Restores what QWidget::saveGeometry() wrote: maximised and full-screen windows through Qt,
/// normal ones at their saved place (fit() on the screen they were on, else the primary one).
/// False when `saved` is not such a record.
bool restore(QWidget* window, const QByteArray& saved);

} // namespace porthole::WindowPlacement
