// SPDX-License-Identifier: GPL-3.0-or-later
// `render --workflow … --run wfr_…` reads the run from Port's API: built into porthole-cli-net
// only (QtNetwork); porthole-cli's readRun (workflowrunelsewhere.cpp) runs the command there.
#include "command.h"
#include "workflowcli.h"

#include "core/jsonparser.h"
#include "core/workflowchain.h"
#include "portapi/portclient.h"
#include "portapi/portrequest.h"

namespace porthole::cli {

// GET /v1/workflows/runs/{wfr} → variables.outputs become the chain's, as recorded
// (WorkflowChain::useRun, shared with the app).
int readRun(const RenderArgs::Workflow& opts, ChainOptions* chain)
{
    QString error;
    const auto request = PortRequest::workflowRun(*opts.runId, &error);
    if (!request)
        return fail(QStringLiteral("--run"), error, UsageError);
    PortClient client(*opts.api);
    std::unique_ptr<PortCall> call(client.send(*request));
    call->waitForFinished();
    if (call->status() != 200)
        return fail(QStringLiteral("--run"),
                    QStringLiteral("GET %1 answered %2: %3")
                        .arg(request->path)
                        .arg(call->status())
                        .arg(call->errorString()),
                    call->status() == 404 ? InputError : ServiceError);
    // The answer as sent: redaction is for what is shown, not for values.
    const QByteArray body = call->rawBody();
    const JsonDocument doc =
        JsonParser::parse(std::string_view(body.constData(), size_t(body.size())));
    std::string why;
    if (!WorkflowChain::useRun(doc.root ? doc.root->toValue() : JsonValue(),
                               opts.runId->toStdString(), opts.node.toStdString(), chain, &why))
        return fail(QStringLiteral("--run"), QString::fromStdString(why), InputError);
    return Ok;
}

} // namespace porthole::cli
