// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqchild.h"

#include <csignal>
#include <cstdio>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <unistd.h>

namespace porthole::jqchild {

long currentAddressSpace()
{
    long pages = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld", &pages) != 1)
            pages = 0;
        std::fclose(f);
    }
    return pages * sysconf(_SC_PAGESIZE);
}

pid_t forkJqChild(int channel, int memoryLimitMb)
{
    const pid_t parent = ::getpid();
    std::fflush(nullptr); // buffered output would be written twice
    const pid_t pid = ::fork();
    if (pid != 0)
        return pid;
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent) // the parent died before the line above
        _exit(1);
    struct sigaction dfl = {};
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    for (int sig = 1; sig < NSIG; ++sig)
        if (sig != SIGKILL && sig != SIGSTOP)
            ::sigaction(sig, &dfl, nullptr); // glibc's reserved ones refuse: harmless
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    if (channel != kChannelFd)
        ::dup2(channel, kChannelFd);
    ::close_range(kChannelFd + 1, ~0U, 0);
    rlimit rl{};
    rl.rlim_cur = rl.rlim_max = rlim_t(currentAddressSpace()) + rlim_t(memoryLimitMb) * 1024 * 1024;
    ::setrlimit(RLIMIT_AS, &rl);
    return 0;
}

} // namespace porthole::jqchild
