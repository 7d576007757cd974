// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/jsonvalue.h"

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace porthole {

/// Where jq runs. Fork: each evaluation runs in a fork()ed child with a memory limit and a
/// per-expression deadline, so a runaway or aborting expression cannot hang or kill the app.
/// InProcess: no isolation, ~100x lower overhead (benchmarks, trusted warm re-renders).
enum class Isolation
{
    Fork,
    InProcess
};

/// Limits for one evaluation.
struct JqLimits
{
    int timeoutMs = 5000; // per expression, like Port's service
    Isolation isolation = Isolation::Fork;
    int memoryLimitMb = 2048; // address space the child may add (Fork only)
};

/// What Port's binding returns for one expression: a value, undefined (no output, halt,
/// error with a non-string message) or an error with the exact text the binding throws.
struct JqOutcome
{
    enum class Kind
    {
        Value,
        Undefined,
        Error
    };
    Kind kind = Kind::Undefined;
    JsonValue value;
    std::string error; // "jq: error: …" or "jq: compile error: …"
    bool compileError = false;
    bool limitHit = false; // timed out or ran out of memory (our limit, not jq's)
};

/// Compiles and runs jq 1.6 programs the way Port's binding does, with a cache: programs are
/// compiled once per expression text, and all new expressions of a render are compiled as ONE
/// program (jq spends ~25 ms per compile on its builtins, whatever the program's size).
/// Plain paths, literals, `//` and `if` over them need no compile at all (jqshortcut.cpp).
/// Not thread-safe: lock mutex() (shared() is used from any thread that way).
class JqEngine
{
public:
    JqEngine();
    ~JqEngine();
    JqEngine(const JqEngine&) = delete;
    JqEngine& operator=(const JqEngine&) = delete;

    /// The process-wide engine.
    static JqEngine& shared();
    /// Lock this around evaluate() when the engine is shared between threads.
    std::mutex& mutex() { return m_mutex; }

    /// Evaluates each filter body (JqFilter::body) against the context; one outcome each.
    std::vector<JqOutcome> evaluate(const std::vector<std::string>& bodies,
                                    const JsonValue& context, const JqLimits& limits);

    /// Counters for tests and benchmarks.
    struct Stats
    {
        uint64_t compiles = 0;  // jq_compile calls
        uint64_t shortcuts = 0; // expressions answered without jq (jqinternal::shortcut)
        uint64_t combinedCompiles = 0;
        uint64_t forks = 0;
        size_t cachedExpressions = 0;
        size_t cachedPrograms = 0;
    };
    Stats stats() const;
    /// Drops every compiled program.
    void clear();

    struct Impl;

private:
    std::unique_ptr<Impl> d;
    std::mutex m_mutex;
};

} // namespace porthole
