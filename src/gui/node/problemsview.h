// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"

#include <QTreeWidget>

namespace porthole {

/// The list of diagnostics under the editor: severity, message, position and code. Activating a
/// row jumps to it; rows with a quick fix offer it in the context menu and via the window's Ctrl+.
class ProblemsView : public QTreeWidget
{
    Q_OBJECT
public:
    explicit ProblemsView(QWidget* parent = nullptr);

    /// Replaces the rows.
    void setDiagnostics(const Diagnostics& diagnostics);
    /// The diagnostic of the current row, if any.
    const Diagnostic* currentDiagnostic() const;
    /// Makes row `index` current (shown, not activated).
    void selectDiagnostic(int index);

Q_SIGNALS:
    void diagnosticActivated(const porthole::Diagnostic& diagnostic);
    void fixRequested(const porthole::Diagnostic& diagnostic);

private:
    Diagnostics m_diagnostics;
    void showContextMenu(const QPoint& pos);
};

} // namespace porthole
