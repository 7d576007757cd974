// SPDX-License-Identifier: GPL-3.0-or-later
// The one setup of a fork()ed jq child (jqchild::forkJqChild), checked from outside with
// /proc: a child holds none of the parent's other fds (a broker socket stays the parent's),
// has default signal handlers and a memory limit, and dies with its parent. Both users, the
// renderer's per-batch child and the bounded filter's worker, are checked the same way.
#include "template/boundedjqfilter.h"
#include "template/jqchild.h"
#include "template/jqengine.h"

#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTest>

#include <csignal>
#include <fcntl.h>
#include <set>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace porthole;

namespace {

// What each fd of `pid` points at ("socket:[123]", "pipe:[45]", a path).
std::set<QString> fdTargets(pid_t pid)
{
    std::set<QString> out;
    const QString dir = QStringLiteral("/proc/%1/fd").arg(pid);
    for (const QString& fd : QDir(dir).entryList(QDir::Files | QDir::System))
        out.insert(QFile::symLinkTarget(dir + u'/' + fd).section(u'/', -1));
    return out;
}

// This process's children, from every process's parent pid.
std::vector<pid_t> childProcesses()
{
    std::vector<pid_t> out;
    for (const QString& entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const pid_t pid = pid_t(entry.toInt(&isPid));
        if (!isPid)
            continue;
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
        if (fields.size() > 1 && fields[1].toInt() == ::getpid())
            out.push_back(pid);
    }
    return out;
}

// A pid is dead once it is gone or a zombie (nobody may reap it in a container).
bool dead(pid_t pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return true;
    const QByteArray text = stat.readAll();
    return text.mid(text.lastIndexOf(')') + 2, 1) == "Z";
}

// A socket standing for a broker connection the host holds (no CLOEXEC: no exec follows).
struct ExtraSocket
{
    int fds[2] = {-1, -1};
    ExtraSocket() { ::socketpair(AF_UNIX, SOCK_STREAM, 0, fds); }
    ~ExtraSocket()
    {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    QString target() const
    {
        return QFile::symLinkTarget(QStringLiteral("/proc/self/fd/%1").arg(fds[0]))
            .section(u'/', -1);
    }
};

void handler(int) {}

} // namespace

class TstJqChild : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void childHoldsOnlyItsChannel()
    {
        const ExtraSocket broker;
        QVERIFY(broker.target().startsWith(QStringLiteral("socket:[")));
        // The host has a handler and a blocked signal; the child must have neither.
        struct sigaction mine = {};
        mine.sa_handler = handler;
        struct sigaction old = {};
        QCOMPARE(::sigaction(SIGTERM, &mine, &old), 0);
        sigset_t block, oldMask;
        sigemptyset(&block);
        sigaddset(&block, SIGUSR1);
        ::pthread_sigmask(SIG_BLOCK, &block, &oldMask);
        int channel[2];
        QCOMPARE(::pipe(channel), 0);
        const pid_t pid = jqchild::forkJqChild(channel[1], 64);
        if (pid == 0) {
            // Reports its fds, SIGTERM's handler, whether SIGUSR1 is blocked, its memory limit.
            std::string report;
            for (int fd = 0; fd < 1024; ++fd)
                if (::fcntl(fd, F_GETFD) != -1)
                    report += std::to_string(fd) + ",";
            struct sigaction now = {};
            ::sigaction(SIGTERM, nullptr, &now);
            sigset_t mask;
            ::pthread_sigmask(SIG_SETMASK, nullptr, &mask);
            rlimit rl{};
            ::getrlimit(RLIMIT_AS, &rl);
            report += now.sa_handler == SIG_DFL ? " default" : " handler";
            report += sigismember(&mask, SIGUSR1) ? " blocked" : " unblocked";
            report += rl.rlim_cur == RLIM_INFINITY ? " unlimited" : " limited";
            const ssize_t w = ::write(jqchild::kChannelFd, report.data(), report.size());
            _exit(w == ssize_t(report.size()) ? 0 : 1);
        }
        ::sigaction(SIGTERM, &old, nullptr);
        ::pthread_sigmask(SIG_SETMASK, &oldMask, nullptr);
        QVERIFY(pid > 0);
        ::close(channel[1]);
        QByteArray report;
        char buf[256];
        for (ssize_t r; (r = ::read(channel[0], buf, sizeof buf)) > 0;)
            report.append(buf, r);
        ::close(channel[0]);
        int status = 0;
        QCOMPARE(::waitpid(pid, &status, 0), pid);
        QVERIFY(WIFEXITED(status) && WEXITSTATUS(status) == 0);
        // stdin/out/err when the host has them, and the channel: nothing else.
        const QList<QByteArray> parts = report.split(' ');
        for (const QByteArray& fd : parts[0].split(','))
            QVERIFY2(fd.isEmpty() || fd.toInt() <= jqchild::kChannelFd, report.constData());
        QVERIFY2(parts[0].contains("3,"), report.constData());
        QCOMPARE(parts.mid(1), (QList<QByteArray>{"default", "unblocked", "limited"}));
    }

    void childDiesWithItsParent()
    {
        int channel[2];
        QCOMPARE(::pipe(channel), 0);
        const pid_t parent = ::fork();
        if (parent == 0) {
            // The parent: starts a child that would wait forever, says its pid, and dies.
            const pid_t child = jqchild::forkJqChild(channel[1], 64);
            if (child == 0) {
                ::pause();
                _exit(0);
            }
            const ssize_t w = ::write(channel[1], &child, sizeof child);
            _exit(w == sizeof child ? 0 : 1);
        }
        ::close(channel[1]);
        pid_t child = 0;
        QCOMPARE(::read(channel[0], &child, sizeof child), ssize_t(sizeof child));
        ::close(channel[0]);
        int status = 0;
        QCOMPARE(::waitpid(parent, &status, 0), parent);
        QVERIFY(child > 0);
        QTRY_VERIFY_WITH_TIMEOUT(dead(child), 5000);
    }

    void boundedFilterWorkerHoldsNoHostSocket()
    {
        const ExtraSocket broker;
        std::string error;
        auto filter = BoundedJqFilter::compile(".a", {}, &error);
        QVERIFY2(filter, error.c_str());
        QCOMPARE(filter->evaluate({R"({"a":1})"}).size(), size_t(1));
        // The worker stays up between calls: look at it.
        const std::vector<pid_t> workers = childProcesses();
        QCOMPARE(workers.size(), size_t(1));
        const std::set<QString> held = fdTargets(workers[0]);
        QVERIFY(!held.empty());
        QVERIFY(!held.count(broker.target()));
        QVERIFY(held.size() <= 4);
    }

    void rendererChildHoldsNoHostSocket()
    {
        const ExtraSocket broker;
        JqEngine engine;
        JqLimits limits;
        limits.timeoutMs = 3000;
        std::vector<JqOutcome> out;
        // A runaway expression keeps the per-batch child alive while it is looked at.
        std::thread render(
            [&] { out = engine.evaluate({"def f: f; f"}, test::parseJson("{}"), limits); });
        std::set<QString> held;
        QElapsedTimer t;
        t.start();
        while (held.empty() && t.elapsed() < 2500) {
            for (const pid_t pid : childProcesses())
                held = fdTargets(pid);
            QTest::qWait(20);
        }
        render.join();
        QVERIFY2(!held.empty(), "the renderer's child was not seen");
        QVERIFY(!held.count(broker.target()));
        QVERIFY(held.size() <= 4);
        QVERIFY(out.at(0).limitHit);
    }
};

QTEST_GUILESS_MAIN(TstJqChild)
#include "tst_jqchild.moc"
