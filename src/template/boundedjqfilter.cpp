// SPDX-License-Identifier: GPL-3.0-or-later
// The bounded filter: one fork()ed worker per filter that reads framed JSON texts from a socket
// and answers one verdict each; the parent enforces the per-message deadline from outside.
#include "boundedjqfilter.h"

#include "jqchild.h"
#include "jqfilter.h"
#include "jqinternal.h"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <poll.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace porthole {

namespace {

using Clock = std::chrono::steady_clock;
// Messages handed to the worker ahead of their verdicts: enough to keep it busy, few enough
// that a restart re-sends little.
constexpr size_t kInFlight = 256;

struct CompileErrors
{
    std::string first;
};

void collectError(void* data, jv msg)
{
    auto* e = static_cast<CompileErrors*>(data);
    if (jv_get_kind(msg) != JV_KIND_STRING)
        msg = jv_dump_string(msg, JV_PRINT_INVALID);
    const std::string text = jv_string_value(msg);
    jv_free(msg);
    if (e->first.empty() && text.rfind("jq: error", 0) == 0)
        e->first = "jq: compile error" + text.substr(9, text.find('\n') - 9);
}

void ignoreMessage(void*, jv msg)
{
    jv_free(msg);
}

jv noInput(jq_state*, void*)
{
    return jv_invalid_with_msg(jv_string("No more inputs"));
}

bool readExact(int fd, char* p, size_t n)
{
    while (n > 0) {
        const ssize_t r = ::read(fd, p, n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return false;
        p += r;
        n -= size_t(r);
    }
    return true;
}

bool writeExact(int fd, const std::string& b)
{
    size_t off = 0;
    while (off < b.size()) {
        const ssize_t w = ::send(fd, b.data() + off, b.size() - off, MSG_NOSIGNAL);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        off += size_t(w);
    }
    return true;
}

void putU32(std::string& b, uint32_t v)
{
    b.append(reinterpret_cast<const char*>(&v), 4);
}

// The worker: frames in ([u32 length][JSON text]), verdicts out ([u8 verdict][u32 n][text]),
// the text being the error, or with wantOutput the first output.
[[noreturn]] void workerMain(int fd, jq_state* jq, bool wantOutput)
{
    std::string text;
    for (;;) {
        uint32_t len = 0;
        if (!readExact(fd, reinterpret_cast<char*>(&len), 4))
            _exit(0);
        text.resize(len);
        if (!readExact(fd, text.data(), len))
            _exit(0);
        JqVerdict verdict = JqVerdict::Rejected;
        std::string error;
        jv input = jv_parse_sized(text.data(), int(text.size()));
        if (!jv_is_valid(input)) {
            jv_free(input);
            verdict = JqVerdict::Error;
            error = "the message is not JSON";
        } else {
            jqinternal::start(jq, input);
            jv r = jq_next(jq);
            if (jv_is_valid(r)) {
                const jv_kind k = jv_get_kind(r);
                verdict = k == JV_KIND_NULL || k == JV_KIND_FALSE ? JqVerdict::Rejected
                                                                  : JqVerdict::Passed;
                if (wantOutput && k == JV_KIND_STRING) {
                    error.assign(jv_string_value(r), size_t(jv_string_length_bytes(jv_copy(r))));
                } else if (wantOutput) {
                    jv text = jv_dump_string(jv_copy(r), 0);
                    error = jv_string_value(text);
                    jv_free(text);
                }
                jv_free(r);
            } else {
                jv msg = jv_invalid_get_msg(r);
                if (jv_get_kind(msg) == JV_KIND_STRING) {
                    verdict = JqVerdict::Error;
                    error = jqinternal::cBuffer(std::string("jq: error: ") + jv_string_value(msg));
                }
                jv_free(msg);
            }
        }
        std::string out(1, char(verdict));
        putU32(out, uint32_t(error.size()));
        out += error;
        if (!writeExact(fd, out))
            _exit(0);
    }
}

// Compiles a program; on failure returns false with the first error message.
bool compiles(const std::string& body, std::string* error, jq_state** keep = nullptr)
{
    jq_state* jq = jq_init();
    if (!jq) {
        *error = "jq: cannot start jq";
        return false;
    }
    jq_set_input_cb(jq, noInput, nullptr);
    jq_set_debug_cb(jq, ignoreMessage, nullptr);
    CompileErrors errors;
    jq_set_error_cb(jq, collectError, &errors);
    const int ok = jq_compile(jq, JqFilter::program(body).c_str());
    jq_set_error_cb(jq, ignoreMessage, nullptr);
    if (ok && keep) {
        *keep = jq;
        return true;
    }
    jqinternal::teardown(&jq);
    if (!ok)
        *error = errors.first.empty() ? std::string("jq: compile error") : errors.first;
    return ok;
}

// A syntax error before the end of the text (not "unexpected $end", which any cut-off prefix
// has): compiling the prefix body[0, p) gives one exactly when p reaches the unexpected token.
bool syntaxErrorWithin(const std::string& prefix)
{
    std::string error;
    if (compiles(prefix, &error))
        return false;
    return error.find("syntax error") != std::string::npos &&
           error.find("unexpected $end") == std::string::npos;
}

// Where in `body` (byte offset of the culprit, or npos) a compile error points.
size_t errorOffset(const std::string& body, const std::string& error)
{
    if (error.find("syntax error") != std::string::npos) {
        if (error.find("unexpected $end") != std::string::npos)
            return body.empty() ? std::string::npos : body.size() - 1;
        size_t lo = 0, hi = body.size(); // !within(lo), within(hi)
        if (!syntaxErrorWithin(body))
            return std::string::npos;
        while (hi - lo > 1) {
            const size_t mid = lo + (hi - lo) / 2;
            (syntaxErrorWithin(body.substr(0, mid)) ? hi : lo) = mid;
        }
        return hi - 1;
    }
    // "jq: error: name/1 is not defined at <top-level>, line 1:"
    const auto at = error.find("error: ");
    const auto slash = error.find('/', at);
    if (at != std::string::npos && slash != std::string::npos &&
        error.find("is not defined") != std::string::npos) {
        const std::string name = error.substr(at + 7, slash - at - 7);
        if (!name.empty())
            return body.find(name);
    }
    return std::string::npos;
}

} // namespace

struct BoundedJqFilter::Impl
{
    jq_state* jq = nullptr;
    Limits limits;
    pid_t pid = -1;
    int fd = -1;
    uint64_t starts = 0;
    std::string readBuf;

