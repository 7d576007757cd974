// SPDX-License-Identifier: GPL-3.0-or-later
#include "problemsview.h"

#include <QHeaderView>
#include <QMenu>
#include <QStyle>

namespace porthole {

ProblemsView::ProblemsView(QWidget* parent) : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("problemsView"));
    setAccessibleName(tr("Problems"));
    setColumnCount(4);
    setHeaderLabels({tr("Problem"), tr("Position"), tr("Code"), tr("Fix")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setAlternatingRowColors(true);
    header()->setStretchLastSection(false);
    // The message column takes the room; the others are narrow and fixed, so a narrow window
    // (1024 px) still shows the problem rather than "Prol".
    header()->setSectionResizeMode(0, QHeaderView::Stretch);
    header()->setMinimumSectionSize(40);
    for (int c = 1; c < 4; ++c)
        header()->setSectionResizeMode(c, QHeaderView::Interactive);
    setColumnWidth(1, 64);
    setColumnWidth(2, 64);
    setColumnWidth(3, 110);
    setTextElideMode(Qt::ElideRight);
    setContextMenuPolicy(Qt::CustomContextMenu);
    connect(this, &QTreeWidget::customContextMenuRequested, this, &ProblemsView::showContextMenu);
    connect(this, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item) {
        const int i = indexOfTopLevelItem(item);
        if (i >= 0 && size_t(i) < m_diagnostics.size())
            Q_EMIT diagnosticActivated(m_diagnostics[size_t(i)]);
    });
    // Ctrl+. is the window's Edit ▸ Quick fix, which asks currentDiagnostic() when this list has
    // the focus: a second, widget-level Ctrl+. here would make the shortcut ambiguous.
}

void ProblemsView::selectDiagnostic(int index)
{
    if (QTreeWidgetItem* item = topLevelItem(index)) {
        setCurrentItem(item);
        scrollToItem(item);
    }
}

void ProblemsView::setDiagnostics(const Diagnostics& diagnostics)
{
    m_diagnostics = diagnostics;
    clear();
    const QIcon errorIcon = style()->standardIcon(QStyle::SP_MessageBoxCritical);
    const QIcon warningIcon = style()->standardIcon(QStyle::SP_MessageBoxWarning);
    const QIcon noteIcon = style()->standardIcon(QStyle::SP_MessageBoxInformation);
    QList<QTreeWidgetItem*> items;
    for (const auto& d : m_diagnostics) {
        auto* item = new QTreeWidgetItem;
        item->setIcon(0, d.severity == Severity::Error     ? errorIcon
                         : d.severity == Severity::Warning ? warningIcon
                                                           : noteIcon);
        item->setText(0, QString::fromStdString(d.message));
        item->setToolTip(0, QString::fromStdString(d.message));
        item->setText(1, QStringLiteral("%1:%2").arg(d.range.begin.line).arg(d.range.begin.column));
        item->setText(2, QString::fromStdString(d.code));
        item->setText(3, d.fix ? QString::fromStdString(d.fix->title) : QString());
        items << item;
    }
    addTopLevelItems(items);
}

const Diagnostic* ProblemsView::currentDiagnostic() const
{
    const int i = indexOfTopLevelItem(currentItem());
    return i >= 0 && size_t(i) < m_diagnostics.size() ? &m_diagnostics[size_t(i)] : nullptr;
}

void ProblemsView::showContextMenu(const QPoint& pos)
{
    QTreeWidgetItem* item = itemAt(pos);
    if (!item)
        return;
    const Diagnostic d = m_diagnostics[size_t(indexOfTopLevelItem(item))];
    QMenu menu(this);
    menu.addAction(tr("Go to problem"), this, [this, d] { Q_EMIT diagnosticActivated(d); });
    if (d.fix)
        menu.addAction(tr("Quick fix: %1").arg(QString::fromStdString(d.fix->title)), this,
                       [this, d] { Q_EMIT fixRequested(d); });
    menu.exec(viewport()->mapToGlobal(pos));
}

} // namespace porthole
