// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowscene.h"

#include "gui/systemtheme.h"
#include "workflowdocument.h"
#include "workflowlayout.h"

#include <QCursor>
#include <QFontMetricsF>
#include <QGraphicsSceneMouseEvent>
#include <QGraphicsSimpleTextItem>
#include <QGuiApplication>
#include <QHash>
#include <QPainter>
#include <QPalette>

#include <cmath>

namespace porthole {

namespace {

constexpr double kGapX = 28, kGapY = 46, kBadge = 20;

// One hue per type, so the same type looks the same in every workflow; the shape already
// says trigger/action/flow, so colour is never the only sign.
int hueOf(const QString& type)
{
    if (type.endsWith(QLatin1String("_TRIGGER")))
        return 140;
    static const QHash<QString, int> hues{{QStringLiteral("KAFKA"), 28},
                                          {QStringLiteral("WEBHOOK"), 210},
                                          {QStringLiteral("CONDITION"), 275},
                                          {QStringLiteral("INPUT"), 300},
                                          {QStringLiteral("UPSERT_ENTITY"), 175},
                                          {QStringLiteral("AI"), 330},
                                          {QStringLiteral("AI_AGENT"), 330},
                                          {QStringLiteral("CURSOR_AGENT"), 345},
                                          {QStringLiteral("INTEGRATION_ACTION"), 48}};
    return hues.value(type, -1);
}

QColor fillOf(const QString& type)
{
    const int hue = hueOf(type);
    const bool dark = SystemTheme::isDark();
    if (hue < 0)
        return dark ? QColor(70, 70, 70) : QColor(230, 230, 230);
    return dark ? QColor::fromHsl(hue, 90, 62) : QColor::fromHsl(hue, 150, 226);
}

QColor borderOf(const QString& type)
{
    const int hue = hueOf(type);
    const bool dark = SystemTheme::isDark();
    if (hue < 0)
        return dark ? QColor(170, 170, 170) : QColor(110, 110, 110);
    return dark ? QColor::fromHsl(hue, 150, 165) : QColor::fromHsl(hue, 150, 95);
}

} // namespace

WorkflowNodeItem::WorkflowNodeItem(int index, const QString& id, const QString& type, int kind,
                                   QGraphicsItem* parent)
    : QGraphicsObject(parent), m_index(index), m_id(id), m_type(type), m_kind(kind)
{
    setAcceptHoverEvents(true);
    setCursor(Qt::PointingHandCursor);
    setToolTip(QStringLiteral("%1 (%2)").arg(id, type.isEmpty() ? tr("no type") : type));
}

void WorkflowNodeItem::setProblems(int errors, int warnings, const QString& messages)
{
    m_errors = errors;
    m_warnings = warnings;
    m_problemText = messages;
    update();
}

void WorkflowNodeItem::setCurrent(bool on)
{
    m_current = on;
    update();
}

void WorkflowNodeItem::setChosen(bool on)
{
    m_chosen = on;
    update();
}

void WorkflowNodeItem::setForced(const QString& outlet)
{
    m_forced = outlet;
    update();
}

QRectF WorkflowNodeItem::badgeRect() const
{
    if (m_errors + m_warnings == 0)
        return {};
    return {kWidth / 2 - kBadge * 0.75, -kHeight / 2 - kBadge * 0.35, kBadge, kBadge};
}

QRectF WorkflowNodeItem::boundingRect() const
{
    return QRectF(-kWidth / 2 - 4, -kHeight / 2 - kBadge * 0.35 - 2, kWidth + 8 + kBadge * 0.3,
                  kHeight + kBadge * 0.35 + 6);
}

QPainterPath WorkflowNodeItem::outline() const
{
    const QRectF r(-kWidth / 2, -kHeight / 2, kWidth, kHeight);
    QPainterPath p;
    if (m_kind == int(WorkflowNodeKind::Trigger)) {
        p.addRoundedRect(r, kHeight / 2, kHeight / 2); // a pill: where runs start
    } else if (m_kind == int(WorkflowNodeKind::Flow)) {
        const double cut = 14; // a hexagon: the run chooses a way here
        p.moveTo(r.left() + cut, r.top());
        p.lineTo(r.right() - cut, r.top());
        p.lineTo(r.right(), r.center().y());
        p.lineTo(r.right() - cut, r.bottom());
        p.lineTo(r.left() + cut, r.bottom());
        p.lineTo(r.left(), r.center().y());
        p.closeSubpath();
    } else {
        p.addRoundedRect(r, 6, 6);
    }
    return p;
}

void WorkflowNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*)
{
    const QPalette pal = QGuiApplication::palette();
    painter->setRenderHint(QPainter::Antialiasing);
    const QPainterPath shape = outline();
    if (m_current) {
        painter->setPen(QPen(pal.color(QPalette::Highlight), 6));
        painter->drawPath(shape);
    }
    painter->setPen(QPen(borderOf(m_type), m_chosen ? 3.0 : 1.5,
                         m_kind == int(WorkflowNodeKind::Unknown) ? Qt::DashLine : Qt::SolidLine));
    painter->setBrush(fillOf(m_type));
    painter->drawPath(shape);

    const double inset = m_kind == int(WorkflowNodeKind::Action) ? 10 : 18;
    const QRectF text(-kWidth / 2 + inset, -kHeight / 2 + 5, kWidth - 2 * inset, kHeight - 10);
    QFont bold = painter->font();
    bold.setBold(true);
    painter->setFont(bold);
    painter->setPen(pal.color(QPalette::Text));
    const QFontMetricsF fmBold(bold);
    painter->drawText(QRectF(text.left(), text.top(), text.width(), text.height() / 2),
                      Qt::AlignCenter, fmBold.elidedText(m_id, Qt::ElideMiddle, text.width()));
    QFont small = painter->font();
    small.setBold(false);
    small.setPointSizeF(small.pointSizeF() * 0.85);
    painter->setFont(small);
    const QString second = m_chosen              ? tr("%1 · in the editor").arg(m_type)
                           : !m_forced.isEmpty() ? tr("%1 · forced: %2").arg(m_type, m_forced)
                                                 : m_type;
    painter->drawText(QRectF(text.left(), text.center().y(), text.width(), text.height() / 2),
                      Qt::AlignCenter,
                      QFontMetricsF(small).elidedText(second, Qt::ElideRight, text.width()));

    if (const QRectF b = badgeRect(); !b.isEmpty()) {
        const auto tone = m_errors ? SystemTheme::Tone::Problem : SystemTheme::Tone::Caution;
        painter->setPen(QPen(pal.color(QPalette::Base), 1.5));
        painter->setBrush(SystemTheme::color(tone));
        painter->drawEllipse(b);
        QFont f = small;
        f.setBold(true);
        painter->setFont(f);
        painter->setPen(QColor(SystemTheme::isDark() ? Qt::black : Qt::white));
        // "!" for errors, the count otherwise: the mark differs, not only the colour.
        painter->drawText(b, Qt::AlignCenter,
                          m_errors ? QStringLiteral("!%1").arg(m_errors)
                                   : QString::number(m_warnings));
    }
}

