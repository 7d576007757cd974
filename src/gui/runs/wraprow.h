// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QObject>

class QBoxLayout;
class QHBoxLayout;
class QWidget;

namespace porthole {

/// Keeps a row's trailing buttons beside its leading widget while the whole row fits its
/// host's width, and moves them to a line of their own under it when it does not. The Runs
/// tab beside the node editor is ~480 px wide at 1024: the read-position row (start combo,
/// its value field, Partitions) and Pause/Clear/Recordings cannot share one line there.
class WrapRow : public QObject
{
    Q_OBJECT
public:
    /// `row` sits in `column` (a vertical layout of `host`); `trailing` are in `row`.
    WrapRow(QWidget* host, QBoxLayout* column, QHBoxLayout* row, QList<QWidget*> trailing);

    /// Whether the trailing widgets are on their own line now.
    bool wrapped() const { return m_wrapped; }
    /// Places the trailing widgets for the host's current width.
    void update();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* m_host;
    QBoxLayout* m_column;
    QHBoxLayout* m_row;
    QHBoxLayout* m_below;
    QList<QWidget*> m_trailing;
    bool m_wrapped = false;
};

} // namespace porthole
