// SPDX-License-Identifier: GPL-3.0-or-later
#include "runstatusdelegate.h"

#include "models/runstablemodel.h"
#include "statuslook.h"

#include <QApplication>
#include <QStyle>
#include <QWidget>

namespace porthole {

void RunStatusDelegate::initStyleOption(QStyleOptionViewItem* option,
                                        const QModelIndex& index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    const auto state = RunsTableModel::RunState(index.data(RunsTableModel::RunStateRole).toInt());
    if (state == RunsTableModel::RunState::None)
        return;
    option->icon = StatusLook::icon(state);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(14, 14);
    const QColor c = StatusLook::color(state, option->palette);
    option->palette.setColor(QPalette::Text, c);
    // Selected rows keep the highlight's text colour: the icon still says the state.
}

int RunStatusDelegate::fittingWidth(const QWidget* view)
{
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.font = view->font();
    option.fontMetrics = view->fontMetrics();
    option.text = QStringLiteral("COMPLETED · CANCELLED");
    option.features = QStyleOptionViewItem::HasDisplay | QStyleOptionViewItem::HasDecoration;
    option.icon = StatusLook::icon(RunsTableModel::RunState::Cancelled);
    option.decorationSize = QSize(14, 14);
    option.decorationPosition = QStyleOptionViewItem::Left;
    option.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    return view->style()
               ->sizeFromContents(QStyle::CT_ItemViewItem, &option, QSize(), view)
               .width() +
           4;
}

} // namespace porthole
