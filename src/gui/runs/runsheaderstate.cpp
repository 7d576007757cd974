// SPDX-License-Identifier: GPL-3.0-or-later
#include "runsheaderstate.h"

#include <QActionGroup>
#include <QHeaderView>
#include <QMenu>
#include <QSettings>

namespace porthole::RunsHeaderState {

namespace {
// "V2" since issue 22 showed Key and the dated Time by default: a state saved before would
// keep Key hidden for everyone who never chose so.
const QString kKey = QStringLiteral("runs/tableHeaderV2");
const QString kTimeModeKey = QStringLiteral("runs/timeMode");
const char* const kTimeModes[] = {"local", "utc", "relative"};
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

RunsTableModel::TimeMode timeMode()
{
    const QString saved = QSettings().value(kTimeModeKey).toString();
    for (int m = 0; m < 3; ++m)
        if (saved == QLatin1String(kTimeModes[m]))
            return RunsTableModel::TimeMode(m);
    return RunsTableModel::TimeMode::Local;
}

void setTimeMode(RunsTableModel* model, RunsTableModel::TimeMode mode)
{
    model->setTimeMode(mode);
    QSettings().setValue(kTimeModeKey, QLatin1String(kTimeModes[int(mode)]));
}

void addTimeModeMenu(QMenu* menu, RunsTableModel* model)
{
    QMenu* sub = menu->addMenu(QObject::tr("Time shown as"));
    sub->setObjectName(QStringLiteral("runsTimeModeMenu"));
    auto* group = new QActionGroup(sub);
    const QString names[] = {QObject::tr("Local time"), QObject::tr("UTC"),
                             QObject::tr("Relative (12 s ago)")};
    for (int m = 0; m < 3; ++m) {
        QAction* a = sub->addAction(names[m]);
        a->setObjectName(QStringLiteral("runsTime-%1").arg(QLatin1String(kTimeModes[m])));
        a->setCheckable(true);
        a->setChecked(int(model->timeMode()) == m);
        group->addAction(a);
        QObject::connect(a, &QAction::triggered, model,
                         [model, m] { setTimeMode(model, RunsTableModel::TimeMode(m)); });
    }
}

} // namespace porthole::RunsHeaderState
