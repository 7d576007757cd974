// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/kafkarecord.h"
#include "kafka/kafkaconfig.h"

#include <QFuture>
#include <QObject>
#include <QPointer>

#include <atomic>
#include <vector>

class QProgressDialog;
class QWidget;

namespace porthole {

/// Publishes recorded messages again, each with its own key, headers (null ones too) and exact
/// value bytes, through the one publish loop (PublishSession) on a worker thread, with a
/// progress dialog that can cancel. What `porthole-cli publish --replay` does, in the app.
class Replayer : public QObject
{
    Q_OBJECT
public:
    explicit Replayer(QWidget* parent);
    ~Replayer() override; ///< cancels and waits

    /// Starts publishing `records` (each to its own topic) with `config` (bootstrap.servers
    /// and security).
    void start(std::vector<KafkaRecord> records, const KafkaConfig& config);
    bool isRunning() const { return m_future.isRunning(); }

Q_SIGNALS:
    /// Done: `delivered` of `total`; `error` says why not all (empty when all were).
    void finished(qint64 delivered, qint64 total, const QString& error);

private:
    QFuture<void> m_future;
    std::atomic<bool> m_cancel{false};
    QPointer<QProgressDialog> m_progress;
};

} // namespace porthole
