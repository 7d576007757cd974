// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

class QWidget;

namespace porthole {

/// Zoom for presenting (View ▸ Zoom in/out/reset): one level, in points added to the normal
/// size, applied to the editors (QScintilla's own zoom), the tables and trees (font and row
/// height) and the text views (detail, preview); remembered in the settings.
class ViewZoom : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMin = -4;
    static constexpr int kMax = 16;

    /// Applies the remembered level to `window`'s widgets.
    explicit ViewZoom(QWidget* window);
    /// The level now (0: normal size).
    int level() const { return m_level; }
    /// Sets the level (clamped to kMin..kMax), applies and remembers it.
    void setLevel(int level);
    void zoomIn() { setLevel(m_level + 1); }
    void zoomOut() { setLevel(m_level - 1); }
    void reset() { setLevel(0); }
    /// Applies the level again (to widgets created since).
    void apply();

Q_SIGNALS:
    void levelChanged(int level);

private:
    QWidget* m_window;
    int m_level = 0;
};

} // namespace porthole
