// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace porthole {

/// What one message is under a jq filter with `select` semantics.
enum class JqVerdict : uint8_t
{
    Rejected, ///< no output, null or false
    Passed,   ///< the first output is anything else
    Error,    ///< jq raised an error (or the input is not JSON)
    TimedOut  ///< the message took longer than the limit; the worker was restarted
};

/// A user's jq filter run over many messages, bounded per message: the compiled program runs
/// in ONE long-lived fork()ed worker that takes messages in a stream (a fork per message costs
/// ~1 ms, too slow for 30,000), with a memory limit. A message without a verdict within the
/// time limit gets TimedOut; the worker is killed and a new one takes the next message, so a
/// runaway on one message costs one message. Not thread-safe: one thread uses an instance.
class BoundedJqFilter
{
public:
    struct Limits
    {
        int timeoutMs = 1000;     ///< per message
        int memoryLimitMb = 2048; ///< address space the worker may add
        bool wantOutput = false;  ///< also return the first output as text (columns)
    };
    struct Result
    {
        JqVerdict verdict = JqVerdict::Rejected;
        std::string error;  ///< for Error and TimedOut
        std::string output; ///< with wantOutput: a string's text, anything else as JSON
    };

    /// Compiles `body` (the filter text, run like `watch --filter` always has: Port's prelude
    /// and `def env` around it). Null with `error` ("jq: compile error: …") and where in the
    /// body (1-based `line` and `column`, -1 unknown) when it does not compile. jq 1.6 names
    /// only the line; the column of a syntax error is found by compiling prefixes of the body
    /// (the first prefix with the same kind of error ends at the unexpected token), that of an
    /// undefined function by its name.
    static std::unique_ptr<BoundedJqFilter> compile(const std::string& body, const Limits& limits,
                                                    std::string* error, int* line = nullptr,
                                                    int* column = nullptr);
    ~BoundedJqFilter();
    BoundedJqFilter(const BoundedJqFilter&) = delete;
    BoundedJqFilter& operator=(const BoundedJqFilter&) = delete;

    /// One result per JSON text, in order. When `cancel` becomes true the results so far are
    /// returned (fewer than inputs).
    std::vector<Result> evaluate(const std::vector<std::string>& jsonInputs,
                                 const std::atomic<bool>* cancel = nullptr);

    /// Workers started so far (1 + one per timeout or crash), for tests and benchmarks.
    uint64_t workerStarts() const;

    struct Impl;

private:
    explicit BoundedJqFilter(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> d;
};

} // namespace porthole
