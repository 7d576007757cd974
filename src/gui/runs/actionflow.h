// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

namespace porthole {

/// A row of buttons for actions that wraps to further rows when narrow, where a QToolBar would
/// hide what does not fit behind "››". Actions added (QWidget::addAction) become text buttons
/// that follow them (text, enabled, tooltip); addWidget() takes any other widget.
class ActionFlow : public QWidget
{
    Q_OBJECT
public:
    explicit ActionFlow(QWidget* parent = nullptr);

    /// A gap before the next button (the QToolBar call of the same name).
    QAction* addSeparator();
    void addWidget(QWidget* widget);
    /// The rows the buttons take at the current width.
    int rowCount() const;

protected:
    void actionEvent(QActionEvent* event) override;

private:
    /// The layout position of `action`'s button (the end when none).
    int indexOf(const QAction* action) const;
};

} // namespace porthole
