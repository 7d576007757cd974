// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "windowparts.h"

#include <QList>
#include <QObject>

class QAction;
class QMenu;

namespace porthole {

/// The window's menus and keyboard map. Every command is a window-wide QAction, so its
/// shortcut works wherever the focus is (the editor included), shows in its menu, and is listed
/// by Help ▸ Keyboard shortcuts; buttons that do the same show the shortcut in their tooltip.
class WindowActions : public QObject
{
    Q_OBJECT
public:
    /// Menus for `parts.window`; `demo` is the toolbar's Demo action, listed under Run too.
    WindowActions(const WindowParts& parts, QAction* demo);
    /// Help ▸ Start page (the window's; checkable), listed with the demo. Before build().
    void setStartPageAction(QAction* action) { m_startPage = action; }
    /// Adds the menus to the window's menu bar.
    void build();
    /// Every action with a shortcut, in menu order.
    QList<QAction*> shortcutActions() const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    WindowParts m_parts;
    QMainWindow* m_window;
    QAction* m_demo;
    QAction* m_tabMoves = nullptr;
    QAction* m_startPage = nullptr;
    QList<QAction*> m_actions;
    QAction* add(QMenu* menu, const QString& text, const QList<QKeySequence>& keys,
                 const QString& objectName);
    void buildFileMenu();
    void buildEditMenu();
    void buildViewMenu();
    void buildRunMenu();
    void buildHelpMenu();
    void forFocusWidget(const char* slot);
    void showShortcuts();
};

} // namespace porthole
