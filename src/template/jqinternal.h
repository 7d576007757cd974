// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to src/template: the only place outside .cpp files that sees <jq.h>.
extern "C" {
#include <jq.h>
}

#include "jqengine.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace porthole::jqinternal {

/// A compiled jq_state: either one expression ("individual", input = context) or many
/// ("combined", input = [slot, context], runs only that slot's expression).
struct Program
{
    jq_state* jq = nullptr;
    bool combined = false;
    int slots = 1;
    uint64_t lastUse = 0;
};

/// One expression to evaluate: which program and slot, and where its outcome goes.
struct Item
{
    int program = 0;
    int slot = 0;
    size_t out = 0;
};

using Sink = std::function<void(size_t itemIndex, JqOutcome&&)>;

/// jq_start, made safe against a jq 1.6 bug: after `halt_error` the state keeps its exit code
/// and message, and every later jq_reset (in jq_start and jq_teardown) frees them again. The
/// first reset after a halt is made a harmless one (see settleHalt in jqrunner.cpp).
void start(jq_state* jq, jv input);
/// jq_teardown with the same protection.
void teardown(jq_state** jq);

/// Converts a jq value like the binding's jv_object_to_v8 (consumes v).
JsonValue toJs(jv v);
/// The outcome of jq_next's first result, as the binding's exec() sees it (consumes r).
JqOutcome topOutcome(jv r);
/// An error message as the binding's 4096-byte snprintf buffer leaves it.
std::string cBuffer(std::string s);

/// The output of `body` when it is in the small subset answered without compiling jq (paths,
/// literals, `//`, `if … then … else … end` over them): exactly what jq 1.6 would output first
/// for it, an invalid jv carrying jq's error where jq raises one. Nothing when jq must decide.
/// `context` is borrowed; the result is owned by the caller.
std::optional<jv> shortcut(std::string_view body, jv context);

/// Runs items[from..] in this process, in order, reporting each outcome as it completes.
void runItems(const std::unordered_map<int, Program>& programs, const std::vector<Item>& items,
              size_t from, jv context, bool contextValid, const Sink& sink);

/// Runs the items in fork()ed children with a per-item deadline and a memory limit.
std::vector<JqOutcome> runForked(const std::unordered_map<int, Program>& programs,
                                 const std::vector<Item>& items, jv context, bool contextValid,
                                 const JqLimits& limits, uint64_t* forks);

} // namespace porthole::jqinternal