void WorkflowNodeItem::mousePressEvent(QGraphicsSceneMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        Q_EMIT clicked(m_index);
    event->accept();
}

void WorkflowNodeItem::hoverMoveEvent(QGraphicsSceneHoverEvent* event)
{
    // Over the badge the tooltip is the problems; elsewhere the node's name.
    const bool onBadge = badgeRect().adjusted(-3, -3, 3, 3).contains(event->pos());
    setToolTip(onBadge || !m_problemText.isEmpty()
                   ? QStringLiteral("%1 (%2)\n%3").arg(m_id, m_type, m_problemText)
                   : QStringLiteral("%1 (%2)").arg(m_id, m_type));
    QGraphicsObject::hoverMoveEvent(event);
}

void WorkflowScene::clearGraph()
{
    clear();
    m_nodes.clear();
    m_edgeLabels.clear();
    m_layer.clear();
    m_edges.clear();
}

void WorkflowScene::build(const WorkflowDocument& doc)
{
    clearGraph();
    const Workflow& w = doc.workflow();
    const WorkflowGraph& g = doc.graph();
    const auto layout = WorkflowLayout::compute(w, g, WorkflowNodeItem::kWidth,
                                                WorkflowNodeItem::kHeight, kGapX, kGapY);
    m_layer = layout.layer;
    const QPalette pal = QGuiApplication::palette();
    QColor line = pal.color(QPalette::Text);
    line.setAlphaF(0.6f);
    // Arrows first, so nodes are drawn over their ends.
    for (const auto& e : g.edges()) {
        const QPointF a = layout.centre[size_t(e.from)] + QPointF(0, WorkflowNodeItem::kHeight / 2);
        const QPointF b = layout.centre[size_t(e.to)] - QPointF(0, WorkflowNodeItem::kHeight / 2);
        QPainterPath path(a);
        const double bend = std::max(24.0, std::abs(b.y() - a.y()) / 2);
        // An arrow going up (a cycle) loops out to the side instead of crossing its nodes.
        path.cubicTo(a + QPointF(0, bend), b - QPointF(0, bend), b);
        Edge edge;
        edge.from = e.from;
        edge.path = addPath(path, QPen(line, 1.6));
        edge.path->setZValue(-1);
        QPolygonF head;
        head << b << b + QPointF(-5, -9) << b + QPointF(5, -9);
        edge.head = addPolygon(head, QPen(line), QBrush(line));
        edge.head->setZValue(-1);
        const auto& c = w.connections()[size_t(e.connection)];
        const QString label = c.fallback ? tr("fallback") : QString::fromStdString(c.outlet);
        m_edgeLabels.push_back(label);
        edge.outlet = c.fallback ? QStringLiteral("fallback") : QString::fromStdString(c.outlet);
        m_edges.push_back(edge);
        if (label.isEmpty())
            continue;
        auto* text = new QGraphicsSimpleTextItem(label);
        m_edges.back().text = text;
        QFont f = text->font();
        f.setItalic(true);
        text->setFont(f);
        text->setBrush(pal.color(QPalette::Text));
        auto* back = addRect(QRectF(), Qt::NoPen, pal.color(QPalette::Base));
        back->setZValue(-0.5);
        text->setZValue(-0.4);
        addItem(text);
        m_edges.back().back = back;
        m_edges.back().mid = path.pointAtPercent(0.5);
        placeLabel(m_edges.back());
    }
    const auto& nodes = w.nodes();
    for (size_t i = 0; i < nodes.size(); ++i) {
        auto* item =
            new WorkflowNodeItem(int(i), QString::fromStdString(nodes[i].id),
                                 QString::fromStdString(nodes[i].type), int(nodes[i].kind));
        item->setPos(layout.centre[i]);
        int errors = 0, warnings = 0;
        QStringList lines;
        for (const Diagnostic* d : doc.problemsOf(int(i))) {
            errors += d->severity == Severity::Error;
            warnings += d->severity == Severity::Warning;
            lines << QStringLiteral("%1:%2: %3: %4 [%5]")
                         .arg(d->range.begin.line)
                         .arg(d->range.begin.column)
                         .arg(QString::fromUtf8(severityName(d->severity)),
                              QString::fromStdString(d->message), QString::fromStdString(d->code));
        }
        item->setProblems(errors, warnings, lines.join(QLatin1Char('\n')));
        connect(item, &WorkflowNodeItem::clicked, this, &WorkflowScene::nodeClicked);
        addItem(item);
        m_nodes.push_back(item);
    }
    setSceneRect(itemsBoundingRect().adjusted(-16, -16, 16, 16));
}

