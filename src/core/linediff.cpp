// SPDX-License-Identifier: GPL-3.0-or-later
#include "linediff.h"

#include <algorithm>

namespace porthole::LineDiff {
namespace {

using Kind = Line::Kind;

// Myers over a[a0, a0+n) and b[b0, b0+m), appended to `out` in order. False when more than
// kMaxEdits edits would be needed.
bool myers(const QStringList& a, int a0, int n, const QStringList& b, int b0, int m,
           std::vector<Line>& out)
{
    const int max = std::min(n + m, kMaxEdits);
    std::vector<int> v(size_t(2 * max + 3), 0); // v[k + max + 1]: furthest x on diagonal k
    const auto at = [&](int k) -> int& { return v[size_t(k + max + 1)]; };
    // trace[d] = v[-d..d] as it was before step d: all the backtrack reads of step d.
    std::vector<std::vector<int>> trace;
    int found = -1;
    for (int d = 0; d <= max && found < 0; ++d) {
        trace.emplace_back(v.begin() + (max + 1 - d), v.begin() + (max + 2 + d));
        for (int k = -d; k <= d; k += 2) {
            int x = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? at(k + 1) : at(k - 1) + 1;
            int y = x - k;
            while (x < n && y < m && a[a0 + x] == b[b0 + y]) {
                ++x;
                ++y;
            }
            at(k) = x;
            if (x >= n && y >= m) {
                found = d;
                break;
            }
        }
    }
    if (found < 0)
        return false;
    // Back from the end: each step is a diagonal run (same lines) after one edit.
    std::vector<Line> rev;
    int x = n, y = m;
    for (int d = found; d > 0; --d) {
        const std::vector<int>& before = trace[size_t(d)];
        const auto was = [&](int k) { return before[size_t(k + d)]; };
        const int k = x - y;
        const int prevK = (k == -d || (k != d && was(k - 1) < was(k + 1))) ? k + 1 : k - 1;
        const int prevX = was(prevK);
        const int prevY = prevX - prevK;
        for (; x > prevX && y > prevY; --x, --y)
            rev.push_back({Kind::Same, a0 + x - 1, b0 + y - 1});
        if (x == prevX)
            rev.push_back({Kind::Added, -1, b0 + y - 1});
        else
            rev.push_back({Kind::Removed, a0 + x - 1, -1});
        x = prevX;
        y = prevY;
    }
    for (; x > 0 && y > 0; --x, --y)
        rev.push_back({Kind::Same, a0 + x - 1, b0 + y - 1});
    out.insert(out.end(), rev.rbegin(), rev.rend());
    return true;
}

} // namespace

std::vector<Line> diff(const QStringList& left, const QStringList& right, bool* gaveUp)
{
    // Messages of one run differ in a few lines: the common start and end cost nothing.
    int start = 0;
    const int shorter = int(std::min(left.size(), right.size()));
    while (start < shorter && left[start] == right[start])
        ++start;
    int end = 0;
    while (end < shorter - start && left[left.size() - 1 - end] == right[right.size() - 1 - end])
        ++end;
    std::vector<Line> out;
    out.reserve(size_t(std::max(left.size(), right.size())));
    for (int i = 0; i < start; ++i)
        out.push_back({Kind::Same, i, i});
    const int n = int(left.size()) - start - end;
    const int m = int(right.size()) - start - end;
    const bool found = myers(left, start, n, right, start, m, out);
    if (!found) {
        for (int i = 0; i < n; ++i)
            out.push_back({Kind::Removed, start + i, -1});
        for (int j = 0; j < m; ++j)
            out.push_back({Kind::Added, -1, start + j});
    }
    if (gaveUp)
        *gaveUp = !found;
    for (int i = 0; i < end; ++i)
        out.push_back({Kind::Same, start + n + i, start + m + i});
    return out;
}

} // namespace porthole::LineDiff
