// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqengine.h"

#include "core/jswriter.h"
#include "jqfilter.h"
#include "jqinternal.h"

#include <algorithm>
#include <functional>
#include <unordered_set>

namespace porthole {

using jqinternal::Item;
using jqinternal::Program;

namespace {

constexpr size_t kMaxPrograms = 64;
constexpr size_t kMaxBatch = 512; // bodies per combined program
constexpr size_t kMaxFailed = 4096;

// Compile errors as Port's binding reports them (its throw_err_cb): the last message that
// starts with "jq: error" becomes "jq: compile error…", cut at its first newline.
struct CompileErrors
{
    std::string binding;
    std::vector<std::string> all;
};

void collectError(void* data, jv msg)
{
    auto* e = static_cast<CompileErrors*>(data);
    if (jv_get_kind(msg) != JV_KIND_STRING)
        msg = jv_dump_string(msg, JV_PRINT_INVALID);
    const std::string text = jv_string_value(msg);
    jv_free(msg);
    e->all.push_back(text);
    if (text.rfind("jq: error", 0) == 0)
        e->binding = jqinternal::cBuffer("jq: compile error" + text.substr(9));
    if (const auto nl = e->binding.find('\n'); nl != std::string::npos)
        e->binding.resize(nl);
}

void ignoreError(void*, jv msg)
{
    jv_free(msg);
}

// jq 1.6's jq_init leaves the input and debug callbacks uninitialised: `input` or `debug`
// would call a garbage pointer (this is why Port's binding crashes on `{{ input }}`).
jv noInput(jq_state*, void*)
{
    return jv_invalid_with_msg(jv_string("No more inputs"));
}

// "… at <top-level>, line N:" → N, or -1.
int errorLine(const std::string& msg)
{
    const auto at = msg.find("at <top-level>, line ");
    if (at == std::string::npos)
        return -1;
    return std::atoi(msg.c_str() + at + 21);
}

} // namespace

struct JqEngine::Impl
{
    struct Entry
    {
        int program = -1;
        int slot = 0;
        bool failed = false;
        std::string error;
    };
    std::unordered_map<std::string, Entry> entries;
    std::unordered_map<int, Program> programs;
    int nextId = 1;
    uint64_t clock = 0;
    Stats stats;
    bool haveContext = false;
    JsonValue contextValue;
    jv contextJv = jv_null();
    bool contextValid = false;
    // Outcomes of pure bodies for the current context: jq is deterministic apart from a few
    // builtins (isPure), so a warm re-render with the same context needs no jq at all.
    std::unordered_map<std::string, JqOutcome> memo;

    ~Impl() { clear(); }

    static bool isPure(const std::string& body)
    {
        for (const char* impure : {"now", "input", "debug", "stderr", "halt"})
            if (body.find(impure) != std::string::npos)
                return false;
        return true;
    }

    void clear()
    {
        for (auto& [id, p] : programs)
            jqinternal::teardown(&p.jq);
        programs.clear();
        entries.clear();
        memo.clear();
        jv_free(contextJv);
        contextJv = jv_null();
        haveContext = false;
    }

    // Compiles one program; returns its jq_state or nullptr with the errors filled in.
    jq_state* compile(const std::string& text, CompileErrors* errors)
    {
        jq_state* jq = jq_init();
        if (!jq)
            return nullptr;
        jq_set_input_cb(jq, noInput, nullptr);
        jq_set_debug_cb(jq, ignoreError, nullptr);
        jq_set_error_cb(jq, collectError, errors);
        ++stats.compiles;
        const int ok = jq_compile(jq, text.c_str());
        jq_set_error_cb(jq, ignoreError, nullptr);
        if (!ok) {
            jqinternal::teardown(&jq);
            return nullptr;
        }
        return jq;
    }

    void compileIndividual(const std::string& body)
    {
        CompileErrors errors;
        Entry e;
        if (jq_state* jq = compile(JqFilter::program(body), &errors)) {
            const int id = nextId++;
            programs[id] = Program{jq, false, 1, clock};
            e.program = id;
        } else {
            e.failed = true;
            e.error = errors.binding.empty() ? std::string("jq: compile error") : errors.binding;
        }
        entries[body] = std::move(e);
    }

