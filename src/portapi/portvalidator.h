// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QStringView>

namespace porthole {

// Port's request rules in one place (port-reference.md §5), used by the client before it sends
// and by the local Port API to answer 422 exactly where Port would. Workflow nodes use FAILED,
// classic action runs use FAILURE: mixing them up is a known bug source, so each check names
// the right value in its message.
namespace PortValidator {

/// Port refuses request bodies over 1 MiB with 413.
inline constexpr qsizetype kMaxBodyBytes = 1024 * 1024;

/// True for `wfnr_` + 16 letters/digits.
bool isNodeRunId(QStringView id);
/// True for `wfr_` + 16 letters/digits.
bool isWorkflowRunId(QStringView id);
/// True for `r_` + 16 letters/digits.
bool isActionRunId(QStringView id);
/// True when `id` is safe as one URL path segment (letters, digits, '_' and '-').
bool isPathSafeId(QStringView id);

/// Body of PATCH /v1/workflows/nodes/runs/{wfnr}; "" when valid, else a one-line reason.
QString nodeRunUpdate(const QJsonObject& body);
/// Body of POST /v1/workflows/nodes/runs/{wfnr}/logs; "" when valid.
QString nodeRunLogs(const QJsonObject& body);
/// Body of PATCH /v1/actions/runs/{r}; "" when valid.
QString actionRunUpdate(const QJsonObject& body);
/// Body of POST /v1/actions/runs/{r}/logs; "" when valid.
QString actionRunLogs(const QJsonObject& body);
/// Port's log levels, in order: DEBUG, INFO, WARN, ERROR. The one list: the Report tab's
/// choices, `report --log LEVEL:…` and the local API's checks all read it.
const QStringList& logLevels();
/// "" when `level` is one of logLevels(); otherwise the reason.
QString logLevel(const QString& level);

} // namespace PortValidator
} // namespace porthole
