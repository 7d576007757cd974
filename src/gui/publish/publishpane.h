#pragma once

#include "gui/connection/kafkatarget.h"
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

class Sandbox;

/// Publishes the rendered messages to Kafka (key, headers, repeats) with an idempotent producer
/// on a worker thread; shows progress, can be cancelled, and lists every delivery report.
class PublishPane : public QWidget
{
    Q_OBJECT
public:
    explicit PublishPane(QWidget* parent = nullptr);
    ~PublishPane() override;

    /// Uses `target`: its brokers fill the Broker field, its security and SASL properties (the
    /// password in memory only) apply to every connection this tab makes.
    void setConnection(const KafkaTarget& target);

    /// The embedded sandbox: publishing to it registers the runs first (as Port creates a run
    /// before publishing it) and signs with its secret.
    void setSandbox(Sandbox* sandbox);
    /// Where "Sign like Port" takes the client secret for other targets (the Report tab).
    void setSecretSource(std::function<QString()> source);

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
    KafkaConfig m_kafka;                   // security and SASL properties of the chosen connection
    QLineEdit* m_bootstrap;
    QLineEdit* m_topic;
    QLineEdit* m_key;
    QPlainTextEdit* m_headers;
    QSpinBox* m_repeat;
    QPushButton* m_publishButton;
    QPushButton* m_cancelButton;
    QProgressBar* m_progress;
    QTreeWidget* m_reports;
    QLabel* m_summary;
    QCheckBox* m_sign;
    Sandbox* m_sandbox = nullptr;
    std::function<QString()> m_secretSource;
    bool m_lastForAgent = false;
    std::vector<std::string> m_messages;
    std::atomic<bool> m_cancel{false};
    bool m_running = false;
    QFuture<void> m_future;
    void onProgress(qint64 done, qint64 total, qint64 failed, const QList<QStringList>& rows);
    void onFinished(qint64 delivered, qint64 failed, const QString& error);
};

} // namespace porthole
