// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/watchedmessage.h"
#include "kafkawatcher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

namespace porthole {

/// Cuts a worker's wait for messages short from another thread (WatchSession::stop): shared
/// by the session and the worker, so either may go first.
class WatchWaker
{
public:
    void set(const KafkaWatcher* watcher)
    {
        const std::lock_guard lock(m_mutex);
        m_watcher = watcher;
    }
    void wake()
    {
        const std::lock_guard lock(m_mutex);
        if (m_watcher)
            m_watcher->wake();
    }

private:
    std::mutex m_mutex;
    const KafkaWatcher* m_watcher = nullptr;
};

/// Runs a KafkaWatcher inside its own thread (see WatchSession): polls, classifies off the UI
/// thread and sends batches at most every 50 ms (or every kBatchMessages while catching up).
class WatchWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchIntervalMs = 50;
    /// While reading a backlog, a batch goes out once it holds this many messages: the UI
    /// thread files them while the next ones are fetched and decoded.
    static constexpr size_t kBatchMessages = 4096;

    explicit WatchWorker(WatchOptions options, QObject* parent = nullptr);
    ~WatchWorker() override;

    /// Thread-safe: asks the worker to deliver every record published before this call, then
    /// emit caughtUp(ticket) (tickets grow; one watermark query covers all tickets asked so far).
    void requestCatchUp(quint64 ticket);
    /// Thread-safe: wakes the worker's wait for messages (held by WatchSession).
    std::shared_ptr<WatchWaker> waker() const { return m_waker; }

public Q_SLOTS:
    /// Connects and starts polling (call in the worker thread).
    void start();
    /// Stops taking messages from the broker (librdkafka stops fetching once its queue is
    /// full), or goes on. Nothing piles up in memory while paused.
    void setPaused(bool paused);

Q_SIGNALS:
    void messagesReceived(porthole::MessageBatch batch);
    void statusChanged(porthole::WatchStatus status, const QString& text);
    void failed(const QString& error);
    void reachedEnd();
    /// The broker had already dropped messages the start position asked for in a partition:
    /// the first offset wanted and the oldest still there.
    void oldestDropped(int partition, qint64 wanted, qint64 oldest);
    /// Every record that existed when requestCatchUp(ticket) (or a later one) was called has
    /// been emitted in messagesReceived; also emitted, late, when the watermarks cannot be read.
    void caughtUp(quint64 ticket);

private:
    WatchOptions m_options;
    std::unique_ptr<KafkaWatcher> m_watcher;
    std::shared_ptr<WatchWaker> m_waker = std::make_shared<WatchWaker>();
    std::vector<WatchedMessage> m_pending;
    std::vector<KafkaRecord> m_records;
    QElapsedTimer m_sinceEmit;
    /// Batches sent and maybe still in use elsewhere; released here once nobody else holds
    /// them (see releaseSent()).
    std::vector<MessageBatch> m_sent;
    bool m_endSignalled = false;
    bool m_paused = false;
    std::atomic<quint64> m_catchUpWanted{0};
    quint64 m_catchUpCovered = 0;
    std::vector<std::pair<quint64, std::map<int32_t, int64_t>>> m_catchUps;

    void pump();
    void emitPending();
    void releaseSent();
    void catchUp();
    void checkCatchUps();
};

} // namespace porthole

Q_DECLARE_METATYPE(porthole::WatchStatus)
