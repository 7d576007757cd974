// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchsession.h"

namespace porthole {

template <typename Signal, typename Relay> void WatchSession::forward(Signal signal, Relay relay)
{
    // Queued into this (the owner's) thread, and checked there on arrival: a batch the worker
    // sent just before stop() still sits in the owner's event queue when stop() returns.
    connect(
        m_worker, signal, this,
        [this, relay](auto... args) {
            if (m_live)
                Q_EMIT(this->*relay)(args...);
        },
        Qt::QueuedConnection);
}

WatchSession::WatchSession(WatchOptions options, QObject* parent)
    : QObject(parent), m_worker(new WatchWorker(std::move(options))), m_waker(m_worker->waker())
{
    m_thread.setObjectName(QStringLiteral("porthole-watch"));
    m_worker->moveToThread(&m_thread);
    // The consumer is destroyed in the thread that used it.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_thread, &QThread::started, m_worker, &WatchWorker::start);
    forward(&WatchWorker::messagesReceived, &WatchSession::messagesReceived);
    forward(&WatchWorker::statusChanged, &WatchSession::statusChanged);
    forward(&WatchWorker::failed, &WatchSession::failed);
    forward(&WatchWorker::reachedEnd, &WatchSession::reachedEnd);
    forward(&WatchWorker::oldestDropped, &WatchSession::oldestDropped);
    forward(&WatchWorker::caughtUp, &WatchSession::caughtUp);
}

WatchSession::~WatchSession()
{
    stop();
}

void WatchSession::start()
{
    m_thread.start();
}

void WatchSession::stop()
{
    m_live = false;
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_waker->wake(); // a poll in progress would hold the quit up to its timeout
        m_thread.wait();
    }
}

void WatchSession::setPaused(bool paused)
{
    if (m_live)
        QMetaObject::invokeMethod(m_worker, "setPaused", Qt::QueuedConnection, Q_ARG(bool, paused));
}

void WatchSession::requestCatchUp(quint64 ticket)
{
    if (m_live)
        m_worker->requestCatchUp(ticket);
}

} // namespace porthole
