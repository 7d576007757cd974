// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

#include "portapi/portclientconfig.h"
#include "template/noderenderer.h"

#include <optional>
#include <utility>
#include <variant>
#include <vector>

namespace porthole::cli {

/// What `porthole-cli render` was asked to do (files named, not read yet).
struct RenderArgs
{
    QString nodeFile;
    std::optional<QString> contextFile;
    std::optional<QString> envelopeFile;
    RenderOptions options; ///< strict, array mode, timeout, isolation, orgId (no envelope yet)
    bool payloadOnly = false;

    /// --workflow: render node `node` of a workflow with its chained context.
    struct Workflow
    {
        QString file;
        QString node;
        std::optional<QString> inputsFile;
        std::vector<std::pair<QString, QString>> mocks;    ///< --mock NODE=FILE.json
        std::vector<std::pair<QString, QString>> branches; ///< --branch NODE=OUTLET|fallback
        /// --run wfr_…: the outputs come from that run (GET /v1/workflows/runs/{wfr} on --api).
        std::optional<QString> runId;
        std::optional<PortClientConfig> api;
        bool printContext = false;
    };
    std::optional<Workflow> workflow;
};

/// Parses render's arguments (args[0] is "render"). An int is the exit code after --help or
/// a usage error, already printed as the command always has.
std::variant<int, RenderArgs> parseRenderArgs(const QStringList& args);

} // namespace porthole::cli
