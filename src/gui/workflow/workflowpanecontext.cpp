// SPDX-License-Identifier: GPL-3.0-or-later
// WorkflowPane's second half: the chained context and where its parts came from, the mocks,
// and moving between nodes with the keyboard.
#include "core/jsonparser.h"
#include "core/jswriter.h"
#include "core/workflowoutputs.h"
#include "gui/session/session.h"
#include "template/workflowcontext.h"
#include "workflowmocks.h"
#include "workflowpane.h"
#include "workflowscene.h"
#include "workflowview.h"

#include <QFileInfo>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTreeWidget>

#include <cmath>

namespace porthole {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

QString outputsPath(const std::string& id)
{
    return QStringLiteral(".outputs[\"%1\"]").arg(q(id));
}

} // namespace

void WorkflowPane::updateContext()
{
    if (m_chosen < 0)
        return;
    m_chain = WorkflowContext::build(m_doc.workflow(), m_doc.graph(), m_chosen, chainOptions());
    showSources();
    if (!m_chain.ok)
        return;
    const std::string json = JsWriter::stringify(m_chain.context, 2);
    Q_EMIT m_session->contextOfferedFrom(QByteArray(json.data(), qsizetype(json.size())), m_origin);
}

void WorkflowPane::showSources()
{
    const Workflow& w = m_doc.workflow();
    const auto& nodes = w.nodes();
    const WorkflowNode& target = nodes[size_t(m_chosen)];
    m_sources->clear();
    QStringList lines, path;
    const auto row = [&](const QString& part, const QString& from, int node) {
        auto* item = new QTreeWidgetItem(m_sources, {part, from});
        item->setData(0, Qt::UserRole, node);
        item->setToolTip(1, from);
        lines << QStringLiteral("%1: %2").arg(part, from);
    };
    if (!m_chain.ok) {
        row(tr("(no context)"), q(m_chain.error), -1);
        m_nodeSummary->setText(tr("<b>%1</b> (KAFKA) is in the editor, but no run reaches it: %2")
                                   .arg(q(target.id).toHtmlEscaped(), q(m_chain.error)));
        m_origin = lines.join(QLatin1Char('\n'));
        return;
    }
    for (int n : m_chain.path)
        path << q(nodes[size_t(n)].id);
    for (size_t k = 0; k + 1 < m_chain.path.size(); ++k) {
        const WorkflowNode& n = nodes[size_t(m_chain.path[k])];
        const auto it = m_chain.sources.find(n.id);
        if (it == m_chain.sources.end())
            continue; // a CONDITION gives no output
        const QString from = describeSource(q(it->second));
        if (k == 0)
            row(tr(".outputs.trigger (%1)").arg(q(n.id)), from, m_chain.path[k]);
        else
            row(outputsPath(n.id), from, m_chain.path[k]);
    }
    row(tr(".workflow"), tr("the workflow's identifier"), -1);
    if (m_runId.isEmpty())
        row(tr(".workflowRun, .workflowNodeRun"), tr("fresh ids (generated for this preview)"), -1);
    else if (chainOptions().base.find("workflowNodeRun"))
        row(tr(".workflowRun, .workflowNodeRun"),
            tr("run %1 and its node run of %2").arg(m_runId, q(target.id)), -1);
    else
        row(tr(".workflowRun, .workflowNodeRun"),
            tr("run %1; a fresh node run id (the run has not reached %2)")
                .arg(m_runId, q(target.id)),
            -1);
    const auto secrets = WorkflowContext::secretNames(w);
    if (!secrets.empty()) {
        QStringList names;
        for (const auto& s : secrets)
            names << q(s);
        row(tr(".secrets"), tr("placeholders for %1").arg(names.join(QStringLiteral(", "))), -1);
    }
    for (const auto& note : m_chain.notes) {
        QString text = q(note);
        // Said plainly: a forced branch is the user's choice, not what the run would do.
        if (text.endsWith(QLatin1String("(forced)")))
            text.replace(text.size() - 8, 8, tr("(forced by you: Branch at, in the Workflow tab)"));
        row(tr("branch"), text, -1);
    }
    // Laid out and painted now: under load the delayed layout left the old rows on screen.
    m_sources->doItemsLayout();
    m_sources->viewport()->update();
    // The mock editor keeps the node it showed; at first it shows the trigger's inputs.
    if (m_mockTarget < 0 || m_mockTarget == m_chosen)
        m_sources->setCurrentItem(m_sources->topLevelItem(0));
    else
        setMockTarget(m_mockTarget);
    m_nodeSummary->setText(
        tr("<b>%1</b> (KAFKA) is in the editor; its context is the run "
           "%2. Select a part to give that node an output of your own.")
            .arg(q(target.id).toHtmlEscaped(), path.join(QStringLiteral(" → ")).toHtmlEscaped()));
    m_origin =
        tr("Chained context of node \"%1\" in %2 (run %3)%4:\n")
            .arg(q(target.id), QFileInfo(m_doc.path()).fileName(), path.join(QStringLiteral(" → ")),
                 m_runId.isEmpty() ? QString() : tr(", from workflow run %1").arg(m_runId)) +
        lines.join(QLatin1Char('\n'));
}

