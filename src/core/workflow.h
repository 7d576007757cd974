// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonnode.h"

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace porthole {

/// What a node type is for: a trigger starts a run, an action does work and has an output,
/// a flow node (CONDITION, INPUT) chooses where the run goes next.
enum class WorkflowNodeKind
{
    Trigger,
    Action,
    Flow,
    Unknown
};

/// One outlet of a CONDITION or INPUT node (legacy documents call them `options`).
struct WorkflowOutlet
{
    std::string id;
    const JsonNode* json = nullptr;       // the outlet object
    const JsonNode* expression = nullptr; // CONDITION: the bare jq text (a string node)
};

struct WorkflowNode
{
    std::string id;
    std::string type; // config.type, "" when missing
    WorkflowNodeKind kind = WorkflowNodeKind::Unknown;
    const JsonNode* json = nullptr; // the node object
    std::vector<WorkflowOutlet> outlets;
};

struct WorkflowConnection
{
    std::string source;
    std::string target;
    std::string outlet; // sourceOutletIdentifier (or legacy sourceOptionIdentifier)
    bool fallback = false;
    const JsonNode* json = nullptr;
};

/// A parsed Port workflow document (port-reference.md §8): its nodes and connections, with the
/// JSON they came from, so every diagnostic points into the workflow file. Structural problems
/// (wrong types, missing or duplicate identifiers) are diagnostics; the graph is WorkflowGraph.
class Workflow
{
public:
    /// Parses `text`; the diagnostics cover JSON syntax and the document's shape.
    static Workflow parse(std::string_view text);

    bool ok() const { return m_doc.ok(); }
    const JsonNode* root() const { return m_doc.root.get(); }
    const Diagnostics& diagnostics() const { return m_doc.diagnostics; }
    std::string identifier() const;

    const std::vector<WorkflowNode>& nodes() const { return m_nodes; }
    const std::vector<WorkflowConnection>& connections() const { return m_connections; }
    /// Index of the node (the first one with that id), or -1.
    int indexOf(std::string_view id) const;
    const WorkflowNode* node(std::string_view id) const;
    /// Every node identifier, in document order (for did-you-mean).
    std::vector<std::string> identifiers() const;
    /// The `nodes` array, when there is one.
    const JsonNode* nodesJson() const { return m_nodesJson; }

    static WorkflowNodeKind kindOf(std::string_view type);

private:
    JsonDocument m_doc;
    const JsonNode* m_nodesJson = nullptr;
    std::vector<WorkflowNode> m_nodes;
    std::vector<WorkflowConnection> m_connections;
    std::unordered_map<std::string, int> m_index;
    void read();
};

} // namespace porthole
