// SPDX-License-Identifier: GPL-3.0-or-later
#include "ratechart.h"

#include <QGraphicsLayout>
#include <QLineSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

namespace porthole {

RateChart::RateChart(QWidget* parent)
    : QChartView(parent), m_series(new QLineSeries), m_x(new QValueAxis), m_y(new QValueAxis)
{
    setObjectName(QStringLiteral("runsRateChart"));
    setAccessibleName(tr("Message rate"));
    auto* chart = new QChart;
    chart->addSeries(m_series);
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    m_series->attachAxis(m_x);
    m_series->attachAxis(m_y);
    m_x->setRange(0, kSeconds - 1);
    m_y->setRange(0, 1);
    // A sparkline: no legend, axes, labels or margins, just the line.
    for (QValueAxis* axis : {m_x, m_y}) {
        axis->setVisible(false);
        axis->setGridLineVisible(false);
    }
    chart->legend()->hide();
    chart->setMargins(QMargins(0, 0, 0, 0));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    chart->setBackgroundVisible(false);
    QPen pen(palette().color(QPalette::Highlight));
    pen.setWidthF(1.5);
    m_series->setPen(pen);
    // QChartView(parent) made a chart of its own, and setChart releases it without deleting
    // it (LeakSanitizer found the whole chart tree leaked with every Runs tab).
    QChart* defaultChart = this->chart();
    setChart(chart);
    delete defaultChart;
    setRenderHint(QPainter::Antialiasing);
    setFrameShape(QFrame::NoFrame);
    setStyleSheet(QStringLiteral("background: transparent"));
    // As tall as a line of the strip's text: the status row must not grow for it.
    setFixedHeight(2 * fontMetrics().height());
    // A sparkline of a sensible fixed size: the status line beside it takes the rest.
    setFixedWidth(6 * fontMetrics().height());
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setToolTip(tr("Messages per second over the last minute"));
}

void RateChart::addSample(double messagesPerSecond)
{
    m_samples.push_back(std::max(0.0, messagesPerSecond));
    while (m_samples.size() > size_t(kSeconds))
        m_samples.pop_front();
    // Newest at the right edge; a minute not yet full starts part-way in.
    QList<QPointF> points;
    points.reserve(qsizetype(m_samples.size()));
    const int offset = kSeconds - int(m_samples.size());
    double peak = 0;
    for (size_t i = 0; i < m_samples.size(); ++i) {
        points.append(QPointF(offset + int(i), m_samples[i]));
        peak = std::max(peak, m_samples[i]);
    }
    m_series->replace(points);
    m_y->setRange(0, std::max(1.0, peak * 1.1));
    setToolTip(tr("Messages per second over the last minute (peak %1)")
                   .arg(QLocale().toString(qint64(peak + 0.5))));
}

} // namespace porthole
