// SPDX-License-Identifier: GPL-3.0-or-later
#include "democounts.h"

namespace porthole {

bool DemoCounts::complete() const
{
    return published > 0 && received == published && reported == published &&
           completed == published;
}

QString DemoCounts::line() const
{
    return QStringLiteral("demo: published=%1 received=%2 reported=%3 completed=%4 failed=%5")
        .arg(published)
        .arg(received)
        .arg(reported)
        .arg(completed)
        .arg(failed);
}

} // namespace porthole
