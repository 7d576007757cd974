// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QMetaType>
#include <QString>

namespace porthole {

/// One thing that happened to a run, from whichever pane or peer saw it. The run ledger keeps
/// them so the Runs table, the Report tab, the timeline and the demo tell the same story.
struct RunEvent
{
    enum class Stage
    {
        Rendered,  ///< the node was rendered (which node, which context, strict or not)
        Published, ///< a message was published (topic, partition/offset, signed or not)
        Received,  ///< a message was seen on the topic by a watcher
        Reported,  ///< a status/result/output report (PATCH) was answered
        Logged,    ///< a log line was sent and answered
    };

    Stage stage = Stage::Received;
    QDateTime at;  ///< when it happened (UTC)
    QString runId; ///< the run it belongs to: wfnr_… for a node run, r_… for an action run
    QString workflowRunId; ///< wfr_… when known
    QString source;     ///< who saw it: "Porthole", "sandbox API", "watcher", "demo consumer", …
    QString summary;    ///< one line for the timeline
    QString detail;     ///< more lines (body, answer, where); may be empty
    QString status;     ///< Reported: IN_PROGRESS, COMPLETED, SUCCESS, FAILURE, … else empty
    QString result;     ///< Reported: SUCCESS / FAILED / … when given
    int httpStatus = 0; ///< Reported/Logged: the HTTP status answered (0: none)
    QString traceId;    ///< Reported/Logged: the answer's trace id when there is one
    qint64 latencyMs = -1;     ///< Reported/Logged: round trip as measured by the sender
    QString topic;             ///< Published/Received
    int partition = -1;        ///< Published/Received
    qint64 offset = -1;        ///< Published/Received
    bool signedByPort = false; ///< Published: signed like Port (X-Port-Signature)
    /// Received: the Runs table's sequence number of the message (finds its row), else -1.
    qint64 seq = -1;
};

/// The short name of a stage ("rendered", "published", …).
QString stageName(RunEvent::Stage stage);

} // namespace porthole

Q_DECLARE_METATYPE(porthole::RunEvent)
