// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kafkarecord.h"

#include <string>
#include <string_view>

namespace porthole {

/// Reads a line of `porthole-cli watch` (MessageDecoder::toJsonLine) back into the exact record
/// it was written from: key, headers (null ones and binary ones too) and value bytes. This is
/// what recordings are made of; `publish --replay` and the app's "Open recording" use it.
class WatchLineParser
{
public:
    /// Fills `out` from one line; false with `error` saying what is wrong ("value: not valid
    /// base64"). Fields other than the record's (kind, ids, signature) are ignored.
    static bool parse(std::string_view line, KafkaRecord* out, std::string* error);
};

} // namespace porthole
