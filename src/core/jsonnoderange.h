// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "jsonnode.h"

namespace porthole {

/// The opening character of a value (a container's bracket): where "missing field"
/// diagnostics point.
inline SourceRange openingOf(const JsonNode& n)
{
    SourceRange r{n.range.begin, n.range.begin};
    r.end.offset += 1;
    r.end.column += 1;
    return r;
}

} // namespace porthole
