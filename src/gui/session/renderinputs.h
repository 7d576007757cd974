// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/messagedecoder.h"
#include "template/noderenderer.h"

#include <QObject>

namespace porthole {

/// What the node is rendered against: the context in force, the options and, in words, where
/// the context came from. The Preview tab sets them; the node pane, the Report tab, the ledger
/// and the consumer check read them.
class RenderInputs : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;

    const JsonValue& context() const { return m_context; }
    const RenderOptions& options() const { return m_options; }
    /// The preset's name (", edited") or the context file, for the run timeline.
    QString description() const { return m_description; }
    /// The run ids the context names (workflowRun, workflowNodeRun, run).
    RunIds runIds() const;
    /// The run a report on this context would address: the node run, else the action run.
    QString primaryRunId() const;

    void set(const JsonValue& context, const RenderOptions& options, const QString& description);
    /// The node file being rendered (empty: untitled; ":/…" a bundled example).
    QString nodeFile() const { return m_nodeFile; }
    void setNodeFile(const QString& path) { m_nodeFile = path; }

Q_SIGNALS:
    /// The context or an option changed: the node must be rendered again.
    void changed();

private:
    JsonValue m_context = JsonValue::object();
    RenderOptions m_options;
    QString m_description;
    QString m_nodeFile;
};

} // namespace porthole
