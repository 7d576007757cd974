// SPDX-License-Identifier: GPL-3.0-or-later
#include "connectionstate.h"

#include "portaccount.h"
#include "sandbox/sandbox.h"

namespace porthole {

ConnectionState::ConnectionState(PortAccount* account, QObject* parent)
    : QObject(parent), m_account(account)
{}

void ConnectionState::setTarget(const KafkaTarget& target)
{
    m_target = target;
    m_topicOverride.clear();
    Q_EMIT changed();
}

KafkaTarget ConnectionState::effective() const
{
    KafkaTarget t = m_target;
    t.topic = topic();
    return t;
}

void ConnectionState::setTopicOverride(const QString& topic)
{
    const QString t = topic.trimmed() == m_target.topic ? QString() : topic.trimmed();
    if (t == m_topicOverride)
        return;
    m_topicOverride = t;
    Q_EMIT changed();
}

bool ConnectionState::isSandbox() const
{
    return isSandboxBootstrap(bootstrap());
}

bool ConnectionState::isSandboxBootstrap(const QString& bootstrap) const
{
    return m_sandbox && m_sandbox->isRunning() && !bootstrap.isEmpty() &&
           bootstrap.trimmed() == m_sandbox->bootstrap();
}

QString ConnectionState::signingSecret() const
{
    return isSandbox() ? m_sandbox->clientSecret() : m_account->clientSecret();
}

} // namespace porthole
