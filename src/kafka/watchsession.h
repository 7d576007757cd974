// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "watchworker.h"

#include <QObject>
#include <QThread>

namespace porthole {

/// One watch: owns the thread a WatchWorker runs in and hands on the worker's news in the
/// owner's thread. A session is a generation: once stop() was called (or the session is gone)
/// nothing of its worker arrives any more, not even what the worker sent just before, so a
/// stopped or replaced watch never adds rows to what its receiver shows next. Connect to the
/// session's signals; the worker itself is not handed out.
class WatchSession : public QObject
{
    Q_OBJECT
public:
    explicit WatchSession(WatchOptions options, QObject* parent = nullptr);
    ~WatchSession() override;

    /// Starts the thread and the worker (once).
    void start();
    /// Stops watching and waits for the thread to end; drops whatever is still on its way.
    void stop();
    /// Pauses or resumes taking messages (see WatchWorker::setPaused).
    void setPaused(bool paused);
    /// Asks for every record published so far (see WatchWorker::requestCatchUp); caughtUp()
    /// answers. Ignored after stop(): the worker is gone.
    void requestCatchUp(quint64 ticket);

Q_SIGNALS:
    // The worker's signals (see WatchWorker), in the owner's thread, until stop().
    void messagesReceived(porthole::MessageBatch batch);
    void statusChanged(porthole::WatchStatus status, const QString& text);
    void failed(const QString& error);
    void reachedEnd();
    void oldestDropped(int partition, qint64 wanted, qint64 oldest);
    void caughtUp(quint64 ticket);

private:
    QThread m_thread;
    WatchWorker* m_worker;
    std::shared_ptr<WatchWaker> m_waker;
    /// False from stop() on: what the worker queued before it ended is dropped on arrival.
    bool m_live = true;

    /// Hands the worker's `signal` on as this session's `relay` while the session is live.
    template <typename Signal, typename Relay> void forward(Signal signal, Relay relay);
};

} // namespace porthole
