// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchoptions.h"

#include <charconv>

namespace porthole {

std::optional<StartPosition> StartPosition::parse(std::string_view text, std::string* error)
{
    StartPosition pos;
    if (text == "beginning") {
        pos.kind = Kind::Beginning;
        return pos;
    }
    if (text == "end") {
        pos.kind = Kind::End;
        return pos;
    }
    std::string_view digits = text;
    if (!text.empty() && text[0] == '@') {
        pos.kind = Kind::Timestamp;
        digits.remove_prefix(1);
    } else if (!text.empty() && text[0] == '-') {
        pos.kind = Kind::Tail;
        digits.remove_prefix(1);
    } else {
        pos.kind = Kind::Offset;
    }
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), pos.value);
    if (digits.empty() || ec != std::errc() || end != digits.data() + digits.size() ||
        pos.value < 0) {
        *error =
            "expected beginning, end, OFFSET, @EPOCH_MS or -N, got '" + std::string(text) + "'";
        return std::nullopt;
    }
    return pos;
}

} // namespace porthole
