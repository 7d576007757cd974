// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lintargs.h"
#include "renderargs.h"

#include "core/workflowchain.h"

namespace porthole::cli {

/// `lint --workflow FILE`: WorkflowLinter's diagnostics in lint's formats (cmd_workflow.cpp).
int lintWorkflow(const LintArgs& args);

/// `render --workflow FILE --node ID`: the node rendered against its chained context, printed
/// as render prints; or, with --print-context, that context (cmd_workflow.cpp).
int renderWorkflow(const RenderArgs& args, const RenderOptions& options);

/// `render --workflow … --run wfr_…`: the outputs a real run's nodes produced become the
/// chain's. 0, or the exit code after failing (workflowrun.cpp in porthole-cli-net; in
/// porthole-cli it runs the command there).
int readRun(const RenderArgs::Workflow& opts, ChainOptions* chain);

/// Prints a render as `render` does (messages, or the payload alone) and returns the exit
/// code; a failed render's errors go to stderr with positions in `file` (cmd_render.cpp).
int printRendered(const RenderedNode& r, const QString& file, bool payloadOnly);

} // namespace porthole::cli
