// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsView>

namespace porthole {

/// The graph's view: the keyboard moves between nodes (arrow keys by layer, Tab and Shift+Tab
/// in document order, leaving the view after the last), Enter or Space chooses the node, +/-
/// zoom and 0 fits the graph; the Menu key or Shift+F10 opens the node's menu. A resize keeps the
/// graph fitted until the user zooms.
class WorkflowView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit WorkflowView(QWidget* parent = nullptr);
    /// Scales the whole graph into the view (never above 1:1, so text stays its size).
    void fit();
    void zoomBy(double factor);

Q_SIGNALS:
    /// An arrow key (Qt::Key_Left…Key_Down).
    void moveRequested(int key);
    /// Tab / Shift+Tab: the handler answers whether a node took the focus.
    void stepRequested(bool forward, bool* taken);
    void chooseRequested();
    /// A node's menu: the right button on node `index`, or the Menu key / Shift+F10 (index -1:
    /// the keyboard's node). `globalPos` is where it opens (null from the keyboard).
    void menuRequested(const QPoint& globalPos, int index);

protected:
    void keyPressEvent(QKeyEvent* event) override;
    bool focusNextPrevChild(bool next) override;
    void resizeEvent(QResizeEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void contextMenuEvent(QContextMenuEvent* event) override;

private:
    bool m_fitted = true;
};

} // namespace porthole
