// SPDX-License-Identifier: GPL-3.0-or-later
#include "loopbackbind.h"

#include <dlfcn.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace {

std::atomic<bool> g_armed{false};
std::atomic<uint16_t> g_port{0};
std::atomic<int> g_errno{0};

using BindFn = int (*)(int, const sockaddr*, socklen_t);

BindFn realBind()
{
    static const BindFn fn = reinterpret_cast<BindFn>(dlsym(RTLD_NEXT, "bind"));
    return fn;
}

} // namespace

extern "C" int bind(int fd, const sockaddr* addr, socklen_t len) noexcept
{
    if (g_armed.load(std::memory_order_relaxed) && addr && addr->sa_family == AF_INET &&
        len >= socklen_t(sizeof(sockaddr_in))) {
        sockaddr_in in;
        std::memcpy(&in, addr, sizeof in);
        if (in.sin_port == 0 && in.sin_addr.s_addr == htonl(INADDR_LOOPBACK)) {
            // The mock writes each response as it is ready; with Nagle a second small one waits
            // for the client's delayed ACK (~40 ms per request pair). Accepted connections
            // inherit the listener's TCP_NODELAY.
            const int on = 1;
            ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on);
            const uint16_t port = g_port.exchange(0);
            if (port != 0) {
                in.sin_port = htons(port);
                ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
                if (realBind()(fd, reinterpret_cast<const sockaddr*>(&in), sizeof in) == 0)
                    return 0;
                // librdkafka 2.0.2 aborts (an assertion in its cleanup) when a mock broker
                // cannot listen, so the failure is recorded for the caller and the socket
                // gets the free port it asked for instead.
                g_errno = errno;
                in.sin_port = 0;
                return realBind()(fd, reinterpret_cast<const sockaddr*>(&in), sizeof in);
            }
        }
    }
    return realBind()(fd, addr, len);
}

namespace porthole::LoopbackBind {

void arm(uint16_t port)
{
    g_errno = 0;
    g_port = port;
    g_armed = true;
}

int disarm()
{
    g_armed = false;
    g_port = 0;
    return g_errno.exchange(0);
}

} // namespace porthole::LoopbackBind
