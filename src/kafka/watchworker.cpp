#include "watchworker.h"

#include <QThread>
#include <QTimer>

namespace porthole {

WatchWorker::WatchWorker(WatchOptions options, QObject* parent)
    : QObject(parent), m_options(std::move(options))
{
    qRegisterMetaType<porthole::MessageBatch>();
    qRegisterMetaType<porthole::WatchStatus>();
}

WatchWorker::~WatchWorker() = default;

void WatchWorker::start()
{
    std::string error;
    m_watcher = KafkaWatcher::create(
        m_options,
        [this](WatchStatus s, const std::string& text) {
            Q_EMIT statusChanged(s, QString::fromStdString(text));
        },
        &error);
    if (!m_watcher || !m_watcher->start(&error)) {
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
    if (m_paused || !m_watcher) {
        QThread::msleep(20); // the zero timer would spin otherwise
        return;
    }
    m_records.clear();
    m_watcher->poll(m_records, 20, 5000);
    for (auto& r : m_records) {
        WatchedMessage m;
        m.info = MessageDecoder::decode(r);
        m.record = std::make_shared<const KafkaRecord>(std::move(r));
        m_pending.push_back(std::move(m));
    }
    // At most every 50 ms while messages stream in; at once when caught up (the reader waits
    // for nothing else, and a catch-up happens once per burst).
    if (!m_pending.empty() &&
        (m_sinceEmit.elapsed() >= kBatchIntervalMs || m_watcher->atEnd() || m_records.empty()))
        emitPending();
    if (m_watcher->atEnd() && !m_endSignalled && m_pending.empty()) {
        m_endSignalled = true;
        Q_EMIT reachedEnd();
    } else if (!m_watcher->atEnd()) {
        m_endSignalled = false;
    }
}

void WatchWorker::emitPending()
{
    auto batch = std::make_shared<const std::vector<WatchedMessage>>(std::move(m_pending));
    m_pending.clear();
    m_sinceEmit.restart();
    Q_EMIT messagesReceived(batch);
}

} // namespace porthole
