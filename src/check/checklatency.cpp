// SPDX-License-Identifier: GPL-3.0-or-later
#include "checklatency.h"

#include <algorithm>
#include <cmath>

namespace porthole {
namespace {

// Nearest-rank percentiles of the times that exist (-1: none).
CheckLatency::Percentiles percentiles(std::vector<qint64> times)
{
    times.erase(std::remove(times.begin(), times.end(), qint64(-1)), times.end());
    CheckLatency::Percentiles p;
    if (times.empty())
        return p;
    std::sort(times.begin(), times.end());
    const auto rank = [&times](double q) {
        const size_t n = times.size();
        const size_t i = size_t(std::ceil(q * double(n)));
        return times[std::clamp<size_t>(i, 1, n) - 1];
    };
    p.p50 = rank(0.50);
    p.p95 = rank(0.95);
    p.p99 = rank(0.99);
    return p;
}

QString ms(qint64 v)
{
    return v < 0 ? QStringLiteral("-") : QStringLiteral("%1ms").arg(v);
}

QString text(const CheckLatency::Percentiles& p)
{
    return QStringLiteral("p50=%1 p95=%2 p99=%3").arg(ms(p.p50), ms(p.p95), ms(p.p99));
}

} // namespace

CheckLatency CheckLatency::of(const std::vector<CheckRun>& runs)
{
    CheckLatency l;
    std::vector<qint64> first, done;
    qint64 start = -1, end = -1;
    for (const CheckRun& r : runs) {
        first.push_back(r.toFirstReportMs());
        done.push_back(r.toCompletionMs());
        if (r.publishedMs >= 0 && (start < 0 || r.publishedMs < start))
            start = r.publishedMs;
        if (r.isCompleted()) {
            ++l.completedRuns;
            end = std::max(end, r.completedMs);
        }
    }
    l.firstReport = percentiles(first);
    l.completed = percentiles(done);
    if (start >= 0 && end > start) {
        l.spanMs = end - start;
        l.runsPerSecond = double(l.completedRuns) * 1000.0 / double(l.spanMs);
    }
    return l;
}

QString CheckLatency::line() const
{
    return QStringLiteral("latency: first-report %1; completed %2; sustained %3 runs/s (%4 "
                          "completed in %5 s)")
        .arg(text(firstReport), text(completed))
        .arg(runsPerSecond, 0, 'f', 1)
        .arg(completedRuns)
        .arg(double(spanMs) / 1000.0, 0, 'f', 1);
}

} // namespace porthole
