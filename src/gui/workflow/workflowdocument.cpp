// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowdocument.h"

#include "core/jsonparser.h"
#include "template/workflowlinter.h"

#include <QObject>

namespace porthole {

namespace {

std::string_view view(const QByteArray& b)
{
    return {b.constData(), size_t(b.size())};
}

bool contains(const SourceRange& outer, int64_t offset)
{
    return offset >= outer.begin.offset && offset < outer.end.offset;
}

} // namespace

bool WorkflowDocument::looksLikeWorkflow(const QByteArray& text)
{
    // A node has `config`; a workflow has `nodes` (an array) and no `config` of its own.
    const JsonDocument doc = JsonParser::parse(view(text));
    if (!doc.ok() || !doc.root->isObject())
        return false;
    const JsonNode* nodes = doc.root->member("nodes");
    return nodes && nodes->isArray() && !doc.root->member("config");
}

bool WorkflowDocument::load(const QString& path, const QByteArray& text)
{
    clear();
    if (!looksLikeWorkflow(text) || !parse(text)) {
        clear();
        return false;
    }
    m_path = path;
    return true;
}

void WorkflowDocument::clear()
{
    m_graph.reset();
    m_workflow.reset();
    m_text.clear();
    m_path.clear();
    m_diagnostics.clear();
    m_owner.clear();
}

bool WorkflowDocument::parse(const QByteArray& text)
{
    auto workflow = std::make_unique<Workflow>(Workflow::parse(view(text)));
    if (!workflow->ok() || !workflow->nodesJson())
        return false;
    m_graph.reset();
    m_workflow = std::move(workflow);
    m_graph = std::make_unique<WorkflowGraph>(*m_workflow);
    m_text = text;
    m_diagnostics = WorkflowLinter::lint(view(m_text), *m_workflow, *m_graph);
    // Each problem belongs to the node whose object holds it; one about a connection to the
    // node the connection leads to (that is where the run would go wrong).
    m_owner.assign(m_diagnostics.size(), -1);
    const auto& nodes = m_workflow->nodes();
    for (size_t d = 0; d < m_diagnostics.size(); ++d) {
        const int64_t at = m_diagnostics[d].range.begin.offset;
        for (size_t i = 0; i < nodes.size() && m_owner[d] < 0; ++i)
            if (contains(nodes[i].json->range, at))
                m_owner[d] = int(i);
        for (const auto& c : m_workflow->connections())
            if (m_owner[d] < 0 && c.json && contains(c.json->range, at))
                m_owner[d] = m_workflow->indexOf(c.target);
    }
    return true;
}

std::vector<const Diagnostic*> WorkflowDocument::problemsOf(int index) const
{
    std::vector<const Diagnostic*> out;
    for (size_t d = 0; d < m_diagnostics.size(); ++d)
        if (m_owner[d] == index)
            out.push_back(&m_diagnostics[d]);
    return out;
}

QByteArray WorkflowDocument::nodeText(int index) const
{
    const SourceRange& r = m_workflow->nodes()[size_t(index)].json->range;
    return m_text.mid(qsizetype(r.begin.offset), qsizetype(r.end.offset - r.begin.offset));
}

QByteArray WorkflowDocument::withNode(int index, const QByteArray& nodeText) const
{
    const SourceRange& r = m_workflow->nodes()[size_t(index)].json->range;
    QByteArray out = m_text.left(qsizetype(r.begin.offset));
    out += nodeText;
    out += m_text.mid(qsizetype(r.end.offset));
    return out;
}

bool WorkflowDocument::replaceNode(int index, const QByteArray& nodeText, QString* error)
{
    if (nodeText == this->nodeText(index))
        return true;
    const std::string id = m_workflow->nodes()[size_t(index)].id;
    const QByteArray text = withNode(index, nodeText);
    auto keep = std::move(m_workflow);
    auto keepGraph = std::move(m_graph);
    const Diagnostics keepDiags = m_diagnostics;
    const std::vector<int> keepOwner = m_owner;
    const QByteArray keepText = m_text;
    // The edited node must still parse as one node at the same place; otherwise the file keeps
    // its last good text and the editor says what is wrong.
    const JsonDocument node = JsonParser::parse(view(nodeText));
    if (node.ok() && node.root->isObject() && parse(text) &&
        m_workflow->nodes().size() == keep->nodes().size())
        return true;
    m_graph = std::move(keepGraph);
    m_workflow = std::move(keep);
    m_diagnostics = keepDiags;
    m_owner = keepOwner;
    m_text = keepText;
    if (error)
        *error = QObject::tr("node \"%1\" is not a JSON object that fits back into the workflow")
                     .arg(QString::fromStdString(id));
    return false;
}

} // namespace porthole
