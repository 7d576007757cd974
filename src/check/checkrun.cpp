#include "checkrun.h"

namespace porthole {

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

} // namespace porthole