    // One program for many bodies. Each body starts on its own line, so compile errors name
    // the line and we can set the culprits aside and compile the rest together again.
    void compileCombined(std::vector<std::string> bodies)
    {
        for (int attempt = 0; attempt < 4 && bodies.size() > 1; ++attempt) {
            // A binary tree of `if`s picks one body by the slot number in the input, so each
            // body runs alone (jq_start + first jq_next, exactly like its own program) while
            // the ~25 ms of builtins compile once for all.
            std::string text = JqFilter::prelude() + ".[0] as $__porthole_slot | .[1] | ";
            std::vector<std::pair<int, int>> lines(bodies.size()); // first/last line of a body
            int line = 1;
            auto append = [&](const std::string& s) {
                text += s;
                line += int(std::count(s.begin(), s.end(), '\n'));
            };
            std::function<void(size_t, size_t)> tree = [&](size_t lo, size_t hi) {
                if (hi - lo == 1) {
                    append("(\n");
                    lines[lo].first = line;
                    append(bodies[lo]);
                    lines[lo].second = line;
                    append("\n)");
                    return;
                }
                const size_t mid = (lo + hi) / 2;
                append("if $__porthole_slot < " + std::to_string(mid) + " then ");
                tree(lo, mid);
                append(" else ");
                tree(mid, hi);
                append(" end");
            };
            tree(0, bodies.size());
            CompileErrors errors;
            ++stats.combinedCompiles;
            if (jq_state* jq = compile(text, &errors)) {
                const int id = nextId++;
                programs[id] = Program{jq, true, int(bodies.size()), clock};
                for (size_t i = 0; i < bodies.size(); ++i)
                    entries[bodies[i]] = Entry{id, int(i), false, {}};
                return;
            }
            std::vector<bool> bad(bodies.size(), false);
            bool any = false;
            for (const auto& msg : errors.all) {
                const int l = errorLine(msg);
                for (size_t i = 0; i < bodies.size(); ++i)
                    if (l >= lines[i].first && l <= lines[i].second)
                        bad[i] = any = true;
            }
            if (!any)
                break;
            std::vector<std::string> rest;
            for (size_t i = 0; i < bodies.size(); ++i) {
                if (bad[i])
                    compileIndividual(bodies[i]);
                else
                    rest.push_back(bodies[i]);
            }
            bodies = std::move(rest);
        }
        for (const auto& b : bodies)
            compileIndividual(b);
    }

    void evict()
    {
        if (programs.size() > kMaxPrograms) {
            std::vector<std::pair<uint64_t, int>> byUse;
            for (const auto& [id, p] : programs)
                byUse.emplace_back(p.lastUse, id);
            std::sort(byUse.begin(), byUse.end());
            std::unordered_set<int> gone;
            for (size_t i = 0; i + kMaxPrograms / 2 < byUse.size(); ++i) {
                if (byUse[i].first == clock)
                    break; // never drop what this evaluation needs
                gone.insert(byUse[i].second);
                jqinternal::teardown(&programs[byUse[i].second].jq);
                programs.erase(byUse[i].second);
            }
            std::erase_if(entries, [&](const auto& kv) { return gone.count(kv.second.program); });
        }
        size_t failed = 0;
        for (const auto& kv : entries)
            failed += kv.second.failed;
        if (failed > kMaxFailed)
            std::erase_if(entries, [](const auto& kv) { return kv.second.failed; });
    }

