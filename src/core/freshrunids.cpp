// SPDX-License-Identifier: GPL-3.0-or-later
#include "freshrunids.h"

#include <random>

namespace porthole {
namespace {

// splitmix64: a full-period 64-bit mixer, enough to spread (seed, round, id) over 62^16 ids.
uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

uint64_t hashText(std::string_view text)
{
    uint64_t h = 0xcbf29ce484222325ULL; // FNV-1a
    for (const char c : text)
        h = (h ^ uint8_t(c)) * 0x100000001b3ULL;
    return h;
}

} // namespace

FreshRunIds::FreshRunIds()
{
    std::random_device device;
    m_seed = (uint64_t(device()) << 32) ^ device();
}

RunId FreshRunIds::fresh(const RunId& old, uint64_t round) const
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    const uint64_t base = mix(m_seed ^ mix(round ^ mix(hashText(old.text()))));
    std::string text(RunId::prefix(old.kind()));
    // One mixed draw per character; the modulo's bias (2^64 mod 62) is far below 1e-17.
    for (uint64_t i = 0; i < RunId::kPortLength; ++i)
        text += kAlphabet[mix(base + i) % (sizeof kAlphabet - 1)];
    return RunId::parse(text);
}

std::string FreshRunIds::apply(std::string_view text, uint64_t round) const
{
    std::string out;
    out.reserve(text.size());
    size_t copied = 0;
    for (size_t pos = 0; pos < text.size();) {
        const RunId old = RunId::findNext(text, pos);
        if (old.isNull())
            break;
        const size_t begin = pos - old.text().size();
        out.append(text.substr(copied, begin - copied));
        out += fresh(old, round).text();
        copied = pos;
    }
    out.append(text.substr(copied));
    return out;
}

} // namespace porthole
