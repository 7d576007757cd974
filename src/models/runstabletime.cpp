// SPDX-License-Identifier: GPL-3.0-or-later
// The runs table's Time column: local, UTC or relative, and ISO-8601 for tooltips and exports.
#include "runstablemodel.h"

#include <QDateTime>
#include <QTimer>

namespace porthole {

QString RunsTableModel::isoTime(qint64 ms)
{
    return ms < 0 ? QString()
                  : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

QString RunsTableModel::relativeTime(qint64 ms, qint64 now)
{
    const qint64 s = (now - ms) / 1000;
    const qint64 a = s < 0 ? -s : s;
    const QString amount = a < 60      ? tr("%1 s").arg(a)
                           : a < 3600  ? tr("%1 min").arg(a / 60)
                           : a < 86400 ? tr("%1 h").arg(a / 3600)
                                       : tr("%1 d").arg(a / 86400);
    return s < 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QString RunsTableModel::timeCell(qint64 ms) const
{
    if (ms < 0)
        return {};
    switch (m_timeMode) {
    case TimeMode::Utc:
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz'Z'"));
    case TimeMode::Relative:
        return relativeTime(ms, QDateTime::currentMSecsSinceEpoch());
    case TimeMode::Local:
        break;
    }
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
}

void RunsTableModel::setTimeMode(TimeMode mode)
{
    m_timeMode = mode;
    // Relative times age: repaint the column (only the rows on screen are formatted).
    if (mode == TimeMode::Relative && !m_relativeTick) {
        m_relativeTick = new QTimer(this);
        m_relativeTick->setInterval(5000);
        connect(m_relativeTick, &QTimer::timeout, this, [this] {
            if (!m_store.empty())
                Q_EMIT dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
        });
    }
    if (m_relativeTick) {
        if (mode == TimeMode::Relative)
            m_relativeTick->start();
        else
            m_relativeTick->stop();
    }
    if (!m_store.empty())
        Q_EMIT dataChanged(index(0, Time), index(rowCount() - 1, Time), {Qt::DisplayRole});
}

} // namespace porthole
