// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runid.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// Fresh run ids for a publish that sends a rendered message more than once: Port creates a
/// new run (new wfr_/wfnr_/r_ ids) every time it publishes, so round `n` of a repeat replaces
/// every run id in a message by one of its own, in Port's form. Within one round the same old
/// id always becomes the same fresh id (an array payload's messages are one run, and a wfnr_
/// keeps its wfr_); each round, and each FreshRunIds, gives different ones. The ids are a
/// function of (seed, round, old id), so the ids a round will carry can be read before it is
/// sent (a sandbox registers runs first) without storing them. The one place publishes get
/// fresh ids: PublishSession (CLI and app) uses it.
class FreshRunIds
{
public:
    /// A random seed: two publishes never share ids.
    FreshRunIds();
    /// A fixed seed, for tests.
    explicit FreshRunIds(uint64_t seed) : m_seed(seed) {}

    /// Where one run id sits in a text, and what round after round replaces it depends on.
    struct Spot
    {
        size_t begin = 0;
        size_t length = 0;
        RunId::Kind kind = RunId::Kind::WorkflowRun;
        uint64_t key = 0; ///< the old id's text, hashed and mixed
    };
    /// The run ids of `text`, found once: a publish that repeats a message thousands of times
    /// copies it with fresh ids each round without searching it again (issue 24's speed).
    static std::vector<Spot> find(std::string_view text);

    /// Round `round`'s fresh id for `old` (same kind, Port's 16 letters/digits).
    RunId fresh(const RunId& old, uint64_t round) const;
    /// The same for the id at `spot`.
    RunId fresh(const Spot& spot, uint64_t round) const;
    /// The text of fresh(spot, round), appended to `out` (no RunId built: one per report).
    void appendFresh(const Spot& spot, uint64_t round, std::string* out) const
    {
        appendFresh(out, spot.kind, spot.key, round);
    }
    /// `text` with every run id (Port's form or hand-made) replaced by `round`'s fresh one.
    std::string apply(std::string_view text, uint64_t round) const;
    /// The same into `out` (its capacity reused), `spots` being find(text).
    void applyTo(std::string_view text, const std::vector<Spot>& spots, uint64_t round,
                 std::string* out) const;

private:
    void appendFresh(std::string* out, RunId::Kind kind, uint64_t key, uint64_t round) const;
    uint64_t m_seed;
};

} // namespace porthole
