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

__extension__ using Wide = unsigned __int128; // GCC and Clang; __extension__: -Wpedantic

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

std::vector<FreshRunIds::Spot> FreshRunIds::find(std::string_view text)
{
    std::vector<Spot> spots;
    for (size_t pos = 0; pos < text.size();) {
        const RunId old = RunId::findNext(text, pos);
        if (old.isNull())
            break;
        spots.push_back(
            {pos - old.text().size(), old.text().size(), old.kind(), mix(hashText(old.text()))});
    }
    return spots;
}

void FreshRunIds::appendFresh(std::string* out, RunId::Kind kind, uint64_t key,
                              uint64_t round) const
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    constexpr uint64_t kLetters = sizeof kAlphabet - 1;
    const uint64_t base = mix(m_seed ^ mix(round ^ key));
    out->append(RunId::prefix(kind));
    // Two mixed 64-bit draws, eight base-62 digits from each: 62^8 < 2^48, so the digits are
    // uniform within 62^8 / 2^64 (about 1e-5). A draw per character made this function 12%
    // of a 40,000-message publish. The digits are the draw read as a fraction of 2^64 in base
    // 62: each is the high word of one multiplication (a division per digit was 6%).
    char tail[RunId::kPortLength];
    for (size_t half = 0; half < 2; ++half) {
        uint64_t fraction = mix(base + half);
        for (size_t i = 0; i < RunId::kPortLength / 2; ++i) {
            const Wide product = Wide(fraction) * kLetters;
            tail[half * RunId::kPortLength / 2 + i] = kAlphabet[uint64_t(product >> 64)];
            fraction = uint64_t(product);
        }
    }
    out->append(tail, sizeof tail);
}

RunId FreshRunIds::fresh(const RunId& old, uint64_t round) const
{
    std::string text;
    appendFresh(&text, old.kind(), mix(hashText(old.text())), round);
    return RunId::parse(text);
}

RunId FreshRunIds::fresh(const Spot& spot, uint64_t round) const
{
    RunId id; // Port's form by construction: no parse (one per delivery report)
    id.m_kind = spot.kind;
    appendFresh(&id.m_text, spot.kind, spot.key, round);
    return id;
}

std::string FreshRunIds::apply(std::string_view text, uint64_t round) const
{
    std::string out;
    applyTo(text, find(text), round, &out);
    return out;
}

void FreshRunIds::applyTo(std::string_view text, const std::vector<Spot>& spots, uint64_t round,
                          std::string* out) const
{
    out->clear();
    out->reserve(text.size() + spots.size() * RunId::kPortLength);
    // An id met before in this text (a wfr_ named twice) is copied from where it was written
    // (the reserve above means `out` does not move); the first few ids are remembered.
    constexpr size_t kRemembered = 8;
    size_t writtenAt[kRemembered];
    size_t copied = 0;
    for (size_t i = 0; i < spots.size(); ++i) {
        const Spot& spot = spots[i];
        out->append(text.substr(copied, spot.begin - copied));
        size_t seen = 0;
        while (seen < i && seen < kRemembered && spots[seen].key != spot.key)
            ++seen;
        const size_t length = RunId::prefix(spot.kind).size() + RunId::kPortLength;
        if (seen < i && seen < kRemembered) {
            out->append(*out, writtenAt[seen], length);
        } else {
            if (i < kRemembered)
                writtenAt[i] = out->size();
            appendFresh(out, spot.kind, spot.key, round);
        }
        copied = spot.begin + spot.length;
    }
    out->append(text.substr(copied));
}

} // namespace porthole
