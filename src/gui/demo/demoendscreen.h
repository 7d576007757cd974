// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace porthole {

/// The demo's last screen, over the window's panes: what the story showed, in a few lines,
/// with "Play again" and "Start using Porthole". It stays until the user chooses (Esc is
/// "Start using Porthole"); it never times out, so a presenter can talk over it.
class DemoEndScreen : public QWidget
{
    Q_OBJECT
public:
    /// Covers `area` (the window's central widget) while shown.
    explicit DemoEndScreen(QWidget* area);

    /// Shows the summary lines and takes the keyboard (Play again has it).
    void showSummary(const QString& title, const QStringList& lines);
    QString summary() const;

Q_SIGNALS:
    void playAgainRequested();
    void leaveRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QLabel* m_title;
    QLabel* m_lines;
    QPushButton* m_again;
    QPushButton* m_leave;
};

} // namespace porthole
