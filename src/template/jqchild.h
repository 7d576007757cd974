// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <sys/types.h>

namespace porthole::jqchild {

/// The fd the channel to the parent has in a child.
constexpr int kChannelFd = 3;

/// fork() for a process that runs jq on this one's behalf: the per-batch child of the template
/// renderer (jqrunner) and the bounded filter's long-lived worker share this one setup.
/// In the child (returns 0):
/// - it is killed when the parent thread that forked it ends (PR_SET_PDEATHSIG), and exits at
///   once when the parent is already gone;
/// - every signal has its default action and none is blocked: the host's handlers (QtTest's,
///   the app's, a Ctrl+C handler) must not run for a jq crash, which the parent reports;
/// - `channel` is fd 3 and every other fd above stderr is closed: the child must not keep the
///   host's broker sockets, pipes or files open (a peer would wait for an EOF that never comes);
/// - its address space may grow by at most `memoryLimitMb` (jq aborts when it is reached).
/// In the parent: the child's pid, or -1 with errno set.
pid_t forkJqChild(int channel, int memoryLimitMb);

/// Bytes of address space this process has mapped now (/proc/self/statm).
long currentAddressSpace();

} // namespace porthole::jqchild
