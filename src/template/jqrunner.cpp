// SPDX-License-Identifier: GPL-3.0-or-later
// Running compiled programs: the binding's value conversions, in-process runs, and the fork()ed
// sandbox that keeps a runaway or aborting expression away from the caller's process.
#include "jqchild.h"
#include "jqinternal.h"

#include "core/utf8.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <sys/wait.h>
#include <unistd.h>
#include <unordered_map>

namespace porthole::jqinternal {

std::string cBuffer(std::string s)
{
    // snprintf into char[4096] keeps 4095 bytes; V8 then decodes a cut sequence as U+FFFD.
    if (s.size() <= 4095)
        return s;
    s.resize(4095);
    if (const size_t cut = Utf8::cutSequenceStart(s); cut != std::string::npos) {
        s.resize(cut);
        s += "\xEF\xBF\xBD";
    }
    return s;
}

namespace {
// jq 1.6's jq_reset frees the exit code and message of a halt but leaves the fields pointing at
// them, so the next reset frees them again. After a halt, one empty start frees them exactly
// once, and a halt with invalid values (which jq_reset may free any number of times) replaces
// the dangling pointers. No reference is leaked or freed twice.
void settleHalt(jq_state* jq)
{
    if (!jq_halted(jq))
        return;
    jq_start(jq, jv_null(), 0);
    jq_halt(jq, jv_invalid(), jv_invalid());
}
} // namespace

void start(jq_state* jq, jv input)
{
    settleHalt(jq);
    jq_start(jq, input, 0);
}

void teardown(jq_state** jq)
{
    if (*jq)
        settleHalt(*jq);
    jq_teardown(jq);
}

JsonValue toJs(jv v)
{
    switch (jv_get_kind(v)) {
    case JV_KIND_NULL:
        jv_free(v);
        return nullptr;
    case JV_KIND_TRUE:
        jv_free(v);
        return true;
    case JV_KIND_FALSE:
        jv_free(v);
        return false;
    case JV_KIND_NUMBER: {
        const double d = jv_number_value(v);
        jv_free(v);
        return d;
    }
    case JV_KIND_STRING: {
        // Nan::New(const char*): the string ends at its first NUL.
        std::string s(jv_string_value(v));
        jv_free(v);
        return s;
    }
    case JV_KIND_ARRAY: {
        const int n = jv_array_length(jv_copy(v));
        JsonValue::Array a;
        a.reserve(size_t(n));
        for (int i = 0; i < n; ++i)
            a.push_back(toJs(jv_array_get(jv_copy(v), i)));
        jv_free(v);
        return JsonValue(std::move(a));
    }
    case JV_KIND_OBJECT: {
        // Keys are C strings too (cut at NUL, so two keys may collide: the later value wins in
        // the earlier place), and Nan::Set of "__proto__" sets the prototype instead of a key.
        JsonValue::Object members;
        std::unordered_map<std::string, size_t> index;
        jv_object_foreach(v, key, value)
        {
            std::string k(jv_string_value(key));
            jv_free(key);
            JsonValue js = toJs(value);
            if (k == "__proto__")
                continue;
            auto [it, inserted] = index.try_emplace(k, members.size());
            if (inserted)
                members.emplace_back(std::move(k), std::move(js));
            else
                members[it->second].second = std::move(js);
        }
        jv_free(v);
        return JsonValue(std::move(members));
    }
    default:
        jv_free(v);
        return {};
    }
}

JqOutcome topOutcome(jv r)
{
    JqOutcome o;
    if (jv_is_valid(r)) {
        o.kind = JqOutcome::Kind::Value;
        o.value = toJs(r);
        return o;
    }
    jv msg = jv_invalid_get_msg(r);
    if (jv_get_kind(msg) == JV_KIND_STRING) {
        o.kind = JqOutcome::Kind::Error;
        o.error = cBuffer(std::string("jq: error: ") + jv_string_value(msg));
    }
    jv_free(msg);
    return o;
}

void runItems(const std::unordered_map<int, Program>& programs, const std::vector<Item>& items,
              size_t from, jv context, bool contextValid, const Sink& sink)
{
    size_t i = from;
    while (i < items.size()) {
        const Program& p = programs.at(items[i].program);
        if (!contextValid) {
            // The binding's jv_parse failed (jq 1.6 refuses nesting deeper than 256): it returns
            // null, and `data?.value` is undefined.
            sink(i, JqOutcome{});
            ++i;
            continue;
        }
        jv input = p.combined
                       ? jv_array_append(jv_array_append(jv_array(), jv_number(items[i].slot)),
                                         jv_copy(context))
                       : jv_copy(context);
        start(p.jq, input);
        sink(i, topOutcome(jq_next(p.jq)));
        ++i;
    }
}

namespace {

// --- A compact binary form of outcomes for the pipe (keeps NaN, -0 and undefined exactly) ---
void putU32(std::string& b, uint32_t v)
{
    b.append(reinterpret_cast<const char*>(&v), 4);
}
void putStr(std::string& b, const std::string& s)
{
    putU32(b, uint32_t(s.size()));
    b += s;
}

void encode(std::string& b, const JsonValue& v)
{
    switch (v.type()) {
    case JsonValue::Type::Undefined:
        b += 'u';
        break;
    case JsonValue::Type::Null:
        b += 'n';
        break;
    case JsonValue::Type::Bool:
        b += v.toBool() ? 't' : 'f';
        break;
    case JsonValue::Type::Number: {
        b += 'd';
        const double d = v.toNumber();
        b.append(reinterpret_cast<const char*>(&d), 8);
        break;
    }
    case JsonValue::Type::String:
        b += 's';
        putStr(b, v.toString());
        break;
    case JsonValue::Type::Array:
        b += 'a';
        putU32(b, uint32_t(v.elements().size()));
        for (const auto& e : v.elements())
            encode(b, e);
        break;
    case JsonValue::Type::Object:
        b += 'o';
        putU32(b, uint32_t(v.members().size()));
        for (const auto& [k, e] : v.members()) {
            putStr(b, k);
            encode(b, e);
        }
        break;
    }
}

struct Reader
{
    const std::string& b;
    size_t p = 0;
    bool ok = true;
    uint32_t u32()
    {
        uint32_t v = 0;
        if (p + 4 > b.size()) {
            ok = false;
            return 0;
        }
        std::memcpy(&v, b.data() + p, 4);
        p += 4;
        return v;
    }
    std::string str()
    {
        const uint32_t n = u32();
        if (!ok || p + n > b.size()) {
            ok = false;
            return {};
        }
        std::string s = b.substr(p, n);
        p += n;
        return s;
    }
    JsonValue value(int depth = 0)
    {
        if (!ok || p >= b.size() || depth > 100000) {
            ok = false;
            return {};
        }
        switch (b[p++]) {
        case 'n':
            return nullptr;
        case 't':
            return true;
        case 'f':
            return false;
        case 'd': {
            double d = 0;
            if (p + 8 > b.size()) {
                ok = false;
                return {};
            }
            std::memcpy(&d, b.data() + p, 8);
            p += 8;
            return d;
        }
        case 's':
            return str();
        case 'a': {
            const uint32_t n = u32();
            JsonValue::Array a;
            for (uint32_t i = 0; i < n && ok; ++i)
                a.push_back(value(depth + 1));
            return JsonValue(std::move(a));
        }
        case 'o': {
            const uint32_t n = u32();
            JsonValue::Object o;
            for (uint32_t i = 0; i < n && ok; ++i) {
                std::string k = str();
                o.emplace_back(std::move(k), value(depth + 1));
            }
            return JsonValue(std::move(o));
        }
        default:
            return {};
        }
    }
};

bool writeAll(int fd, const std::string& b)
{
    size_t off = 0;
    while (off < b.size()) {
        const ssize_t w = ::write(fd, b.data() + off, b.size() - off);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return false;
        off += size_t(w);
    }
    return true;
}

[[noreturn]] void childMain(int fd, const std::unordered_map<int, Program>& programs,
                            const std::vector<Item>& items, size_t from, jv context,
                            bool contextValid)
{
    runItems(programs, items, from, context, contextValid, [fd](size_t index, JqOutcome&& o) {
        std::string rec;
        putU32(rec, 0); // record length, patched below
        putU32(rec, uint32_t(index));
        rec += char('0' + int(o.kind));
        if (o.kind == JqOutcome::Kind::Error)
            putStr(rec, o.error);
        else
            encode(rec, o.value);
        const uint32_t len = uint32_t(rec.size() - 4);
        std::memcpy(rec.data(), &len, 4);
        if (!writeAll(fd, rec))
            _exit(3);
    });
    _exit(0);
}

JqOutcome limitError(std::string text)
{
    JqOutcome o;
    o.kind = JqOutcome::Kind::Error;
    o.error = "jq: error: " + std::move(text);
    o.limitHit = true;
    return o;
}

} // namespace

std::vector<JqOutcome> runForked(const std::unordered_map<int, Program>& programs,
                                 const std::vector<Item>& items, jv context, bool contextValid,
                                 const JqLimits& limits, uint64_t* forks)
{
    using Clock = std::chrono::steady_clock;
    std::vector<JqOutcome> out(items.size());
    size_t next = 0;
    while (next < items.size()) {
        int fds[2];
        if (pipe2(fds, O_CLOEXEC) != 0) {
            out[next] = limitError(std::string("cannot create a pipe: ") + std::strerror(errno));
            ++next;
            continue;
        }
        const pid_t pid = jqchild::forkJqChild(fds[1], limits.memoryLimitMb);
        if (pid < 0) {
            ::close(fds[0]);
            ::close(fds[1]);
            out[next] = limitError(std::string("cannot fork: ") + std::strerror(errno));
            ++next;
            continue;
        }
        if (pid == 0)
            childMain(jqchild::kChannelFd, programs, items, next, context, contextValid);
        if (forks)
            ++*forks;
        ::close(fds[1]);
        std::string buf;
        auto deadline = Clock::now() + std::chrono::milliseconds(limits.timeoutMs);
        bool timedOut = false;
        char chunk[65536];
        for (;;) {
            const auto left =
                std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now())
                    .count();
            if (left <= 0) {
                timedOut = true;
                break;
            }
            pollfd pfd{fds[0], POLLIN, 0};
            const int pr = ::poll(&pfd, 1, int(std::min<long long>(left, 1 << 30)));
            if (pr < 0 && errno == EINTR)
                continue;
            if (pr == 0)
                continue; // re-check the deadline
            const ssize_t r = ::read(fds[0], chunk, sizeof chunk);
            if (r < 0 && errno == EINTR)
                continue;
            if (r <= 0)
                break; // EOF: the child finished or died
            buf.append(chunk, size_t(r));
            // Decode complete records; each one restarts the per-expression deadline.
            size_t p = 0;
            while (buf.size() - p >= 4) {
                uint32_t len = 0;
                std::memcpy(&len, buf.data() + p, 4);
                if (buf.size() - p - 4 < len)
                    break;
                const std::string rec = buf.substr(p + 4, len);
                p += 4 + len;
                Reader rd{rec};
                const uint32_t index = rd.u32();
                if (!rd.ok || rec.size() < 5 || index >= items.size())
                    continue;
                rd.p = 5;
                JqOutcome o;
                o.kind = JqOutcome::Kind(rec[4] - '0');
                if (o.kind == JqOutcome::Kind::Error)
                    o.error = rd.str();
                else
                    o.value = rd.value();
                out[index] = std::move(o);
                next = index + 1;
                deadline = Clock::now() + std::chrono::milliseconds(limits.timeoutMs);
            }
            buf.erase(0, p);
        }
        if (timedOut)
            ::kill(pid, SIGKILL);
        ::close(fds[0]);
        int status = 0;
        while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        if (next >= items.size())
            break;
        if (timedOut) {
            out[next] =
                limitError("evaluation timed out after " + std::to_string(limits.timeoutMs) +
                           " ms (Port stops an expression after 5 s)");
        } else if (WIFSIGNALED(status)) {
            out[next] = limitError(std::string("the jq engine was stopped by signal ") +
                                   strsignal(WTERMSIG(status)) +
                                   " (jq aborts when it runs out of memory; the limit is " +
                                   std::to_string(limits.memoryLimitMb) + " MB)");
        } else {
            out[next] = limitError("the jq engine exited unexpectedly (status " +
                                   std::to_string(WEXITSTATUS(status)) + ")");
        }
        ++next;
    }
    return out;
}

} // namespace porthole::jqinternal
