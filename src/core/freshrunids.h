// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "runid.h"

#include <cstdint>
#include <string>
#include <string_view>

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

    /// Round `round`'s fresh id for `old` (same kind, Port's 16 letters/digits).
    RunId fresh(const RunId& old, uint64_t round) const;
    /// `text` with every run id (Port's form or hand-made) replaced by `round`'s fresh one.
    std::string apply(std::string_view text, uint64_t round) const;

private:
    uint64_t m_seed;
};

} // namespace porthole
