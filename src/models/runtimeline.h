// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runevent.h"

#include <QString>
#include <QVector>

namespace porthole {

/// One run's story as text: the lines the timeline shows and what its Copy buttons put on the
/// clipboard. QtCore only, so the wording is tested without a display.
namespace RunTimeline {

/// The gap between two events, as the timeline shows it: "+0 ms", "+35 ms", "+1.2 s",
/// "+2 min 05 s", "+1 h 02 min".
QString gapText(qint64 ms);
/// When an event happened, local time with milliseconds ("14:03:07.125").
QString timeText(const QDateTime& at);
/// One line about the event: its summary, then the facts its stage has (where it went, the
/// status and result, the HTTP answer, trace id, latency, signed or not).
QString describe(const RunEvent& event);
/// The story as plain text: a title line, then one line per event (time, gap, stage, source,
/// description) with its detail indented below.
QString toText(const QString& runId, const QVector<RunEvent>& events);
/// A workflow run's node runs, one line each ("  node build-image  wfnr_…  COMPLETED · SUCCESS"),
/// under a title line; empty when `nodeRuns` is. `states[i]` is node run i's state text.
QString nodeRunsText(const QString& workflowRunId, const QStringList& nodes,
                     const QStringList& runIds, const QStringList& states);
/// The story as a Markdown table (pipes and line breaks in the cells escaped).
QString toMarkdown(const QString& runId, const QVector<RunEvent>& events);

} // namespace RunTimeline

} // namespace porthole
