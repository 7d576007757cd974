// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonvalue.h"

#include <string>
#include <vector>

namespace porthole {

// Where a signed message is fragile: Port renders and writes messages in JavaScript, but its
// agent signs and verifies over Python's re-serialisation. Values that the two spell
// differently (0.00001 vs 1e-05, 1e-7 vs 1e-07) verify only for a verifier that re-serialises
// exactly like Python; a lone surrogate cannot be encoded by Python at all.
class SignatureFragility
{
public:
    struct Finding
    {
        std::string path;   ///< jq-style path of the value, e.g. .payload.ratio or .a[2]
        std::string reason; ///< e.g. JavaScript writes 0.00001, Python writes 1e-05
    };
    /// Every fragile value of a rendered message, in document order (at most `limit`).
    static std::vector<Finding> find(const JsonValue& message, size_t limit = 20);
};

} // namespace porthole
