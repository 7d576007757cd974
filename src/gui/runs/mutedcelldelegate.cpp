// SPDX-License-Identifier: GPL-3.0-or-later
#include "mutedcelldelegate.h"

#include "models/runstablemodel.h"

namespace porthole {

void MutedCellDelegate::initStyleOption(QStyleOptionViewItem* option,
                                        const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (!index.data(RunsTableModel::MutedRole).toBool())
        return;
    option->font.setItalic(true);
    option->palette.setColor(QPalette::Text, option->palette.color(QPalette::PlaceholderText));
}

} // namespace porthole
