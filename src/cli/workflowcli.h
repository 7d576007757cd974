// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lintargs.h"
#include "renderargs.h"

namespace porthole::cli {

/// `lint --workflow FILE`: WorkflowLinter's diagnostics in lint's formats (cmd_workflow.cpp).
int lintWorkflow(const LintArgs& args);

/// `render --workflow FILE --node ID`: the node rendered against its chained context, printed
/// as render prints; or, with --print-context, that context (cmd_workflow.cpp).
int renderWorkflow(const RenderArgs& args, const RenderOptions& options);

/// Prints a render as `render` does (messages, or the payload alone) and returns the exit
/// code; a failed render's errors go to stderr with positions in `file` (cmd_render.cpp).
int printRendered(const RenderedNode& r, const QString& file, bool payloadOnly);

} // namespace porthole::cli