    void setContext(const JsonValue& context)
    {
        if (haveContext && contextValue == context)
            return;
        // Port's binding sends JSON.stringify(context) through jq's parser.
        const std::string text = JsWriter::stringify(context);
        jv_free(contextJv);
        contextJv = jv_parse_sized(text.data(), int(text.size()));
        contextValid = jv_is_valid(contextJv);
        contextValue = context;
        haveContext = true;
        memo.clear();
    }
};

JqEngine::JqEngine() : d(std::make_unique<Impl>()) {}
JqEngine::~JqEngine() = default;

JqEngine& JqEngine::shared()
{
    static JqEngine engine;
    return engine;
}

std::vector<JqOutcome> JqEngine::evaluate(const std::vector<std::string>& bodies,
                                          const JsonValue& context, const JqLimits& limits)
{
    ++d->clock;
    std::vector<JqOutcome> out(bodies.size());
    d->setContext(context);
    if (d->memo.size() > 20000)
        d->memo.clear();
    std::vector<bool> done(bodies.size(), false);
    for (size_t i = 0; i < bodies.size(); ++i) {
        if (auto it = d->memo.find(bodies[i]); it != d->memo.end()) {
            out[i] = it->second;
            done[i] = true;
            continue;
        }
        // A path, literal, `//` or `if` over them: jq's own answer without its compile.
        if (!d->contextValid)
            continue;
        if (auto r = jqinternal::shortcut(bodies[i], d->contextJv)) {
            out[i] = jqinternal::topOutcome(*r);
            done[i] = true;
            ++d->stats.shortcuts;
            d->memo.emplace(bodies[i], out[i]);
        }
    }
    // Compile what the cache lacks: batchable bodies together, the others alone.
    std::vector<std::string> batch;
    std::unordered_set<std::string> seen;
    for (size_t i = 0; i < bodies.size(); ++i) {
        const std::string& b = bodies[i];
        if (done[i] || d->entries.count(b) || !seen.insert(b).second)
            continue;
        if (JqFilter::batchable(b))
            batch.push_back(b);
        else
            d->compileIndividual(b);
    }
    // jq 1.6's compiler is superlinear in program size (measured: 1,000 bodies in one program
    // render in 0.3 s, 10,000 took over 300 s; in chunks of 512 they take 3 s), so batches are cut.
    for (size_t from = 0; from < batch.size(); from += kMaxBatch) {
        const size_t to = std::min(batch.size(), from + kMaxBatch);
        if (to - from == 1)
            d->compileIndividual(batch[from]);
        else
            d->compileCombined({batch.begin() + long(from), batch.begin() + long(to)});
    }

    std::vector<Item> items;
    for (size_t i = 0; i < bodies.size(); ++i) {
        if (done[i])
            continue;
        const auto& e = d->entries.at(bodies[i]);
        if (e.failed) {
            out[i].kind = JqOutcome::Kind::Error;
            out[i].error = e.error;
            out[i].compileError = true;
            continue;
        }
        d->programs.at(e.program).lastUse = d->clock;
        items.push_back(Item{e.program, e.slot, i});
    }
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        return a.program != b.program ? a.program < b.program : a.slot < b.slot;
    });
    // The same slot twice (a repeated body) would break the one-output-per-slot protocol.
    std::vector<size_t> duplicateOf(items.size(), SIZE_MAX);
    std::vector<Item> unique;
    for (size_t i = 0; i < items.size(); ++i) {
        if (!unique.empty() && unique.back().program == items[i].program &&
            unique.back().slot == items[i].slot) {
            duplicateOf[i] = unique.size() - 1;
            continue;
        }
        duplicateOf[i] = unique.size();
        unique.push_back(items[i]);
    }
    if (!unique.empty()) {
        std::vector<JqOutcome> results;
        if (limits.isolation == Isolation::Fork) {
            results = jqinternal::runForked(d->programs, unique, d->contextJv, d->contextValid,
                                            limits, &d->stats.forks);
        } else {
            results.resize(unique.size());
            jqinternal::runItems(d->programs, unique, 0, d->contextJv, d->contextValid,
                                 [&](size_t k, JqOutcome&& o) { results[k] = std::move(o); });
        }
        for (size_t i = 0; i < items.size(); ++i)
            out[items[i].out] = results[duplicateOf[i]];
        for (const auto& it : items) {
            const JqOutcome& o = out[it.out];
            if (!o.limitHit && Impl::isPure(bodies[it.out]))
                d->memo.emplace(bodies[it.out], o);
        }
    }
    d->evict();
    return out;
}

JqEngine::Stats JqEngine::stats() const
{
    Stats s = d->stats;
    s.cachedExpressions = d->entries.size();
    s.cachedPrograms = d->programs.size();
    return s;
}

void JqEngine::clear()
{
    d->clear();
}

} // namespace porthole
