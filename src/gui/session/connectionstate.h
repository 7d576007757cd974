// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gui/session/kafkatarget.h"

#include <QObject>

namespace porthole {

class PortAccount;
class Sandbox;

/// The one Kafka connection of the window: where Publish sends and Runs reads. The toolbar's
/// picker sets it; the panes only observe it. A topic the user types over the connection's own
/// is an override that both Kafka panes share and show as such.
class ConnectionState : public QObject
{
    Q_OBJECT
public:
    explicit ConnectionState(PortAccount* account, QObject* parent = nullptr);

    /// The embedded sandbox (may be null or stopped): "is this the sandbox?" is asked here only.
    void setSandbox(Sandbox* sandbox) { m_sandbox = sandbox; }
    Sandbox* sandbox() const { return m_sandbox; }

    /// The connection as chosen (its own topic, without any override).
    const KafkaTarget& target() const { return m_target; }
    /// Chooses a connection; a topic override is dropped (it belonged to the old one).
    void setTarget(const KafkaTarget& target);
    /// The brokers, and the topic in force (the override when there is one).
    QString bootstrap() const { return m_target.bootstrap(); }
    QString topic() const { return m_topicOverride.isEmpty() ? m_target.topic : m_topicOverride; }
    /// The connection with the topic in force: what a producer or watcher is given.
    KafkaTarget effective() const;
    /// A topic typed over the connection's (empty: none).
    QString topicOverride() const { return m_topicOverride; }
    void setTopicOverride(const QString& topic);
    /// Whether the connection is the running embedded sandbox.
    bool isSandbox() const;
    /// Whether `bootstrap` names the running embedded sandbox.
    bool isSandboxBootstrap(const QString& bootstrap) const;
    /// The secret messages are signed and verified with: the sandbox's on the sandbox, the Port
    /// account's client secret elsewhere (memory only).
    QString signingSecret() const;

Q_SIGNALS:
    /// The connection or the topic in force changed.
    void changed();

private:
    PortAccount* m_account;
    Sandbox* m_sandbox = nullptr;
    KafkaTarget m_target;
    QString m_topicOverride;
};

} // namespace porthole
