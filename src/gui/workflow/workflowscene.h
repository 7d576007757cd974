// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QGraphicsObject>
#include <QGraphicsScene>

class QGraphicsPathItem;
class QGraphicsPolygonItem;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;

#include <map>
#include <string>
#include <vector>

namespace porthole {

class WorkflowDocument;

/// One node drawn: its shape says what kind it is (a pill for a trigger, a box for an action,
/// a hexagon for a flow node), its colour which type, then its id and type in words; a badge
/// counts its problems (red for errors, amber for warnings; the messages in its tooltip).
class WorkflowNodeItem : public QGraphicsObject
{
    Q_OBJECT
public:
    static constexpr double kWidth = 168, kHeight = 50;

    WorkflowNodeItem(int index, const QString& id, const QString& type, int kind,
                     QGraphicsItem* parent = nullptr);
    int index() const { return m_index; }
    QString id() const { return m_id; }
    QString nodeType() const { return m_type; }
    void setProblems(int errors, int warnings, const QString& messages);
    int errors() const { return m_errors; }
    int warnings() const { return m_warnings; }
    QString problemText() const { return m_problemText; }
    /// The keyboard's node (a focus ring) and the node in the editor (a pen mark).
    void setCurrent(bool on);
    void setChosen(bool on);
    bool isChosen() const { return m_chosen; }
    /// A CONDITION/INPUT node whose branch the user forced: the outlet, shown on the node.
    void setForced(const QString& outlet);
    QString forced() const { return m_forced; }
    /// The rectangle of the problems badge (empty without problems), item coordinates.
    QRectF badgeRect() const;

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

Q_SIGNALS:
    void clicked(int index);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void hoverMoveEvent(QGraphicsSceneHoverEvent* event) override;

private:
    int m_index;
    QString m_id, m_type;
    int m_kind;
    int m_errors = 0, m_warnings = 0;
    QString m_problemText;
    QString m_forced;
    bool m_current = false, m_chosen = false;
    QPainterPath outline() const;
};

/// The graph of an open workflow: one item per node, laid out in layers (WorkflowLayout), one
/// arrow per connection with its outlet (or "fallback") written on it.
class WorkflowScene : public QGraphicsScene
{
    Q_OBJECT
public:
    using QGraphicsScene::QGraphicsScene;

    /// Draws `doc` anew (it must be open).
    void build(const WorkflowDocument& doc);
    /// No workflow: nothing drawn.
    void clearGraph();
    const std::vector<WorkflowNodeItem*>& nodes() const { return m_nodes; }
    /// The arrows' labels, in connection order ("" for a plain connection).
    const std::vector<QString>& edgeLabels() const { return m_edgeLabels; }
    int edgeCount() const { return int(m_edgeLabels.size()); }
    /// The layer of each node (0: triggers), for the arrow keys.
    const std::vector<int>& layers() const { return m_layer; }
    /// Marks forced branches (CONDITION/INPUT id → outlet id or "fallback"): the forced
    /// connection is drawn thick and labelled "forced", its siblings dashed, the node badged.
    void setForks(const std::map<std::string, std::string>& forks);
    /// Whether each arrow (in edgeLabels' order) is a forced branch.
    std::vector<bool> forcedEdges() const;

Q_SIGNALS:
    void nodeClicked(int index);

private:
    std::vector<WorkflowNodeItem*> m_nodes;
    std::vector<QString> m_edgeLabels;
    std::vector<int> m_layer;
    struct Edge
    {
        int from = -1;
        QString outlet; // "fallback" for the fallback connection, "" for a plain one
        QGraphicsPathItem* path = nullptr;
        QGraphicsPolygonItem* head = nullptr;
        QGraphicsSimpleTextItem* text = nullptr;
        QGraphicsRectItem* back = nullptr; // behind the text, so arrows do not cross it
        QPointF mid;
        bool forced = false;
    };
    std::vector<Edge> m_edges;
    static void placeLabel(const Edge& e);
};

} // namespace porthole
