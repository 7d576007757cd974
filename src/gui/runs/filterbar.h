// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QTimer;
class QToolButton;

namespace porthole {

class JqFilterController;
class RunsFilterProxy;
class RunsTableModel;

/// The Runs pane's jq filter: a box (debounced; Return applies at once) whose filter runs off
/// the UI thread (JqFilterController), a Cancel button while the rows held are judged, and the
/// saved filters (name + expression, in the settings). statusLine() is the line under the
/// filter row that shows the compile error with its line, progress, timeouts and jq errors.
class FilterBar : public QWidget
{
    Q_OBJECT
public:
    FilterBar(RunsTableModel* model, RunsFilterProxy* proxy, QWidget* parent = nullptr);

    /// Put it where it fits (under the filter row); hidden while it has nothing to say.
    QLabel* statusLine() const { return m_status; }
    JqFilterController* controller() const { return m_controller; }
    /// Sets the box's text and applies it now.
    void apply(const QString& expression);

    /// Saved filters, name → expression.
    static QVariantMap savedFilters();
    static void saveFilter(const QString& name, const QString& expression);
    static void deleteFilter(const QString& name);

private:
    JqFilterController* m_controller;
    QLineEdit* m_edit;
    QToolButton* m_saved;
    QPushButton* m_cancel;
    QLabel* m_status;
    QTimer* m_debounce;
    QString m_compileError; ///< shown until the box changes or compiles
    QString m_note;         ///< "cancelled" until the next apply

    void fillSavedMenu();
    void updateStatus();
};

} // namespace porthole
