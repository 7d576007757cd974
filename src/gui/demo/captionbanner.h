// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace porthole {

/// The demo's caption: a band across the top of the window in large type, so a room can read
/// what the demo is doing ("2/7 Each template's value…"), with how to leave it.
class CaptionBanner : public QFrame
{
    Q_OBJECT
public:
    explicit CaptionBanner(QWidget* parent = nullptr);

    /// Shows `text` (and the banner).
    void showCaption(const QString& text);
    /// The caption shown now.
    QString caption() const;
    /// The lines under the caption: what has happened so far.
    void setTrail(const QString& text);
    QString trail() const;
    /// While playing, the banner says how to stop.
    void setPlaying(bool playing);

private:
    QLabel* m_text;
    QLabel* m_trail;
    QLabel* m_hint;
};

} // namespace porthole
