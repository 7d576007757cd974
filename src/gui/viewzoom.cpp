// SPDX-License-Identifier: GPL-3.0-or-later
#include "viewzoom.h"
#include "gui/guisettings.h"

#include "core/appsettings.h"

#include <QAbstractItemView>
#include <QHeaderView>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTextEdit>
#include <QTreeView>
#include <Qsci/qscicommand.h>
#include <Qsci/qscicommandset.h>
#include <Qsci/qsciscintilla.h>

namespace porthole {

namespace {

// Each widget's own size before any zoom, kept on the widget so zooming never compounds and
// fonts set by the panes (monospace detail, bold headers) keep their family and weight.
const char* const kBasePoints = "portholeZoomBasePoints";
const char* const kBaseRow = "portholeZoomBaseRow";
const char* const kWidthRatio = "portholeZoomWidthRatio";

void scaleFont(QWidget* w, int level)
{
    QVariant base = w->property(kBasePoints);
    if (!base.isValid()) {
        base = w->font().pointSizeF();
        w->setProperty(kBasePoints, base);
    }
    if (base.toDouble() <= 0) // a pixel-sized font: leave it
        return;
    QFont f = w->font();
    f.setPointSizeF(std::max(4.0, base.toDouble() + level));
    w->setFont(f);
}

// Interactive columns widen and narrow with the text, relative to the last zoom, so widths the
// user set meanwhile are kept in proportion. The first call only notes the ratio: at start the
// header's remembered widths were saved at this same zoom.
void scaleColumns(QAbstractItemView* view, QHeaderView* header, double ratio)
{
    const QVariant last = view->property(kWidthRatio);
    view->setProperty(kWidthRatio, ratio);
    if (!header || !last.isValid() || last.toDouble() <= 0)
        return;
    const double factor = ratio / last.toDouble();
    for (int i = 0; i < header->count(); ++i)
        if (!header->isSectionHidden(i) && header->sectionResizeMode(i) == QHeaderView::Interactive)
            header->resizeSection(i, std::max(header->minimumSectionSize(),
                                              int(header->sectionSize(i) * factor + 0.5)));
}

} // namespace

ViewZoom::ViewZoom(QWidget* window)
    : QObject(window), m_window(window),
      m_level(std::clamp(GuiSettings::viewZoom.value(), kMin, kMax))
{
    setObjectName(QStringLiteral("viewZoom"));
    apply();
}

void ViewZoom::setLevel(int level)
{
    level = std::clamp(level, kMin, kMax);
    if (level == m_level)
        return;
    m_level = level;
    apply();
    GuiSettings::viewZoom.setValue(level);
    Q_EMIT levelChanged(level);
}

void ViewZoom::apply()
{
    for (QsciScintilla* editor : m_window->findChildren<QsciScintilla*>()) {
        // The editor's own Ctrl+-/Ctrl++ would zoom it alone, out of step with the rest: the
        // window's View ▸ Zoom keys take over.
        for (const int key : {Qt::Key_Minus, Qt::Key_Plus, Qt::Key_Equal, Qt::Key_0})
            if (QsciCommand* c = editor->standardCommands()->boundTo(int(Qt::CTRL) | key))
                c->setKey(0);
        editor->zoomTo(m_level);
    }
    for (QAbstractItemView* view : m_window->findChildren<QAbstractItemView*>()) {
        // A combo's popup follows its combo box, a header its view (fonts propagate).
        if (view->inherits("QComboBoxListView") || qobject_cast<QHeaderView*>(view))
            continue;
        scaleFont(view, m_level);
        QFont normal = view->font(); // the view's font at level 0
        if (const double points = view->property(kBasePoints).toDouble(); points > 0)
            normal.setPointSizeF(points);
        const QFontMetrics now(view->font()), then(normal);
        const double ratio = double(now.averageCharWidth()) / std::max(1, then.averageCharWidth());
        if (auto* table = qobject_cast<QTableView*>(view)) {
            QHeaderView* rows = table->verticalHeader();
            QVariant base = table->property(kBaseRow);
            if (!base.isValid()) {
                base = rows->defaultSectionSize();
                table->setProperty(kBaseRow, base);
            }
            // Rows grow (or shrink) as much as the text does, from the pane's own height.
            rows->setDefaultSectionSize(std::max(12, base.toInt() + now.height() - then.height()));
            scaleColumns(view, table->horizontalHeader(), ratio);
        } else if (auto* tree = qobject_cast<QTreeView*>(view)) {
            scaleColumns(view, tree->header(), ratio);
        }
    }
    for (QPlainTextEdit* text : m_window->findChildren<QPlainTextEdit*>())
        scaleFont(text, m_level);
    for (QTextEdit* text : m_window->findChildren<QTextEdit*>())
        scaleFont(text, m_level);
}

} // namespace porthole
