// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLabel>

namespace porthole {

/// A one-line status label that never asks for more width than it gets: text that does not fit
/// ends in "…", and the whole text is in the tooltip. (A plain QLabel grows the window to fit.)
class ElidedLabel : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);
    /// Sets the full text (shown elided; whole in the tooltip when cut).
    void setFullText(const QString& text);
    /// More words for the tooltip, shown whether or not the text is cut (empty: none).
    void setDetail(const QString& detail);
    QString fullText() const { return m_full; }
    QSize minimumSizeHint() const override;
    /// The whole text's size: a label with a Preferred policy shows it all when there is room.
    QSize sizeHint() const override;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QString m_full;
    QString m_detail;
    void elide();
};

} // namespace porthole
