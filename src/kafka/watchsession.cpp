#include "watchsession.h"

namespace porthole {

WatchSession::WatchSession(WatchOptions options, QObject* parent)
    : QObject(parent), m_worker(new WatchWorker(std::move(options))), m_waker(m_worker->waker())
{
    m_thread.setObjectName(QStringLiteral("porthole-watch"));
    m_worker->moveToThread(&m_thread);
    // The consumer is destroyed in the thread that used it.
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(&m_thread, &QThread::started, m_worker, &WatchWorker::start);
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
    if (m_thread.isRunning()) {
        m_thread.quit();
        m_waker->wake(); // a poll in progress would hold the quit up to its timeout
        m_thread.wait();
    }
}

} // namespace porthole
