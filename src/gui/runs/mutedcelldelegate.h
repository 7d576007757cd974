// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

namespace porthole {

/// The runs table's cells, with the ones that say something is absent ("no key",
/// "tombstone": RunsTableModel::MutedRole) in italics and the placeholder colour, so they are
/// never taken for a key or a value with those words.
class MutedCellDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem* option, const QModelIndex& index) const override;
};

} // namespace porthole
