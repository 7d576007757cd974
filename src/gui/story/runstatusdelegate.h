// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace porthole {

/// The Runs table's Status cells: the state's icon and colour (RunsTableModel::RunStateRole)
/// beside its text, so the table model stays QtCore-only.
class RunStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    /// The width a Status cell needs in `view` to show the longest state ("COMPLETED ·
    /// CANCELLED") whole, icon included (the style's own item metrics).
    static int fittingWidth(const QWidget* view);

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace porthole
