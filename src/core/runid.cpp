// SPDX-License-Identifier: GPL-3.0-or-later
#include "runid.h"

#include <random>

namespace porthole {
namespace {

bool idChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool glued(char c)
{
    return idChar(c) || c == '_';
}

// The kind whose prefix ends with the '_' at `under` and starts at a word boundary; its start in
// `begin`. Every prefix ends in "r_", so one look back tells them apart.
bool prefixAt(std::string_view s, size_t under, RunId::Kind& kind, size_t& begin)
{
    if (under == 0 || s[under - 1] != 'r')
        return false;
    auto boundary = [&](size_t start) { return start == 0 || !glued(s[start - 1]); };
    if (under >= 4 && s.substr(under - 4, 4) == "wfnr" && boundary(under - 4)) {
        kind = RunId::Kind::NodeRun;
        begin = under - 4;
        return true;
    }
    if (under >= 3 && s.substr(under - 3, 3) == "wfr" && boundary(under - 3)) {
        kind = RunId::Kind::WorkflowRun;
        begin = under - 3;
        return true;
    }
    if (boundary(under - 1)) {
        kind = RunId::Kind::ActionRun;
        begin = under - 1;
        return true;
    }
    return false;
}

// Length of the id's tail after `under`: letters/digits up to a boundary; 0 when there are
// none, they are glued to a '_' or run longer than kMaxLength.
size_t tailAt(std::string_view s, size_t under)
{
    size_t end = under + 1;
    while (end < s.size() && idChar(s[end]) && end - under <= RunId::kMaxLength)
        ++end;
    const size_t n = end - under - 1;
    if (n == 0 || n > RunId::kMaxLength || (end < s.size() && glued(s[end])))
        return 0;
    return n;
}

} // namespace

std::string_view RunId::prefix(Kind kind)
{
    switch (kind) {
    case Kind::WorkflowRun:
        return "wfr_";
    case Kind::NodeRun:
        return "wfnr_";
    case Kind::ActionRun:
        break;
    }
    return "r_";
}

RunId RunId::findNext(std::string_view s, size_t& pos)
{
    for (size_t i = s.find('_', pos); i != std::string_view::npos; i = s.find('_', i + 1)) {
        RunId id;
        size_t begin = 0;
        if (!prefixAt(s, i, id.m_kind, begin))
            continue;
        const size_t n = tailAt(s, i);
        if (n == 0)
            continue;
        id.m_text = s.substr(begin, i + 1 + n - begin);
        id.m_unusual = n != kPortLength;
        pos = i + 1 + n;
        return id;
    }
    pos = s.size();
    return {};
}

RunId RunId::parse(std::string_view text)
{
    size_t pos = 0;
    RunId id = findNext(text, pos);
    return id.m_text.size() == text.size() ? id : RunId();
}

bool RunId::isPortForm(std::string_view text, Kind kind)
{
    const RunId id = parse(text);
    return !id.isNull() && id.kind() == kind && !id.isUnusual();
}

RunId RunId::generate(Kind kind)
{
    static constexpr char kAlphabet[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    thread_local std::mt19937_64 rng{std::random_device{}()};
    std::uniform_int_distribution<int> pick(0, int(sizeof kAlphabet) - 2);
    RunId id;
    id.m_kind = kind;
    id.m_text = prefix(kind);
    for (size_t i = 0; i < kPortLength; ++i)
        id.m_text += kAlphabet[pick(rng)];
    return id;
}

} // namespace porthole
