#pragma once

#include "core/watchedmessage.h"
#include "kafkawatcher.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

namespace porthole {

/// Runs a KafkaWatcher inside its own thread (see WatchSession): polls, classifies off the UI
/// thread and sends batches at most every 50 ms.
class WatchWorker : public QObject
{
    Q_OBJECT
public:
    static constexpr int kBatchIntervalMs = 50;

    explicit WatchWorker(WatchOptions options, QObject* parent = nullptr);
    ~WatchWorker() override;

public Q_SLOTS:
    /// Connects and starts polling (call in the worker thread).
    void start();

Q_SIGNALS:
    void messagesReceived(porthole::MessageBatch batch);
    void statusChanged(porthole::WatchStatus status, const QString& text);
    void failed(const QString& error);
    void reachedEnd();

private:
    WatchOptions m_options;
    std::unique_ptr<KafkaWatcher> m_watcher;
    std::vector<WatchedMessage> m_pending;
    std::vector<KafkaRecord> m_records;
    QElapsedTimer m_sinceEmit;
    bool m_endSignalled = false;

    void pump();
    void emitPending();
};

} // namespace porthole

Q_DECLARE_METATYPE(porthole::WatchStatus)
