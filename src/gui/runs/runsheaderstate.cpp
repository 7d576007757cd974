// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsheaderstate.h"

#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace porthole::RunsHeaderState {

namespace {
const QString kKey = QStringLiteral("runs/tableHeader");
// A state saved for another set of columns must not apply (it would hide the wrong ones).
const QString kColumnsKey = QStringLiteral("runs/tableHeaderColumns");
} // namespace

void restore(QHeaderView* header)
{
    QSettings settings;
    if (settings.value(kColumnsKey).toInt() != header->count())
        return;
    header->restoreState(settings.value(kKey).toByteArray());
}

void save(QHeaderView* header)
{
    QSettings settings;
    settings.setValue(kKey, header->saveState());
    settings.setValue(kColumnsKey, header->count());
}

void showMenu(QHeaderView* header, const QPoint& at,
              const std::function<void(QMenu*, int section)>& extend)
{
    QMenu menu(header);
    QAbstractItemModel* model = header->model();
    for (int c = 0; c < header->count(); ++c) {
        QAction* a = menu.addAction(model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        // The last visible column cannot go: an empty table would have no header to click.
        a->setEnabled(header->isSectionHidden(c) ||
                      header->count() - header->hiddenSectionCount() > 1);
        QObject::connect(a, &QAction::toggled, header, [header, c](bool on) {
            header->setSectionHidden(c, !on);
            save(header);
        });
    }
    menu.addSeparator();
    QObject::connect(menu.addAction(QObject::tr("Reset columns")), &QAction::triggered, header,
                     [header] {
                         for (int c = 0; c < header->count(); ++c) {
                             header->setSectionHidden(c, false);
                             header->moveSection(header->visualIndex(c), c);
                         }
                         QSettings().remove(kKey);
                     });
    if (extend)
        extend(&menu, header->logicalIndexAt(at));
    menu.exec(header->mapToGlobal(at));
}

} // namespace porthole::RunsHeaderState
