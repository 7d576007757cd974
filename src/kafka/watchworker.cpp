// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchworker.h"

#include <QThread>
#include <QTimer>

#include <atomic>

namespace porthole {

WatchWorker::WatchWorker(WatchOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    qRegisterMetaType<porthole::MessageBatch>();
    qRegisterMetaType<porthole::WatchStatus>();
}

WatchWorker::~WatchWorker()
{
    m_waker->set(nullptr);
}

void WatchWorker::start()
{
    std::string error;
    m_watcher = KafkaWatcher::create(
        m_options,
        [this](WatchStatus s, const std::string& text) {
            Q_EMIT statusChanged(s, QString::fromStdString(text));
        },
        &error);
    m_waker->set(m_watcher.get());
    if (!m_watcher || !m_watcher->start(&error)) {
        m_waker->set(nullptr);
        m_watcher.reset();
        Q_EMIT failed(QString::fromStdString(error));
        return;
    }
    for (const auto& [p, range] : m_watcher->droppedBeforeStart())
        Q_EMIT oldestDropped(p, range.first, range.second);
    m_sinceEmit.start();
    // A zero timer keeps the thread's event loop turning between polls, so quit() is honoured.
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, &WatchWorker::pump);
    timer->start(0);
}

void WatchWorker::setPaused(bool paused)
{
    m_paused = paused;
}

void WatchWorker::pump()
{
    releaseSent();
    if (m_paused || !m_watcher) {
        QThread::msleep(20); // the zero timer would spin otherwise
        return;
    }
    m_records.clear();
    // Holding messages, wait only briefly: when none follow at once, the backlog is read and
    // they go out now rather than after a full wait.
    m_watcher->poll(m_records, m_pending.empty() ? 20 : 1, kBatchMessages);
    for (auto& r : m_records) {
        WatchedMessage m;
        m.info = MessageDecoder::decode(r);
        m.record = std::make_shared<const KafkaRecord>(std::move(r));
        m_pending.push_back(std::move(m));
    }
    // At most every 50 ms while messages stream in; at once when caught up (the reader waits
    // for nothing else, and a catch-up happens once per burst).
    if (!m_pending.empty() &&
        (m_sinceEmit.elapsed() >= kBatchIntervalMs || m_pending.size() >= kBatchMessages ||
         m_watcher->atEnd() || m_records.empty()))
        emitPending();
    checkCatchUps();
    if (m_watcher->atEnd() && !m_endSignalled && m_pending.empty()) {
        m_endSignalled = true;
        Q_EMIT reachedEnd();
    } else if (!m_watcher->atEnd()) {
        m_endSignalled = false;
    }
}

void WatchWorker::requestCatchUp(quint64 ticket)
{
    quint64 seen = m_catchUpWanted.load();
    while (seen < ticket && !m_catchUpWanted.compare_exchange_weak(seen, ticket)) {
    }
    QMetaObject::invokeMethod(this, &WatchWorker::catchUp, Qt::QueuedConnection);
}

void WatchWorker::catchUp()
{
    // Read once here, in the worker thread: the watermarks queried now cover every ticket
    // asked for before this moment, so a burst of requests costs one query.
    const quint64 wanted = m_catchUpWanted.load();
    if (wanted <= m_catchUpCovered)
        return;
    m_catchUpCovered = wanted;
    if (!m_watcher) {
        Q_EMIT caughtUp(wanted);
        return;
    }
    auto ends = m_watcher->endOffsets(500);
    if (ends.empty()) // unreadable: say so at once rather than keep a caller waiting
        Q_EMIT caughtUp(wanted);
    else
        m_catchUps.emplace_back(wanted, std::move(ends));
    checkCatchUps();
}

void WatchWorker::checkCatchUps()
{
    if (m_catchUps.empty() || !m_watcher)
        return;
    quint64 reached = 0;
    for (auto it = m_catchUps.begin(); it != m_catchUps.end();) {
        if (m_watcher->hasReached(it->second)) {
            reached = std::max(reached, it->first);
            it = m_catchUps.erase(it);
        } else {
            ++it;
        }
    }
    if (reached == 0)
        return;
    if (!m_pending.empty())
        emitPending(); // the records asked for go out before the news that they did
    Q_EMIT caughtUp(reached);
}

void WatchWorker::emitPending()
{
    auto batch = std::make_shared<const std::vector<WatchedMessage>>(std::move(m_pending));
    m_pending.clear();
    m_sinceEmit.restart();
    m_sent.push_back(batch);
    Q_EMIT messagesReceived(batch);
}

// A batch's thousands of small blocks came from this thread's malloc arena. Freed on the UI
// thread they contend for the arena's lock with the allocations here; so this thread keeps a
// reference and frees each batch itself once it is the only holder left.
void WatchWorker::releaseSent()
{
    std::erase_if(m_sent, [](const MessageBatch& b) {
        if (b.use_count() != 1)
            return false;
        // The other holders' reads happen before their release; see them before freeing.
        std::atomic_thread_fence(std::memory_order_acquire);
        return true;
    });
}

} // namespace porthole
