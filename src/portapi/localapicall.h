// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "portroute.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

namespace porthole {

/// One request the local Port API answered, as recorded for whoever checks a consumer: what was
/// called, with which body (secrets redacted, cut at kKeptBodyBytes) and how the API answered.
/// Refused calls matter most: they are the consumer's bugs (FAILURE on a workflow route, a
/// report for an unknown run, a body over 1 MiB, …).
struct LocalApiCall
{
    /// Bodies are kept up to this size (a 413 body is known by its size alone).
    static constexpr qsizetype kKeptBodyBytes = 16 * 1024;

    QDateTime at;      ///< when it was answered (UTC)
    QByteArray method; ///< GET, POST, PATCH, …
    QString path;      ///< e.g. /v1/workflows/nodes/runs/wfnr_…
    /// The route the method and path matched (PortRoutes::match) and the ids they carry, so
    /// whoever reads the call never parses its path again.
    PortRouteMatch route;
    int status = 0; ///< the HTTP status answered
    QString error;  ///< Port's "message" when refused, else empty
    /// The fault answered instead of handling the call (LocalApiFaults), else empty.
    QString fault;
    QByteArray body;        ///< the request body, redacted and cut at kKeptBodyBytes
    qsizetype bodySize = 0; ///< the whole body's size in bytes
    /// The request's User-Agent (who called: Porthole's Report tab sends "Porthole-Report/…",
    /// so the run ledger does not count its reports twice).
    QByteArray userAgent;

    /// True when the API refused the call (4xx/5xx).
    bool refused() const { return status >= 400; }
};

} // namespace porthole
