// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>
#include <QMap>
#include <QString>

class QDateTimeAxis;
class QLineSeries;
class QValueAxis;

namespace porthole {

/// Each watched group's lag (messages, summed over the partitions) over the last minutes, one
/// line per group (Qt Charts). Fed one point per group by every poll of the groups panel.
class LagChart : public QChartView
{
    Q_OBJECT
public:
    explicit LagChart(QWidget* parent = nullptr);

    /// Adds each group's lag at `atMs`; points older than kWindowS are dropped. Groups not in
    /// `lags` keep their line but get no point.
    void addSample(qint64 atMs, const QMap<QString, qint64>& lags);
    /// Forgets every line (another connection).
    void clear();
    /// The points of `group`'s line (for tests).
    QList<QPointF> points(const QString& group) const;

    static constexpr int kWindowS = 600;
    /// Ticks per axis: few enough that their labels fit the chart at its smallest.
    static constexpr int kTicks = 3;

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    QDateTimeAxis* m_x;
    QValueAxis* m_y;
    QMap<QString, QLineSeries*> m_series;
};

} // namespace porthole
