// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/watchedmessage.h"

#include <QFuture>
#include <QObject>
#include <QStringList>

#include <atomic>

namespace porthole {

/// Reads a recording (JSON Lines of `porthole-cli watch`, as Export writes them) on a worker
/// thread into message batches for the runs table: no broker needed. Each line becomes the
/// exact record it was written from (WatchLineParser); a bad line is reported with its number
/// and the rest still load. Batches come at most every ~50 ms; cancel stops at the next line.
class RecordingLoader : public QObject
{
    Q_OBJECT
public:
    explicit RecordingLoader(QObject* parent = nullptr);
    ~RecordingLoader() override; ///< cancels and waits for the worker

    /// Starts reading `path` (false with `error` when it cannot be opened).
    bool start(const QString& path, QString* error);
    /// Stops at the next line; finished() says it was cancelled.
    void cancel() { m_cancel = true; }
    /// Stops at the next line and drops what is on its way: no batch and no finished() of this
    /// reading arrives any more (the table is someone else's now, e.g. a watch's).
    void discard();
    bool isRunning() const { return m_future.isRunning(); }

Q_SIGNALS:
    void batchLoaded(const porthole::MessageBatch& batch);
    /// Bytes read so far of `total`.
    void progressed(qint64 bytes, qint64 total);
    /// Done: `loaded` messages; `errors` as "line N: why" (the first 100), `badLines` in all.
    void finished(qint64 loaded, qint64 badLines, const QStringList& errors, bool cancelled);

private:
    QFuture<void> m_future;
    std::atomic<bool> m_cancel{false};
    /// Which reading may still deliver (owner thread): each start() and discard() makes a new
    /// one, and the worker's queued news carry the one they belong to.
    quint64 m_generation = 0;
};

} // namespace porthole
