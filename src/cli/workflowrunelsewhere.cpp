// SPDX-License-Identifier: GPL-3.0-or-later
// porthole-cli's readRun: reading a run needs Port's API (QtNetwork), which only
// porthole-cli-net links, so the whole command runs there (command.h: networkCommands).
#include "command.h"
#include "workflowcli.h"

namespace porthole::cli {

int readRun(const RenderArgs::Workflow&, ChainOptions*)
{
    return runInNetworkCli();
}

} // namespace porthole::cli
