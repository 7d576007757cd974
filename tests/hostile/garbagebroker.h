// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A "broker" on 127.0.0.1 that answers every connection with random bytes and reads whatever
// it is sent, on its own thread: librdkafka's blocking calls in the test thread must not stop it.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdint>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace porthole::test {

class GarbageBroker
{
public:
    GarbageBroker()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in addr = {};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        ::bind(m_listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
        ::listen(m_listener, 16);
        socklen_t len = sizeof addr;
        ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&addr), &len);
        m_port = ntohs(addr.sin_port);
        m_thread = std::thread([this] { serve(); });
    }
    ~GarbageBroker()
    {
        m_stop = true;
        m_thread.join();
        ::close(m_listener);
    }
    std::string bootstrap() const { return "127.0.0.1:" + std::to_string(m_port); }
    int connections() const { return m_connections; }

private:
    int m_listener = -1;
    uint16_t m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_connections{0};
    std::thread m_thread;

    void serve()
    {
        std::mt19937 random(42);
        std::vector<int> clients;
        std::vector<char> junk(4096);
        while (!m_stop) {
            std::vector<pollfd> fds = {{m_listener, POLLIN, 0}};
            for (int c : clients)
                fds.push_back({c, POLLIN, 0});
            if (::poll(fds.data(), fds.size(), 50) <= 0)
                continue;
            if (fds[0].revents & POLLIN) {
                const int c = ::accept(m_listener, nullptr, nullptr);
                if (c >= 0) {
                    ++m_connections;
                    for (char& b : junk)
                        b = char(random());
                    // Bit 5 of the first byte is set: read as a Kafka size prefix it is over
                    // 512 MB or negative, as from an HTTP server ('H') or TLS (369 MB). A
                    // prefix that happens to be a plausible size makes librdkafka wait for its
                    // request timeout (10 s) instead, a slower path with a vaguer message.
                    junk[0] = char(0x20 | (uint8_t(junk[0]) & 0xdf));
                    (void)!::send(c, junk.data(), junk.size(), MSG_NOSIGNAL);
                    clients.push_back(c);
                }
            }
            for (size_t i = 1; i < fds.size(); ++i) {
                if (!(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                    continue;
                char sink[4096];
                const ssize_t n = ::recv(fds[i].fd, sink, sizeof sink, 0);
                if (n <= 0) {
                    ::close(fds[i].fd);
                    std::erase(clients, fds[i].fd);
                } else {
                    for (char& b : junk)
                        b = char(random());
                    (void)!::send(fds[i].fd, junk.data(), size_t(n), MSG_NOSIGNAL);
                }
            }
        }
        for (int c : clients)
            ::close(c);
    }
};

} // namespace porthole::test
