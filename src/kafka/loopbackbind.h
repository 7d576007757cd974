// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstdint>

namespace porthole::LoopbackBind {

// librdkafka 2.0's mock cluster always listens on 127.0.0.1:0. To honour a requested port
// (and so survive a sandbox restart with the same address) this process defines bind(): while
// a port is armed, the next bind of an IPv4 loopback socket to port 0 gets that port instead,
// with SO_REUSEADDR. The mock then advertises the real port in its metadata. While armed (any
// port, 0 too) such listeners also get TCP_NODELAY, which their connections inherit. Every
// other bind goes straight to the C library.

/// Arms the override for the next loopback bind to port 0 (0: any port, TCP_NODELAY only).
void arm(uint16_t port);
/// Disarms; returns errno of the overridden bind (0 if it succeeded or never happened). A
/// failed override falls back to a free port so the caller can clean up normally.
int disarm();

} // namespace porthole::LoopbackBind
