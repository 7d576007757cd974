// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>
#include <QWidget>

namespace porthole {

/// The frame the demo draws around the widget its caption talks about: a thick amber outline
/// on a transparent overlay in the target's window, above everything and never taking a click.
/// It follows the target as it moves, resizes, hides or shows; pointing at nothing hides it.
class Spotlight : public QWidget
{
    Q_OBJECT
public:
    explicit Spotlight(QObject* owner);
    ~Spotlight() override;

    /// Frames `target` (null: nothing). The frame lives in the target's top-level window, so
    /// it also frames a widget in another window (a dialog).
    void point(QWidget* target);
    QWidget* target() const { return m_target; }

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    QPointer<QWidget> m_target;
    QPointer<QWidget> m_window;
    void follow();
};

} // namespace porthole
