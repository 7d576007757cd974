// SPDX-License-Identifier: GPL-3.0-or-later
// WorkflowPane's third part: the branches the user forces at CONDITION/INPUT nodes (the
// "Branch at" combos and the graph's node menu), remembered per file.
#include "workflowmocks.h"
#include "workflowpane.h"
#include "workflowscene.h"
#include "workflowview.h"

#include <QActionGroup>
#include <QBoxLayout>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>

namespace porthole {

namespace {

QString q(const std::string& s)
{
    return QString::fromStdString(s);
}

// The ways out of a flow node: its outlets ("id — title"), then fallback when a connection
// takes it. Each entry is {outlet key, words}.
std::vector<std::pair<QString, QString>> waysOut(const Workflow& w, const WorkflowNode& n)
{
    std::vector<std::pair<QString, QString>> out;
    for (const auto& o : n.outlets) {
        const JsonNode* title = o.json ? o.json->member("title") : nullptr;
        out.emplace_back(q(o.id), title && title->isString()
                                      ? QStringLiteral("%1 — %2").arg(q(o.id), q(title->string))
                                      : q(o.id));
    }
    for (const auto& c : w.connections())
        if (c.source == n.id && c.fallback) {
            out.emplace_back(QStringLiteral("fallback"), WorkflowPane::tr("fallback"));
            break;
        }
    return out;
}

QString automaticText(const WorkflowNode& n)
{
    return n.type == "CONDITION" ? WorkflowPane::tr("Automatic (evaluated with jq)")
                                 : WorkflowPane::tr("Automatic (the first outlet)");
}

} // namespace

void WorkflowPane::setupBranches(QLayout* details)
{
    // One row, hidden whole when the workflow has no CONDITION or INPUT node.
    auto* row = new QWidget(this);
    row->setObjectName(QStringLiteral("workflowForkRow"));
    m_forkLabel = new QLabel(tr("&Branch at"), row);
    m_forkNode = new QComboBox(row);
    m_forkNode->setObjectName(QStringLiteral("workflowForkNode"));
    m_forkNode->setAccessibleName(tr("CONDITION or INPUT node"));
    m_forkNode->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_forkLabel->setBuddy(m_forkNode);
    m_forkOutlet = new QComboBox(row);
    m_forkOutlet->setObjectName(QStringLiteral("workflowForkOutlet"));
    m_forkOutlet->setAccessibleName(tr("The way it takes"));
    auto* forks = new QHBoxLayout(row);
    forks->setContentsMargins(0, 0, 0, 0);
    forks->addWidget(m_forkLabel);
    forks->addWidget(m_forkNode);
    forks->addWidget(new QLabel(tr("takes"), row));
    forks->addWidget(m_forkOutlet, 1);
    if (auto* box = qobject_cast<QBoxLayout*>(details))
        box->insertWidget(2, row); // under the status and summary, above the sources

    connect(m_forkNode, &QComboBox::currentIndexChanged, this, [this] { showForkOutlets(); });
    connect(m_forkOutlet, &QComboBox::activated, this, [this](int i) {
        setFork(m_forkNode->currentData().toString(), m_forkOutlet->itemData(i).toString());
    });
}

void WorkflowPane::fillForks()
{
    const QSignalBlocker block(m_forkNode);
    const QString was = m_forkNode->currentData().toString();
    m_forkNode->clear();
    for (const auto& n : m_doc.workflow().nodes())
        if (n.kind == WorkflowNodeKind::Flow && !n.id.empty())
            m_forkNode->addItem(QStringLiteral("%1 (%2)").arg(q(n.id), q(n.type)), q(n.id));
    const int at = m_forkNode->findData(was);
    m_forkNode->setCurrentIndex(at >= 0 ? at : 0);
    // No CONDITION or INPUT node: nothing to force, so nothing shown.
    m_forkLabel->parentWidget()->setVisible(m_forkNode->count() > 0);
    showForkOutlets();
}

void WorkflowPane::showForkOutlets()
{
    const QSignalBlocker block(m_forkOutlet);
    m_forkOutlet->clear();
    const int index = m_doc.workflow().indexOf(m_forkNode->currentData().toString().toStdString());
    if (index < 0)
        return;
    const WorkflowNode& n = m_doc.workflow().nodes()[size_t(index)];
    m_forkOutlet->addItem(automaticText(n), QString());
    for (const auto& [key, words] : waysOut(m_doc.workflow(), n))
        m_forkOutlet->addItem(tr("%1 (forced)").arg(words), key);
    const int at = m_forkOutlet->findData(fork(q(n.id)));
    m_forkOutlet->setCurrentIndex(at >= 0 ? at : 0);
}

QString WorkflowPane::fork(const QString& id) const
{
    const auto f = m_forks.find(id.toStdString());
    return f == m_forks.end() ? QString() : q(f->second);
}

bool WorkflowPane::setFork(const QString& id, const QString& outlet)
{
    if (!m_doc.isOpen())
        return false;
    const int index = m_doc.workflow().indexOf(id.toStdString());
    if (index < 0 || m_doc.workflow().nodes()[size_t(index)].kind != WorkflowNodeKind::Flow)
        return false;
    if (!outlet.isEmpty()) {
        bool known = false;
        for (const auto& way : waysOut(m_doc.workflow(), m_doc.workflow().nodes()[size_t(index)]))
            known = known || way.first == outlet;
        if (!known)
            return false;
        m_forks[id.toStdString()] = outlet.toStdString();
    } else {
        m_forks.erase(id.toStdString());
    }
    WorkflowMocks::saveForks(m_doc.path(), m_forks);
    m_scene->setForks(m_forks);
    if (m_forkNode->currentData().toString() == id)
        showForkOutlets();
    updateContext();
    return true;
}

void WorkflowPane::nodeMenu(const QPoint& globalPos, int index)
{
    if (index < 0)
        index = m_current;
    if (index < 0 || !m_doc.isOpen())
        return;
    setCurrentIndex(index);
    const WorkflowNode& n = m_doc.workflow().nodes()[size_t(index)];
    QMenu menu(this);
    if (n.type == "KAFKA")
        menu.addAction(tr("&Edit this node"), this, [this, index] { choose(index); });
    else if (n.kind != WorkflowNodeKind::Flow)
        menu.addAction(n.kind == WorkflowNodeKind::Trigger ? tr("Give it &inputs…")
                                                           : tr("Give it an &output…"),
                       this, [this, index] {
                           setMockTarget(index);
                           m_mockEdit->setFocus();
                       });
    if (n.kind == WorkflowNodeKind::Flow) {
        menu.addSection(tr("Branch at %1").arg(q(n.id)));
        auto* group = new QActionGroup(&menu);
        const QString now = fork(q(n.id));
        const QString id = q(n.id);
        auto add = [&](const QString& text, const QString& key) {
            QAction* a = menu.addAction(text, this, [this, id, key] { setFork(id, key); });
            a->setCheckable(true);
            a->setChecked(key == now);
            group->addAction(a);
        };
        add(QLatin1Char('&') + automaticText(n), QString());
        for (const auto& [key, words] : waysOut(m_doc.workflow(), n))
            add(tr("Force %1").arg(words), key);
    }
    if (menu.isEmpty())
        return;
    QPoint at = globalPos;
    if (globalPos.isNull()) // from the keyboard: at the node
        at = m_view->mapToGlobal(m_view->mapFromScene(m_scene->nodes()[size_t(index)]->pos()));
    menu.exec(at);
}

} // namespace porthole