    ~Impl()
    {
        stop();
        jqinternal::teardown(&jq);
    }

    bool start(std::string* error)
    {
        int fds[2];
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) {
            *error = std::string("cannot create a socket pair: ") + std::strerror(errno);
            return false;
        }
        const pid_t child = jqchild::forkJqChild(fds[1], limits.memoryLimitMb);
        if (child < 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            *error = std::string("cannot fork: ") + std::strerror(errno);
            return false;
        }
        if (child == 0)
            workerMain(jqchild::kChannelFd, jq, limits.wantOutput);
        ::close(fds[1]);
        pid = child;
        fd = fds[0];
        readBuf.clear();
        ++starts;
        return true;
    }

    // Kills the worker (it may be mid-message) and reaps it; returns how it ended.
    int stop()
    {
        int status = 0;
        if (pid > 0) {
            ::close(fd);
            ::kill(pid, SIGKILL);
            while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
            }
        }
        pid = -1;
        fd = -1;
        return status;
    }

    // Waits for the worker to end by itself (it closed its socket) and says why it did.
    std::string ended()
    {
        int status = 0;
        ::close(fd);
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        pid = -1;
        fd = -1;
        if (WIFSIGNALED(status))
            return std::string("the jq worker was stopped by signal ") +
                   strsignal(WTERMSIG(status)) +
                   " (jq aborts when it runs out of memory; the limit is " +
                   std::to_string(limits.memoryLimitMb) + " MB)";
        return "the jq worker exited unexpectedly (status " + std::to_string(WEXITSTATUS(status)) +
               ")";
    }
};

