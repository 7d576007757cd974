// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/diagnostic.h"
#include "core/workflowgraph.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// A workflow file opened in the app: its bytes, the parsed workflow and graph, and each node's
/// problems (the workflow linter's, positions in the file). One node's text can be replaced by
/// an edited one; every other byte of the file stays exactly as it was (the parser's ranges say
/// where the node's object starts and ends). No widgets: tests use it without a display.
class WorkflowDocument
{
public:
    /// True when `text` is a workflow (an object with a `nodes` array), not a single node.
    static bool looksLikeWorkflow(const QByteArray& text);

    /// Takes the file's bytes; false when they are not a workflow (the document stays empty).
    bool load(const QString& path, const QByteArray& text);
    void clear();
    bool isOpen() const { return m_workflow != nullptr; }

    QString path() const { return m_path; }
    /// The file was saved under another name.
    void setPath(const QString& path) { m_path = path; }
    const QByteArray& text() const { return m_text; }
    const Workflow& workflow() const { return *m_workflow; }
    const WorkflowGraph& graph() const { return *m_graph; }
    /// Problems of the whole file (graph and templates), sorted by position.
    const Diagnostics& diagnostics() const { return m_diagnostics; }
    /// The problems inside node `index`'s object, or about a connection into it.
    std::vector<const Diagnostic*> problemsOf(int index) const;

    /// The bytes of node `index`'s object, exactly as in the file.
    QByteArray nodeText(int index) const;
    /// The file with node `index`'s object replaced by `nodeText` (nothing else changes).
    QByteArray withNode(int index, const QByteArray& nodeText) const;
    /// Replaces node `index`'s object and parses again; false (nothing changed) with `error`
    /// when the result is no longer a workflow with that node at that place.
    bool replaceNode(int index, const QByteArray& nodeText, QString* error);

private:
    QString m_path;
    QByteArray m_text;
    std::unique_ptr<Workflow> m_workflow; // the graph points into it: it never moves
    std::unique_ptr<WorkflowGraph> m_graph;
    Diagnostics m_diagnostics;
    std::vector<int> m_owner; // per diagnostic: the node it belongs to, or -1
    bool parse(const QByteArray& text);
};

} // namespace porthole