void WorkflowScene::placeLabel(const Edge& e)
{
    const QRectF r = e.text->boundingRect();
    e.text->setPos(e.mid - QPointF(r.width() / 2, r.height() / 2));
    e.back->setRect(r.adjusted(-3, -1, 3, 1).translated(e.text->pos()));
}

void WorkflowScene::setForks(const std::map<std::string, std::string>& forks)
{
    const QPalette pal = QGuiApplication::palette();
    QColor line = pal.color(QPalette::Text);
    line.setAlphaF(0.6f);
    for (auto* item : m_nodes) {
        const auto f = forks.find(item->id().toStdString());
        item->setForced(f == forks.end() ? QString() : QString::fromStdString(f->second));
    }
    for (size_t i = 0; i < m_edges.size(); ++i) {
        Edge& e = m_edges[i];
        const auto f = forks.find(m_nodes[size_t(e.from)]->id().toStdString());
        const bool forkedNode = f != forks.end();
        e.forced = forkedNode && QString::fromStdString(f->second) == e.outlet;
        // Thick in the highlight colour when forced, dashed when a sibling is: the pen's
        // shape says it too, not only its colour.
        const QColor head = e.forced ? pal.color(QPalette::Highlight) : line;
        e.head->setPen(QPen(head));
        e.head->setBrush(head);
        e.path->setPen(e.forced     ? QPen(pal.color(QPalette::Highlight), 3.2)
                       : forkedNode ? QPen(line, 1.2, Qt::DashLine)
                                    : QPen(line, 1.6));
        if (e.text) {
            QFont font = e.text->font();
            font.setBold(e.forced);
            e.text->setFont(font);
            e.text->setText(e.forced ? tr("%1 · forced").arg(m_edgeLabels[i]) : m_edgeLabels[i]);
            placeLabel(e);
        }
    }
}

std::vector<bool> WorkflowScene::forcedEdges() const
{
    std::vector<bool> out;
    for (const Edge& e : m_edges)
        out.push_back(e.forced);
    return out;
}

} // namespace porthole
