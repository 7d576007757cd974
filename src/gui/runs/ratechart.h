// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

#include <deque>

class QLineSeries;
class QValueAxis;

namespace porthole {

/// A sparkline of messages per second over the last minute, beside the live strip's numbers
/// (Qt Charts). Fed one sample a second by LiveStrip::sampled; draws nothing per message.
class RateChart : public QChartView
{
    Q_OBJECT
public:
    explicit RateChart(QWidget* parent = nullptr);

    /// Appends the last second's rate; keeps the last kSeconds.
    void addSample(double messagesPerSecond);
    /// The samples shown, oldest first (for tests).
    const std::deque<double>& samples() const { return m_samples; }

    static constexpr int kSeconds = 60;

    QSize sizeHint() const override { return {160, 2 * fontMetrics().height()}; }

private:
    QLineSeries* m_series;
    QValueAxis* m_x;
    QValueAxis* m_y;
    std::deque<double> m_samples;
};

} // namespace porthole
