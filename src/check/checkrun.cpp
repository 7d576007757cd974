// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkrun.h"

namespace porthole {
namespace {

QString ms(qint64 v)
{
    return v < 0 ? QStringLiteral("-") : QStringLiteral("%1ms").arg(v);
}

} // namespace

qint64 CheckRun::toFirstReportMs() const
{
    return firstReportMs >= 0 && publishedMs >= 0 ? firstReportMs - publishedMs : -1;
}

qint64 CheckRun::toCompletionMs() const
{
    return completedMs >= 0 && publishedMs >= 0 ? completedMs - publishedMs : -1;
}

QString CheckRun::outcomeName(Outcome o)
{
    switch (o) {
    case Outcome::Completed:
        return QStringLiteral("completed");
    case Outcome::Failed:
        return QStringLiteral("failed");
    case Outcome::Missing:
        return QStringLiteral("missing");
    case Outcome::Pending:
        break;
    }
    return QStringLiteral("pending");
}

QString CheckRun::line(int total) const
{
    QString line =
        QStringLiteral("run %1/%2 %3 %4 %5 first-report=%6 completed=%7: %8")
            .arg(index + 1)
            .arg(total)
            .arg(nodeRunId, status, result.isEmpty() ? QStringLiteral("-") : result,
                 ms(toFirstReportMs()), ms(toCompletionMs()),
                 outcome == Outcome::Completed ? QStringLiteral("ok") : outcomeName(outcome));
    if (!reasons.isEmpty())
        line += QStringLiteral(": ") + reasons.join(QStringLiteral("; "));
    return line;
}

QString CheckRun::summary(const std::vector<CheckRun>& runs)
{
    int completed = 0, failed = 0, missing = 0;
    for (const CheckRun& r : runs) {
        completed += r.outcome == CheckRun::Outcome::Completed;
        failed += r.outcome == CheckRun::Outcome::Failed;
        missing +=
            r.outcome == CheckRun::Outcome::Missing || r.outcome == CheckRun::Outcome::Pending;
    }
    return QStringLiteral("check-consumer: runs=%1 completed=%2 failed=%3 missing=%4")
        .arg(runs.size())
        .arg(completed)
        .arg(failed)
        .arg(missing);
}

} // namespace porthole
