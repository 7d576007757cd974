// SPDX-License-Identifier: GPL-3.0-or-later
// Property: any record off the wire (key, headers and value from the fuzz input) is classified
// without crashing, and the watch command's JSON line for it is valid JSON that parses back.
#include "core/jsonparser.h"
#include "core/messagedecoder.h"

#include <cstdlib>

using namespace porthole;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const std::string_view in(reinterpret_cast<const char*>(data), size);
    KafkaRecord r;
    r.topic = "fuzz.runs";
    r.partition = 1;
    r.offset = int64_t(size);
    r.timestamp = 1764000000000;
    // Layout: [flags][key \x00 header-name \x00 header-value \x00] value
    const uint8_t flags = size ? data[0] : 0;
    std::string_view rest = size ? in.substr(1) : in;
    auto take = [&rest]() {
        const size_t nul = rest.find('\0');
        std::string part(rest.substr(0, nul));
        rest = nul == std::string_view::npos ? std::string_view() : rest.substr(nul + 1);
        return part;
    };
    if (flags & 1)
        r.key = take();
    if (flags & 2) {
        std::string name = take();
        r.headers.emplace_back(std::move(name),
                               (flags & 4) ? std::optional<std::string>(take()) : std::nullopt);
    }
    if (!(flags & 8))
        r.value = std::string(rest);
    std::string compact;
    const MessageInfo info = MessageDecoder::decode(r, &compact);
    if (info.format == ValueFormat::Json && !JsonParser::parse(compact).ok())
        std::abort();
    const std::string line = MessageDecoder::toJsonLine(r);
    if (!JsonParser::parse(line).ok())
        std::abort();
    return 0;
}