void WorkflowPane::setMockTarget(int index)
{
    m_mockTarget = index;
    const WorkflowNode& node = m_doc.workflow().nodes()[size_t(index)];
    const auto mock = m_mocks.find(node.id);
    const bool trigger = node.kind == WorkflowNodeKind::Trigger;
    m_mockLabel->setText((trigger ? tr("&Inputs of %1 (%2), as .outputs.trigger:")
                                  : tr("&Output of %1 (%2) before its variables:"))
                             .arg(q(node.id), q(node.type)));
    // While a run is the context, the editor shows what the run recorded for the node.
    if (const auto recorded = recordedOutput(node)) {
        m_mockEdit->setPlainText(q(JsWriter::stringify(*recorded, 2)));
        m_mockStatus->setText(
            tr("As run %1 recorded it (a mock applies after Back to mocks).").arg(m_runId));
        return;
    }
    const JsonValue shown =
        mock != m_mocks.end() ? mock->second : WorkflowOutputs::defaultOutput(node);
    m_mockEdit->setPlainText(q(JsWriter::stringify(shown, 2)));
    m_mockStatus->setText(mock != m_mocks.end() ? tr("Your mock.") : tr("The type's default."));
}

bool WorkflowPane::setMock(const QString& id, const QByteArray& json, QString* error)
{
    const JsonDocument doc =
        JsonParser::parse(std::string_view(json.constData(), size_t(json.size())));
    if (!doc.ok()) {
        const Diagnostic& d = doc.diagnostics.front();
        *error = tr("Not applied: line %1, column %2: %3")
                     .arg(d.range.begin.line)
                     .arg(d.range.begin.column)
                     .arg(q(d.message));
        return false;
    }
    m_mocks[id.toStdString()] = doc.root->toValue();
    WorkflowMocks::save(m_doc.path(), m_mocks);
    m_mockStatus->setText(tr("Your mock: remembered for this file, never written into it."));
    updateContext();
    return true;
}

void WorkflowPane::clearMock(const QString& id)
{
    m_mocks.erase(id.toStdString());
    WorkflowMocks::save(m_doc.path(), m_mocks);
    const int index = m_doc.workflow().indexOf(id.toStdString());
    if (index == m_mockTarget && index >= 0)
        setMockTarget(index);
    updateContext();
}

void WorkflowPane::setCurrentIndex(int index)
{
    m_current = index;
    for (auto* item : m_scene->nodes())
        item->setCurrent(item->index() == index);
    if (index < 0 || size_t(index) >= m_scene->nodes().size())
        return;
    WorkflowNodeItem* item = m_scene->nodes()[size_t(index)];
    m_view->ensureVisible(item, 8, 8);
    // A screen reader hears the node and its problems as the keyboard moves.
    m_view->setAccessibleDescription(tr("%1, %2, %3 error(s), %4 warning(s)")
                                         .arg(item->id(), item->nodeType())
                                         .arg(item->errors())
                                         .arg(item->warnings()));
    m_view->setToolTip(item->problemText());
}

void WorkflowPane::moveCurrent(int key)
{
    const auto& items = m_scene->nodes();
    if (items.empty())
        return;
    if (m_current < 0) {
        setCurrentIndex(0);
        return;
    }
    const QPointF at = items[size_t(m_current)]->pos();
    const int layer = m_scene->layers()[size_t(m_current)];
    int best = -1;
    double bestScore = 1e18;
    for (const auto* item : items) {
        const QPointF p = item->pos();
        const int l = m_scene->layers()[size_t(item->index())];
        double score = -1;
        if ((key == Qt::Key_Left && l == layer && p.x() < at.x()) ||
            (key == Qt::Key_Right && l == layer && p.x() > at.x()))
            score = std::abs(p.x() - at.x());
        else if ((key == Qt::Key_Up && l < layer) || (key == Qt::Key_Down && l > layer))
            score = std::abs(l - layer) * 1e6 + std::abs(p.x() - at.x()); // nearest layer first
        if (score >= 0 && score < bestScore) {
            bestScore = score;
            best = item->index();
        }
    }
    if (best >= 0)
        setCurrentIndex(best);
}

void WorkflowPane::step(bool forward, bool* taken)
{
    const int n = int(m_scene->nodes().size());
    const int next = m_current < 0 ? (forward ? 0 : n - 1) : m_current + (forward ? 1 : -1);
    if (next < 0 || next >= n)
        return; // past the last node the focus leaves the graph
    setCurrentIndex(next);
    *taken = true;
}

} // namespace porthole
