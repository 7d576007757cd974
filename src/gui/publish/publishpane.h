// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafka/kafkaproducer.h"

#include <QFuture>
#include <QWidget>

#include <atomic>
#include <functional>
#include <memory>
#include <string>
#include <vector>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace Ui {
class PublishPane;
}

namespace porthole {

class ErrorDetails;
class Session;

/// Publishes the rendered messages to Kafka (key, headers, repeats) with an idempotent producer
/// on a worker thread; shows progress, can be cancelled, and lists every delivery report. It
/// sends to the session's connection (the toolbar's picker; a topic typed here overrides it for
/// both Kafka tabs) and signs with the session's secret. Publishing to the embedded sandbox
/// registers the runs first, as Port creates a run before publishing it.
class PublishPane : public QWidget
{
    Q_OBJECT
public:
    /// `session` null: a private one (a pane on its own, in a test).
    explicit PublishPane(Session* session = nullptr, QWidget* parent = nullptr);
    ~PublishPane() override;

    Session* session() const { return m_shared; }
    /// The number of times each message is sent, and whether it is signed like Port.
    void setRepeat(int times);
    int repeat() const;
    void setSigned(bool on);

    /// The message values to publish (compact JSON from the renderer).
    void setMessages(std::vector<std::string> messages);
    /// Starts publishing (no-op while a run is going on).
    void publish();
    /// Asks a running publish to stop; what is queued is reported failed.
    void cancel();
    bool isPublishing() const { return m_running; }

Q_SIGNALS:
    /// A publish ended: how many were delivered and how many failed.
    void publishFinished(qint64 delivered, qint64 failed);
    /// A publish began: the values as rendered (before signing), the topic, signed or not.
    void publishStarted(const std::vector<std::string>& values, const QString& topic,
                        bool signedLikePort);
    /// Delivery reports arrived (the first 2000 of a publish, in the UI thread).
    void messagesDelivered(const QList<porthole::DeliveryReport>& reports);

private:
    std::unique_ptr<Ui::PublishPane> m_ui; // the form (ui/publishpane.ui); widgets below are its
    Session* m_shared;                     // the window's session (or this pane's own)
    QLineEdit* m_bootstrap;                // read-only: the connection's brokers
    QLineEdit* m_topic;                    // the topic in force; typing overrides it
    QLabel* m_topicNote;                   // says when the topic is an override
    QLineEdit* m_key;
    QPlainTextEdit* m_headers;
    QSpinBox* m_repeat;
    QPushButton* m_publishButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QTreeWidget* m_reports;
    QLabel* m_summary;
    ErrorDetails* m_errorDetails; // librdkafka's text behind a failure's cause
    QCheckBox* m_sign;
    bool m_lastForAgent = false;
    std::vector<std::string> m_messages;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    QFuture<void> m_future;
    void connectionChanged();
    void loadSettings();
    void saveSettings() const;
    void onProgress(qint64 done, qint64 total, qint64 failed, const QList<QStringList>& rows);
    void onFinished(qint64 delivered, qint64 failed, const QString& error);
};

} // namespace porthole
