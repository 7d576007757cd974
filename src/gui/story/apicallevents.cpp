// SPDX-License-Identifier: GPL-3.0-or-later
#include "apicallevents.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace porthole::ApiCallEvents {

namespace {

// A summary stays one line; the detail keeps the rest.
constexpr qsizetype kSummaryChars = 160;

QString oneLine(QString s)
{
    s.replace(QLatin1Char('\n'), QLatin1Char(' '));
    return s.size() > kSummaryChars ? s.left(kSummaryChars) + QStringLiteral("…") : s;
}

QString compact(const QJsonValue& v)
{
    if (v.isObject())
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    if (v.isArray())
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    return v.toVariant().toString();
}

// "python-requests/2.31.0" of "python-requests/2.31.0 (Linux)": who called, briefly.
QString caller(const LocalApiCall& call)
{
    const QByteArray product = call.userAgent.split(' ').value(0);
    return product.isEmpty() ? QStringLiteral("sandbox API")
                             : QStringLiteral("sandbox API · %1").arg(QString::fromUtf8(product));
}

// Log lines of either shape: {"logs":[{"level","message"}]} (node run logs route) or
// {"logs":[{"logLevel","log"}]} (inside a node run PATCH).
QStringList logLines(const QJsonArray& logs)
{
    QStringList lines;
    for (const QJsonValue& l : logs) {
        const QJsonObject o = l.toObject();
        const QString level = o.value(QStringLiteral("level"))
                                  .toString(o.value(QStringLiteral("logLevel")).toString());
        const QString text =
            o.value(QStringLiteral("message")).toString(o.value(QStringLiteral("log")).toString());
        lines << (level.isEmpty() ? text : level + QStringLiteral(": ") + text);
    }
    return lines;
}

} // namespace

bool fromReportTab(const LocalApiCall& call)
{
    return call.userAgent.startsWith(kReportAgentPrefix);
}

QVector<RunEvent> fromCall(const LocalApiCall& call)
{
    // The local API matched the route when it answered (PortRoutes): only reports and logs
    // about well-formed run ids make events.
    const PortRouteMatch& route = call.route;
    if (!route.matched() || !PortRoutes::route(route.route).reports || !route.idsWellFormed)
        return {};
    RunEvent e;
    e.at = call.at.isValid() ? call.at : QDateTime::currentDateTimeUtc();
    e.source = caller(call);
    e.httpStatus = call.status;
    e.stage = RunEvent::Stage::Reported;
    e.runId = route.nodeRunId.isEmpty() ? route.actionRunId : route.nodeRunId;
    e.workflowRunId = route.workflowRunId;
    const bool classic = !route.isWorkflow();
    const bool logs = route.isLog();

    QJsonParseError parseError{};
    const QJsonObject body = QJsonDocument::fromJson(call.body, &parseError).object();
    QStringList detail;
    if (parseError.error != QJsonParseError::NoError && !call.body.isEmpty())
        detail << QStringLiteral("body (%1 bytes) is not a JSON object%2")
                      .arg(call.bodySize)
                      .arg(call.bodySize > call.body.size() ? QStringLiteral(" (kept in part)")
                                                            : QString());
    if (!call.error.isEmpty())
        detail << QStringLiteral("Port answered %1: %2").arg(call.status).arg(call.error);

    QVector<RunEvent> events;
    if (logs) {
        e.stage = RunEvent::Stage::Logged;
        const QStringList lines =
            classic ? QStringList{body.value(QStringLiteral("message")).toString()}
                    : logLines(body.value(QStringLiteral("logs")).toArray());
        e.summary = oneLine(lines.value(0));
        if (lines.size() > 1)
            e.summary += QStringLiteral(" (+%1 more)").arg(lines.size() - 1);
        e.detail = (lines.size() > 1 || e.summary != lines.value(0) ? lines : QStringList{})
                       .join(QLatin1Char('\n'));
        if (!detail.isEmpty())
            e.detail += (e.detail.isEmpty() ? QString() : QStringLiteral("\n")) +
                        detail.join(QLatin1Char('\n'));
        events << e;
        // A classic run's log may end it (terminationStatus, once): that is a report too.
        const QString termination = body.value(QStringLiteral("terminationStatus")).toString();
        if (classic && !termination.isEmpty()) {
            RunEvent end = e;
            end.stage = RunEvent::Stage::Reported;
            end.status = termination;
            end.summary = QStringLiteral("terminationStatus %1").arg(termination);
            end.detail.clear();
            events << end;
        }
        return events;
    }
    if (route.route == PortRouteId::EntityUpsert) {
        if (route.runId().isEmpty())
            return {}; // an upsert without run_id belongs to no run
        e.summary = QStringLiteral("entity %1/%2 upserted")
                        .arg(route.blueprint, body.value(QStringLiteral("identifier")).toString());
    } else if (route.route == PortRouteId::ActionRunResponse) {
        e.summary =
            QStringLiteral("response: ") + oneLine(compact(body.value(QStringLiteral("response"))));
    } else {
        e.status = body.value(QStringLiteral("status")).toString();
        e.result = body.value(QStringLiteral("result")).toString();
        QStringList parts;
        if (!e.status.isEmpty())
            parts << (e.result.isEmpty() ? e.status : e.status + QLatin1Char(' ') + e.result);
        for (const char* field : {"statusLabel", "summary", "link", "externalRunId"})
            if (body.contains(QLatin1String(field)))
                parts << QStringLiteral("%1: %2").arg(
                    QLatin1String(field), oneLine(compact(body.value(QLatin1String(field)))));
        // The output on its own line below: the summary stays short enough to show the answer.
        if (body.contains(QStringLiteral("output")))
            detail.prepend(QStringLiteral("output ") +
                           compact(body.value(QStringLiteral("output"))));
        const QStringList lines = logLines(body.value(QStringLiteral("logs")).toArray());
        if (!lines.isEmpty())
            detail << QStringLiteral("logs:") << lines;
        e.summary = parts.isEmpty() ? QStringLiteral("PATCH without a status") : parts.join(u' ');
    }
    e.detail = detail.join(QLatin1Char('\n'));
    events << e;
    return events;
}

} // namespace porthole::ApiCallEvents
