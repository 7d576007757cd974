// SPDX-License-Identifier: GPL-3.0-or-later
#include "didyoumean.h"

#include <algorithm>
#include <array>

namespace porthole {

namespace {

constexpr size_t kMaxWord = 80; // longer words get no suggestion (and no allocation)

// Levenshtein distance, cut off above `limit` (the caller only cares about close words).
size_t distance(std::string_view a, std::string_view b, size_t limit)
{
    if (a.size() > b.size() + limit || b.size() > a.size() + limit || b.size() >= kMaxWord)
        return limit + 1;
    std::array<size_t, kMaxWord + 1> row;
    for (size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (size_t i = 1; i <= a.size(); ++i) {
        size_t diag = row[0];
        row[0] = i;
        size_t best = row[0];
        for (size_t j = 1; j <= b.size(); ++j) {
            const size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
            diag = up;
            best = std::min(best, row[j]);
        }
        if (best > limit)
            return limit + 1;
    }
    return row[b.size()];
}

} // namespace

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates)
{
    const size_t limit = std::max<size_t>(2, word.size() / 3);
    std::string best;
    size_t bestDistance = limit + 1;
    // A suggestion is a courtesy: on a huge input (10,000 node ids) give up rather than spend
    // seconds of edit distances on every diagnostic.
    size_t budget = 500;
    for (const auto& c : candidates) {
        if (budget-- == 0)
            break;
        if (c == word)
            continue;
        const size_t d = distance(word, c, limit);
        if (d < bestDistance) {
            bestDistance = d;
            best = c;
        }
    }
    return best;
}

std::string didYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates)
{
    const std::string m = didYouMean(word, candidates);
    return m.empty() ? std::string() : " (did you mean \"" + m + "\"?)";
}

} // namespace porthole
