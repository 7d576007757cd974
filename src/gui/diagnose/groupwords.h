// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace porthole {

/// "ORG" of the runs topic "ORG.runs" (a topic not named so is its own prefix): groups of the
/// organisation are those starting with "ORG.".
inline QString orgOfTopic(const QString& topic)
{
    return topic.endsWith(QLatin1String(".runs")) ? topic.chopped(5) : topic;
}

/// An age in words for the groups panel and the diagnosis: "12 s", "4 min 10 s", "3 h 5 min".
inline QString waitingAge(double seconds)
{
    const auto s = qint64(seconds + 0.5);
    if (s < 60)
        return QCoreApplication::translate("porthole", "%1 s").arg(s);
    if (s < 3600)
        return QCoreApplication::translate("porthole", "%1 min %2 s").arg(s / 60).arg(s % 60);
    return QCoreApplication::translate("porthole", "%1 h %2 min").arg(s / 3600).arg(s % 3600 / 60);
}

} // namespace porthole
