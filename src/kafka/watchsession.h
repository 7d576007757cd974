#pragma once

#include "watchworker.h"

#include <QObject>
#include <QThread>

namespace porthole {

/// Owns the thread a WatchWorker runs in; its signals arrive queued in the owner's thread.
/// Destroying (or stop()) quits and joins the thread.
class WatchSession : public QObject
{
    Q_OBJECT
public:
    explicit WatchSession(WatchOptions options, QObject* parent = nullptr);
    ~WatchSession() override;

    /// Starts the thread and the worker.
    void start();
    /// Stops watching and waits for the thread to end.
    void stop();
    /// The worker, to connect to its signals (lives in the worker thread).
    WatchWorker* worker() const { return m_worker; }

private:
    QThread m_thread;
    WatchWorker* m_worker;
    std::shared_ptr<WatchWaker> m_waker;
};

} // namespace porthole
