// SPDX-License-Identifier: GPL-3.0-or-later
#include "renderinputs.h"

namespace porthole {

namespace {
RunId idAt(const JsonValue& v)
{
    return v.isString() ? RunId::parse(v.toString()) : RunId();
}
} // namespace

RunIds RenderInputs::runIds() const
{
    RunIds ids;
    ids.workflowRun = idAt(m_context["workflowRun"]["identifier"]);
    ids.nodeRun = idAt(m_context["workflowNodeRun"]["identifier"]);
    ids.actionRun = idAt(m_context["run"]["id"]);
    return ids;
}

QString RenderInputs::primaryRunId() const
{
    const RunIds ids = runIds();
    const RunId& id = !ids.nodeRun.isNull() ? ids.nodeRun : ids.actionRun;
    return QString::fromStdString(id.text());
}

void RenderInputs::set(const JsonValue& context, const RenderOptions& options,
                       const QString& description)
{
    m_context = context;
    m_options = options;
    m_description = description;
    Q_EMIT changed();
}

} // namespace porthole
