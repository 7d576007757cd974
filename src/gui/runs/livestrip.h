// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/elidedlabel.h"

#include <QElapsedTimer>

namespace porthole {

class RunsTableModel;

/// One line of live numbers under the runs table: messages and bytes per second over the last
/// second, rows held. Sampled once a second from the model's counters (no work per message).
/// One line, elided when narrow (the whole in its tooltip).
class LiveStrip : public ElidedLabel
{
    Q_OBJECT
public:
    explicit LiveStrip(const RunsTableModel* model, QWidget* parent = nullptr);

    double messagesPerSecond() const { return m_rate; }

Q_SIGNALS:
    /// Once a second: the last second's rate (feeds the rate chart).
    void sampled(double messagesPerSecond);

private:
    const RunsTableModel* m_model;
    QElapsedTimer m_clock;
    qint64 m_lastCount = 0;
    qint64 m_lastBytes = 0;
    double m_rate = 0;
    void sample();
};

} // namespace porthole
