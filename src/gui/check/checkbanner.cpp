// SPDX-License-Identifier: GPL-3.0-or-later
#include "checkbanner.h"

#include "check/checkrun.h"

#include <QCoreApplication>

namespace porthole {
namespace {

QString tr(const char* text, int n = -1)
{
    return QCoreApplication::translate("CheckBanner", text, nullptr, n);
}

} // namespace

void CheckBanner::add(const std::vector<CheckRun>& runs, const QString& round)
{
    for (const CheckRun& run : runs) {
        switch (run.outcome) {
        case CheckRun::Outcome::Completed:
            ++completed;
            continue;
        case CheckRun::Outcome::Failed:
            ++failed;
            break;
        case CheckRun::Outcome::Missing:
        case CheckRun::Outcome::Pending:
            ++missing;
            break;
        }
        if (!firstReason.isEmpty())
            continue;
        const QString where = round.isEmpty()
                                  ? tr("run %1").arg(run.index + 1)
                                  : tr("fault %1, run %2").arg(round).arg(run.index + 1);
        firstReason =
            where + QStringLiteral(": ") + run.reasons.value(0, CheckRun::outcomeName(run.outcome));
    }
}

QString CheckBanner::text() const
{
    const int total = completed + failed + missing;
    if (!error.isEmpty() && total == 0)
        return tr("✖ The check could not run: %1").arg(error);
    if (passed())
        return total == 1 ? tr("✔ Passed: the run completed as expected.")
                          : tr("✔ Passed: all %1 runs completed as expected.").arg(total);
    QStringList counts;
    if (failed > 0)
        counts << tr("%n failed", failed);
    if (missing > 0)
        counts << tr("%n never reported", missing);
    QString text = tr("✖ Failed: %1 of %2 runs passed").arg(completed).arg(total);
    if (!counts.isEmpty())
        text += QStringLiteral(" (") + counts.join(QStringLiteral(", ")) + QLatin1Char(')');
    text += QLatin1Char('.');
    if (!error.isEmpty())
        text += QLatin1Char(' ') + error + QLatin1Char('.');
    if (!firstReason.isEmpty())
        text += tr(" First reason — %1").arg(firstReason);
    return text;
}

} // namespace porthole
