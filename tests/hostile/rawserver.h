// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A TCP server that speaks whatever a test scripts, byte by byte: for peers that lie, stall or
// answer garbage, which a well-behaved server library would never let us write.
#include "support/loopwatch.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include <functional>

namespace porthole::test {

class RawServer
{
public:
    /// Called once per connection as soon as the request's head has arrived (or at once when
    /// `waitForRequest` is false); the socket belongs to the server.
    using Behaviour = std::function<void(QTcpSocket*)>;

    explicit RawServer(Behaviour behaviour, bool waitForRequest = true)
        : m_behaviour(std::move(behaviour))
    {
        m_server.listen(QHostAddress::LocalHost, 0);
        QObject::connect(&m_server, &QTcpServer::newConnection, &m_server, [this, waitForRequest] {
            while (QTcpSocket* s = m_server.nextPendingConnection()) {
                ++m_accepted;
                if (!waitForRequest) {
                    m_behaviour(s);
                    continue;
                }
                auto* head = new QByteArray;
                QObject::connect(s, &QObject::destroyed, [head] { delete head; });
                QObject::connect(s, &QTcpSocket::readyRead, s, [this, s, head] {
                    const bool started = head->contains("\r\n\r\n");
                    *head += s->readAll();
                    if (!started && head->contains("\r\n\r\n"))
                        m_behaviour(s);
                });
            }
        });
    }
    quint16 port() const { return m_server.serverPort(); }
    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port()); }
    int accepted() const { return m_accepted; }

private:
    QTcpServer m_server;
    Behaviour m_behaviour;
    int m_accepted = 0;
};

/// The resident memory of this process, in MiB (Linux).
inline double residentMiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    return -1;
}

} // namespace porthole::test
