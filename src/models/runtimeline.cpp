// SPDX-License-Identifier: GPL-3.0-or-later
#include "runtimeline.h"

#include <QStringList>

namespace porthole::RunTimeline {

QString gapText(qint64 ms)
{
    ms = std::max<qint64>(0, ms);
    if (ms < 1000)
        return QStringLiteral("+%1 ms").arg(ms);
    if (ms < 60 * 1000)
        return QStringLiteral("+%1 s").arg(double(ms) / 1000.0, 0, 'f', 1);
    const qint64 s = ms / 1000;
    if (s < 3600)
        return QStringLiteral("+%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("+%1 h %2 min").arg(s / 3600).arg((s / 60) % 60, 2, 10, QLatin1Char('0'));
}

QString timeText(const QDateTime& at)
{
    return at.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
}

QString describe(const RunEvent& e)
{
    QStringList parts;
    if (!e.summary.isEmpty())
        parts << e.summary;
    switch (e.stage) {
    case RunEvent::Stage::Rendered:
        break;
    case RunEvent::Stage::Published:
    case RunEvent::Stage::Received:
        if (e.summary.isEmpty() && !e.topic.isEmpty())
            parts << e.topic;
        if (e.summary.isEmpty() && e.partition >= 0)
            parts << QStringLiteral("partition %1 offset %2").arg(e.partition).arg(e.offset);
        if (e.stage == RunEvent::Stage::Published)
            parts << (e.signedByPort ? QStringLiteral("signed like Port")
                                     : QStringLiteral("not signed"));
        break;
    case RunEvent::Stage::Reported:
    case RunEvent::Stage::Logged:
        if (!e.status.isEmpty() && !e.summary.contains(e.status))
            parts << (e.result.isEmpty() ? e.status : e.status + QLatin1Char(' ') + e.result);
        if (e.httpStatus > 0)
            parts << QStringLiteral("HTTP %1").arg(e.httpStatus);
        if (e.latencyMs >= 0)
            parts << QStringLiteral("%1 ms").arg(e.latencyMs);
        if (!e.traceId.isEmpty())
            parts << QStringLiteral("trace %1").arg(e.traceId);
        break;
    }
    return parts.join(QStringLiteral(" · "));
}

namespace {

QString gapBefore(const QVector<RunEvent>& events, qsizetype i)
{
    return i == 0 ? QString() : gapText(events[i - 1].at.msecsTo(events[i].at));
}

QString title(const QString& runId, const QVector<RunEvent>& events)
{
    QString t = QStringLiteral("Run %1").arg(runId);
    for (const RunEvent& e : events)
        if (!e.workflowRunId.isEmpty() && e.workflowRunId != runId)
            return t + QStringLiteral(" (workflow run %1)").arg(e.workflowRunId);
    return t;
}

QString markdownCell(QString s)
{
    s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    s.replace(QLatin1Char('|'), QStringLiteral("\\|"));
    s.replace(QLatin1Char('\n'), QStringLiteral("<br>"));
    return s;
}

} // namespace

QString toText(const QString& runId, const QVector<RunEvent>& events)
{
    QStringList lines{title(runId, events)};
    if (events.isEmpty())
        lines << QStringLiteral("  nothing recorded for this run in this session");
    for (qsizetype i = 0; i < events.size(); ++i) {
        const RunEvent& e = events[i];
        lines << QStringLiteral("%1  %2  %3  %4  %5")
                     .arg(timeText(e.at), gapBefore(events, i).leftJustified(12),
                          stageName(e.stage).leftJustified(9), e.source, describe(e));
        if (!e.detail.isEmpty())
            for (const QString& d : e.detail.split(QLatin1Char('\n')))
                lines << QStringLiteral("      ") + d;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString nodeRunsText(const QString& workflowRunId, const QStringList& nodes,
                     const QStringList& runIds, const QStringList& states)
{
    if (runIds.isEmpty())
        return {};
    QStringList lines{QStringLiteral("Node runs of workflow run %1").arg(workflowRunId)};
    for (qsizetype i = 0; i < runIds.size(); ++i)
        lines << QStringLiteral("  node %1  %2  %3")
                     .arg(nodes.value(i).isEmpty() ? QStringLiteral("?") : nodes.value(i),
                          runIds[i],
                          states.value(i).isEmpty() ? QStringLiteral("nothing reported")
                                                    : states.value(i));
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QString toMarkdown(const QString& runId, const QVector<RunEvent>& events)
{
    QStringList lines{QStringLiteral("**%1**").arg(markdownCell(title(runId, events))), QString(),
                      QStringLiteral("| Time | Gap | Stage | Source | What |"),
                      QStringLiteral("|---|---|---|---|---|")};
    for (qsizetype i = 0; i < events.size(); ++i) {
        const RunEvent& e = events[i];
        QString what = describe(e);
        if (!e.detail.isEmpty())
            what += QLatin1Char('\n') + e.detail;
        lines << QStringLiteral("| %1 | %2 | %3 | %4 | %5 |")
                     .arg(timeText(e.at), gapBefore(events, i), stageName(e.stage),
                          markdownCell(e.source), markdownCell(what));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

} // namespace porthole::RunTimeline
