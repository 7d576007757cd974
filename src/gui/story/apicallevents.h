// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runevent.h"
#include "portapi/localapicall.h"
#include "portapi/portclientconfig.h"

#include <QVector>

namespace porthole {

/// What one call to the sandbox's local Port API tells about a run, as run-ledger events: a
/// status report (PATCH on a node run, on a workflow run's node, on a classic action run), log
/// lines (POST …/logs), a classic log's terminationStatus. Calls about no run (login, reads)
/// give none. Bodies may be cut or not JSON; the path alone still names the run.
namespace ApiCallEvents {

/// The User-Agent prefix of Porthole's own Report tab: its reports are recorded by the tab
/// itself (with latency and trace id), so the sandbox's copy of them is skipped.
inline constexpr const char* kReportAgentPrefix = kReportUserAgentPrefix;

/// True when the call came from Porthole's Report tab.
bool fromReportTab(const LocalApiCall& call);
/// The events the call makes (empty for calls about no run).
QVector<RunEvent> fromCall(const LocalApiCall& call);

} // namespace ApiCallEvents

} // namespace porthole
