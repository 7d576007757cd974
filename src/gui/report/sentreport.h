// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "models/runevent.h"
#include "portapi/portresponse.h"
#include "portapi/reportendpoint.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

namespace porthole {

class PortCall;

/// One report the Report tab sent and what the API answered, as kept in the tab's history and
/// told to the run ledger. Built from the call's redacted exchanges: it never holds the client
/// secret or the token.
struct SentReport
{
    QDateTime at; ///< when it was sent (UTC)
    ReportEndpoint endpoint;
    QString runId;
    QString workflowRunId;
    QString status; ///< as sent; empty when left as it is
    QString result;
    int logLines = 0;
    QByteArray method;
    QString url;
    QByteArray requestBody; ///< redacted
    int httpStatus = 0;     ///< 0: no answer
    QString reason;         ///< HTTP reason phrase
    QString error;          ///< the call's one-line error (transport or refusal)
    qint64 latencyMs = -1;  ///< the report's own round trip
    qint64 totalMs = -1;    ///< with the login and retries
    qint64 responseBytes = 0;
    QString traceId;
    QByteArray responseBody;       ///< redacted
    QStringList calls;             ///< one line per exchange the call made (login, retries)
    PortResponse::Problem problem; ///< read from a refusal's body

    /// Reads a finished call to `url`; `totalMs` is what the sender measured around it.
    static SentReport fromCall(const PortCall& call, const QString& url,
                               const ReportEndpoint& endpoint, const QString& runId,
                               const QString& workflowRunId, int logLines, qint64 totalMs);

    bool isSuccess() const { return httpStatus >= 200 && httpStatus < 300; }
    /// "COMPLETED/SUCCESS", "IN_PROGRESS", "output only", "2 log lines", …
    QString whatWasSent() const;
    /// The answer for a reader: status line, what a refusal means (which field), the body
    /// pretty-printed, then the request as sent and the calls it took.
    QString text() const;
    /// The ledger's event: Reported (PATCH) or Logged (…/logs), source "Porthole".
    RunEvent toEvent() const;
};

} // namespace porthole