std::unique_ptr<BoundedJqFilter> BoundedJqFilter::compile(const std::string& body,
                                                          const Limits& limits, std::string* error,
                                                          int* line, int* column)
{
    if (line)
        *line = -1;
    if (column)
        *column = -1;
    jq_state* jq = nullptr;
    if (!compiles(body, error, &jq)) {
        // The prelude sits on the body's first line, so jq's line numbers are the body's.
        if (const auto at = error->find("at <top-level>, line "); line && at != std::string::npos)
            *line = std::atoi(error->c_str() + at + 21);
        if (column) {
            if (const size_t off = errorOffset(body, *error); off != std::string::npos) {
                const size_t nl = body.rfind('\n', off);
                // In characters, as an editor counts (UTF-8 continuation bytes are not).
                const size_t from = nl == std::string::npos ? 0 : nl + 1;
                *column = 1 + int(std::count_if(
                                  body.begin() + long(from), body.begin() + long(off), [](char c) {
                                      return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
                                  }));
                if (line)
                    *line = 1 + int(std::count(body.begin(), body.begin() + long(off), '\n'));
            }
        }
        return nullptr;
    }
    auto impl = std::make_unique<Impl>();
    impl->jq = jq;
    impl->limits = limits;
    return std::unique_ptr<BoundedJqFilter>(new BoundedJqFilter(std::move(impl)));
}

BoundedJqFilter::BoundedJqFilter(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}

BoundedJqFilter::~BoundedJqFilter() = default;

uint64_t BoundedJqFilter::workerStarts() const
{
    return d->starts;
}

std::vector<BoundedJqFilter::Result>
BoundedJqFilter::evaluate(const std::vector<std::string>& inputs, const std::atomic<bool>* cancel)
{
    std::vector<Result> out;
    out.reserve(inputs.size());
    size_t sent = 0; // messages handed to the current worker (from out.size())
    std::string wbuf;
    size_t woff = 0;
    auto deadline = Clock::now() + std::chrono::milliseconds(d->limits.timeoutMs);
    const auto restart = [&](Result r) {
        out.push_back(std::move(r));
        sent = out.size();
        wbuf.clear();
        woff = 0;
        deadline = Clock::now() + std::chrono::milliseconds(d->limits.timeoutMs);
    };
    while (out.size() < inputs.size()) {
        if (cancel && cancel->load()) {
            d->stop(); // it may hold messages we no longer want answered
            break;
        }
        if (d->pid < 0) {
            std::string error;
            if (!d->start(&error)) {
                restart({JqVerdict::Error, "jq: error: " + error, {}});
                continue;
            }
            // Starting the worker is not the message's time: forking a large process (ASan's,
            // on a loaded machine) took long enough to time out the first message.
            deadline = Clock::now() + std::chrono::milliseconds(d->limits.timeoutMs);
        }
        while (woff == wbuf.size() && sent < inputs.size() && sent - out.size() < kInFlight) {
            wbuf.clear();
            woff = 0;
            putU32(wbuf, uint32_t(inputs[sent].size()));
            wbuf += inputs[sent++];
        }
        pollfd pfd{d->fd, short(POLLIN | (woff < wbuf.size() ? POLLOUT : 0)), 0};
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
        if (left <= 0) {
            d->stop();
            restart({JqVerdict::TimedOut,
                     "the filter took longer than " + std::to_string(d->limits.timeoutMs) +
                         " ms on this message",
                     {}});
            continue;
        }
        // Short waits, so a cancel is seen promptly.
        const int pr = ::poll(&pfd, 1, int(std::min<long long>(left, 50)));
        if (pr <= 0)
            continue;
        if ((pfd.revents & POLLOUT) && woff < wbuf.size()) {
            const ssize_t w =
                ::send(d->fd, wbuf.data() + woff, wbuf.size() - woff, MSG_NOSIGNAL | MSG_DONTWAIT);
            if (w > 0)
                woff += size_t(w);
        }
        if (!(pfd.revents & (POLLIN | POLLHUP | POLLERR)))
            continue;
        char chunk[65536];
        const ssize_t r = ::recv(d->fd, chunk, sizeof chunk, MSG_DONTWAIT);
        if (r < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (r <= 0) {
            restart({JqVerdict::Error, "jq: error: " + d->ended(), {}});
            continue;
        }
        d->readBuf.append(chunk, size_t(r));
        size_t p = 0;
        while (d->readBuf.size() - p >= 5) {
            uint32_t len = 0;
            std::memcpy(&len, d->readBuf.data() + p + 1, 4);
            if (d->readBuf.size() - p - 5 < len)
                break;
            Result res;
            res.verdict = JqVerdict(uint8_t(d->readBuf[p]));
            (res.verdict == JqVerdict::Error ? res.error : res.output) =
                d->readBuf.substr(p + 5, len);
            out.push_back(std::move(res));
            p += 5 + len;
            deadline = Clock::now() + std::chrono::milliseconds(d->limits.timeoutMs);
        }
        d->readBuf.erase(0, p);
    }
    return out;
}

} // namespace porthole
