// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/watchedmessage.h"
#include "kafka/watchworker.h"

#include <QObject>
#include <QSemaphore>

#include <atomic>
#include <thread>

namespace porthole::bench {

/// Messages like Port's runs topic (~200 bytes, run ids, a few kinds), made and classified on
/// their own thread exactly as the watcher's worker does, sent in batches by a queued signal.
class SyntheticSource : public QObject
{
    Q_OBJECT
public:
    /// `perSecond` <= 0: as fast as the receiver takes them (at most 4 batches in flight).
    SyntheticSource(qint64 count, double perSecond, QObject* parent = nullptr);
    ~SyntheticSource() override;

    /// One message (the same bytes for the same n).
    static WatchedMessage make(qint64 n);
    /// The node run id message n names.
    static QString nodeRunId(qint64 n);

    void start();
    void stop();
    /// The receiver calls this when it has taken a batch (unpaced mode only).
    void batchTaken() { m_inFlight.release(); }

Q_SIGNALS:
    void messagesReceived(porthole::MessageBatch batch);

private:
    qint64 m_count;
    double m_perSecond;
    std::thread m_thread;
    std::atomic<bool> m_stop{false};
    QSemaphore m_inFlight{4};
    void run();
};

} // namespace porthole::bench
