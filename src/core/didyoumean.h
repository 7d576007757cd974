// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace porthole {

/// The candidate closest to `word` by edit distance (at most a third of its length, at least
/// 2), or "" when none is close enough: for "did you mean …?" in diagnostics.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

/// " (did you mean \"X\"?)" or "" (the text diagnostics append).
std::string didYouMeanSuffix(std::string_view word, const std::vector<std::string>& candidates);

} // namespace porthole
