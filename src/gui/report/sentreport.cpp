// SPDX-License-Identifier: GPL-3.0-or-later
#include "sentreport.h"

#include "core/jsonformatter.h"
#include "portapi/portcall.h"

#include <QCoreApplication>
#include <QJsonDocument>

namespace porthole {
namespace {

// Bodies are shown whole up to this size; Port's answers are small, a flood is cut.
constexpr qsizetype kShownBodyBytes = 64 * 1024;

QString tr(const char* text)
{
    return QCoreApplication::translate("porthole::SentReport", text);
}

// JSON pretty-printed; anything else as text, cut when huge.
QString pretty(const QByteArray& body)
{
    if (body.isEmpty())
        return tr("(empty body)");
    // Re-indented only: members keep the order the server wrote them in.
    if (body.size() <= kShownBodyBytes)
        if (const auto formatted = formatJson(std::string_view(body.constData(), body.size())))
            return QString::fromStdString(*formatted).trimmed();
    QString text = QString::fromUtf8(body.left(kShownBodyBytes));
    if (body.size() > kShownBodyBytes)
        text += tr("\n… (%1 bytes in all)").arg(body.size());
    return text;
}

QString bytes(qint64 n)
{
    return n < 10 * 1024 ? tr("%1 bytes").arg(n)
                         : tr("%1 KiB").arg(QString::number(n / 1024.0, 'f', 1));
}

// What a refusal means, in words; empty for a success.
QString meaning(const SentReport& r)
{
    const QString& field = r.problem.field;
    const QString& message = r.problem.message;
    switch (r.httpStatus) {
    case 0:
        return tr("No answer: %1").arg(r.error);
    case 400:
    case 422:
        if (!field.isEmpty())
            return tr("Port refused the field “%1”: %2").arg(field, message);
        return tr("Port refused the report: %1").arg(message);
    case 401:
    case 403:
        return tr("Not authorised: %1 (check the client id and secret)").arg(message);
    case 404:
        return tr("Port does not know this run (%1): %2").arg(r.runId, message);
    case 413:
        return tr("The body is too large: %1").arg(message);
    default:
        break;
    }
    if (r.isSuccess())
        return {};
    return r.error.isEmpty() ? message : r.error;
}

} // namespace

SentReport SentReport::fromCall(const PortCall& call, const QString& url,
                                const ReportEndpoint& endpoint, const QString& runId,
                                const QString& workflowRunId, int logLines, qint64 totalMs)
{
    SentReport r;
    r.at = QDateTime::currentDateTimeUtc().addMSecs(-std::max<qint64>(totalMs, 0));
    r.endpoint = endpoint;
    r.runId = runId;
    r.workflowRunId = workflowRunId;
    r.logLines = logLines;
    r.method = call.request().method;
    r.url = url;
    r.requestBody = call.request().body; // never the login's: that one carries the secret
    r.httpStatus = call.status();
    r.error = call.errorString();
    r.totalMs = totalMs;
    r.responseBody = call.body();
    r.responseBytes = call.body().size();
    const QJsonObject sent = QJsonDocument::fromJson(r.requestBody).object();
    r.status = sent.value(endpoint.isLog() ? QStringLiteral("terminationStatus")
                                           : QStringLiteral("status"))
                   .toString();
    r.result = sent.value(QStringLiteral("result")).toString();
    for (const PortExchange& e : call.exchanges()) {
        QString line =
            QStringLiteral("%1 %2 → %3")
                .arg(QString::fromLatin1(e.method), e.url,
                     e.status ? QString::number(e.status) + QLatin1Char(' ') + e.reason : e.error)
                .trimmed();
        r.calls << line + tr(" (%1 ms)").arg(e.elapsedMs);
        if (e.url.endsWith(QLatin1String("/v1/auth/access_token")))
            continue;
        // The report's own exchange: the last attempt wins.
        r.requestBody = e.requestBody; // as the client redacted it
        r.reason = e.reason;
        r.latencyMs = e.elapsedMs;
        r.responseBytes = e.responseBytes;
        r.traceId = e.traceId;
    }
    if (!r.isSuccess())
        r.problem = PortResponse::problem(r.responseBody);
    return r;
}

QString SentReport::whatWasSent() const
{
    QStringList parts;
    if (!status.isEmpty())
        parts << (result.isEmpty() ? status : status + QLatin1Char('/') + result);
    if (parts.isEmpty() && !endpoint.isLog() &&
        QJsonDocument::fromJson(requestBody).object().size() > (logLines ? 1 : 0))
        parts << tr("fields only");
    if (logLines == 1)
        parts << tr("1 log line");
    else if (logLines > 1)
        parts << tr("%1 log lines").arg(logLines);
    return parts.join(QStringLiteral(" + "));
}

QString SentReport::text() const
{
    QStringList head;
    head << (httpStatus ? QStringLiteral("HTTP %1 %2").arg(httpStatus).arg(reason).trimmed()
                        : tr("No answer"));
    const auto ms = [](qint64 n) { return n < 1 ? tr("< 1 ms") : tr("%1 ms").arg(n); };
    if (latencyMs >= 0)
        head << (totalMs > latencyMs + 1
                     ? tr("%1 (%2 with the login)").arg(ms(latencyMs), ms(totalMs))
                     : ms(latencyMs));
    if (httpStatus)
        head << bytes(responseBytes);
    head << (traceId.isEmpty() ? tr("no trace id") : tr("trace %1").arg(traceId));
    QString out = head.join(QStringLiteral(" · ")) + QLatin1Char('\n');
    if (const QString m = meaning(*this); !m.isEmpty())
        out += m + QLatin1Char('\n');
    if (!problem.error.isEmpty())
        out += tr("(error code: %1)\n").arg(problem.error);
    if (httpStatus)
        out += QLatin1Char('\n') + pretty(responseBody) + QLatin1Char('\n');
    out += tr("\n── Sent %1 UTC ──\n%2 %3\n%4\n")
               .arg(at.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")), QString::fromLatin1(method),
                    url, pretty(requestBody));
    if (!calls.isEmpty())
        out += tr("\n── Calls ──\n") + calls.join(QLatin1Char('\n')) + QLatin1Char('\n');
    return out;
}

RunEvent SentReport::toEvent() const
{
    RunEvent e;
    e.stage = endpoint.isLog() ? RunEvent::Stage::Logged : RunEvent::Stage::Reported;
    e.at = at;
    e.runId = runId;
    e.workflowRunId = workflowRunId;
    e.source = QStringLiteral("Porthole");
    e.status = status;
    e.result = result;
    e.httpStatus = httpStatus;
    e.traceId = traceId;
    e.latencyMs = latencyMs >= 0 ? latencyMs : totalMs;
    const QString sent = whatWasSent();
    e.summary =
        QStringLiteral("%1 %2 → %3")
            .arg(QString::fromLatin1(method), sent.isEmpty() ? QStringLiteral("report") : sent,
                 httpStatus ? QString::number(httpStatus) : tr("no answer"));
    if (const QString m = meaning(*this); !m.isEmpty())
        e.summary += QStringLiteral(": ") + m;
    e.detail = text();
    return e;
}

} // namespace porthole
