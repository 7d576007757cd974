// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <string_view>

namespace porthole {

/// A classic hex dump, one line per 16 bytes: the offset (8 hex digits), the bytes in hex (a
/// gap after the eighth) and the printable ones as ASCII ('.' for the rest). The value view
/// shows binary values this way and the Raw tab shows every key and value this way.
QString hexDump(std::string_view bytes);

} // namespace porthole
