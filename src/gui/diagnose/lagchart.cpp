// SPDX-License-Identifier: GPL-3.0-or-later
#include "lagchart.h"

#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLayout>
#include <QLineSeries>
#include <QValueAxis>

#include <algorithm>

namespace porthole {

LagChart::LagChart(QWidget* parent)
    : QChartView(parent), m_x(new QDateTimeAxis), m_y(new QValueAxis)
{
    setObjectName(QStringLiteral("groupsLagChart"));
    setAccessibleName(tr("Lag per group over time"));
    auto* chart = new QChart;
    chart->addAxis(m_x, Qt::AlignBottom);
    chart->addAxis(m_y, Qt::AlignLeft);
    // Readable in the ~100 px the panel has beside the table at 1024x700 (the labels were all
    // "…" there): few ticks, whole numbers, minutes only, a smaller font, never truncated.
    QFont small = font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    for (QAbstractAxis* axis :
         {static_cast<QAbstractAxis*>(m_x), static_cast<QAbstractAxis*>(m_y)}) {
        axis->setLabelsFont(small);
        axis->setTruncateLabels(false);
    }
    m_x->setFormat(QStringLiteral("HH:mm"));
    m_x->setTickCount(kTicks);
    m_y->setLabelFormat(QStringLiteral("%d"));
    m_y->setTickCount(kTicks);
    m_y->setTitleText(tr("lag"));
    m_y->setRange(0, 2);
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->layout()->setContentsMargins(0, 0, 0, 0);
    chart->setBackgroundRoundness(0);
    // As RateChart: QChartView made a chart of its own that setChart() releases, not deletes.
    QChart* defaultChart = this->chart();
    setChart(chart);
    delete defaultChart;
    setRenderHint(QPainter::Antialiasing);
    setMinimumHeight(4 * fontMetrics().height()); // the table beside it shows ~3 rows
    setMinimumWidth(160);                         // narrower, the time labels would not fit
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(now - 60'000),
                  QDateTime::fromMSecsSinceEpoch(now));
    setToolTip(tr("Each group's lag in messages (all partitions) over the last %1 minutes")
                   .arg(kWindowS / 60));
}

void LagChart::addSample(qint64 atMs, const QMap<QString, qint64>& lags)
{
    for (auto it = lags.begin(); it != lags.end(); ++it) {
        QLineSeries*& series = m_series[it.key()];
        if (!series) {
            series = new QLineSeries(this);
            series->setName(it.key());
            chart()->addSeries(series);
            series->attachAxis(m_x);
            series->attachAxis(m_y);
        }
        series->append(double(atMs), double(it.value()));
    }
    qint64 peak = 1;
    qint64 first = atMs;
    for (QLineSeries* series : std::as_const(m_series)) {
        int old = 0;
        while (old < series->count() && series->at(old).x() < double(atMs - kWindowS * 1000))
            ++old;
        if (old > 0)
            series->removePoints(0, old);
        for (const QPointF& p : series->points()) {
            peak = std::max(peak, qint64(p.y()));
            first = std::min(first, qint64(p.x()));
        }
    }
    // At least a minute wide, so the first points do not fill the whole width.
    m_x->setRange(QDateTime::fromMSecsSinceEpoch(std::min(first, atMs - 60'000)),
                  QDateTime::fromMSecsSinceEpoch(atMs));
    // Even, so the middle tick is a whole number too.
    const qint64 top = peak + peak / 10 + 1;
    m_y->setRange(0, double(top + top % 2));
}

void LagChart::resizeEvent(QResizeEvent* event)
{
    // Small, the plot keeps the room: the axis title and the legend (the table names the
    // groups; the tooltip says what is drawn) come back when there is space.
    const bool roomy = height() >= 10 * fontMetrics().height();
    m_y->setTitleVisible(roomy);
    chart()->legend()->setVisible(roomy);
    QChartView::resizeEvent(event);
}

void LagChart::clear()
{
    for (QLineSeries* series : std::as_const(m_series)) {
        chart()->removeSeries(series);
        delete series;
    }
    m_series.clear();
}

QList<QPointF> LagChart::points(const QString& group) const
{
    const auto it = m_series.find(group);
    return it == m_series.end() ? QList<QPointF>() : (*it)->points();
}

} // namespace porthole
