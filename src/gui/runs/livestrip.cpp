// SPDX-License-Identifier: GPL-3.0-or-later
#include "livestrip.h"

#include "models/runstablemodel.h"

#include <QLocale>
#include <QTimer>

namespace porthole {

LiveStrip::LiveStrip(const RunsTableModel* model, QWidget* parent)
    : ElidedLabel(parent), m_model(model)
{
    setObjectName(QStringLiteral("runsLiveStrip"));
    auto* timer = new QTimer(this);
    timer->setInterval(1000);
    connect(timer, &QTimer::timeout, this, &LiveStrip::sample);
    timer->start();
    m_clock.start();
    sample();
}

void LiveStrip::sample()
{
    const double seconds = std::max(0.001, double(m_clock.restart()) / 1000.0);
    const qint64 count = m_model->receivedCount();
    const qint64 bytes = m_model->receivedBytes();
    // A clear() resets the counters: count from there.
    const qint64 newMessages = count >= m_lastCount ? count - m_lastCount : count;
    const qint64 newBytes = bytes >= m_lastBytes ? bytes - m_lastBytes : bytes;
    m_lastCount = count;
    m_lastBytes = bytes;
    m_rate = double(newMessages) / seconds;
    const QLocale locale;
    setFullText(tr("%1 msg/s · %2/s · %Ln row(s) held", nullptr, m_model->rowCount())
                    .arg(locale.toString(qint64(m_rate + 0.5)),
                         locale.formattedDataSize(qint64(double(newBytes) / seconds), 1,
                                                  QLocale::DataSizeTraditionalFormat)));
    Q_EMIT sampled(m_rate);
}

} // namespace porthole
