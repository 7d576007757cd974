// SPDX-License-Identifier: GPL-3.0-or-later
#include "workflowrefs.h"

#include <cctype>

namespace porthole::WorkflowRefs {

namespace {

bool identStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}
bool identChar(char c)
{
    return identStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

// One path step at `p`: `.name`, `."name"`, `["name"]`, `.["name"]` (single quotes too: Port
// rewrites them to double ones). Fills the name and its range; false when there is none.
bool step(std::string_view e, size_t& p, std::string* name, size_t* b, size_t* end, bool* hyphen)
{
    size_t i = p;
    if (i < e.size() && e[i] == '.') {
        ++i;
        if (i < e.size() && identStart(e[i])) {
            *b = i;
            while (i < e.size() && identChar(e[i]))
                ++i;
            // `.my-node`: jq subtracts, but the writer meant the id with hyphens.
            while (hyphen && i + 1 < e.size() && e[i] == '-' && identStart(e[i + 1])) {
                *hyphen = true;
                ++i;
                while (i < e.size() && identChar(e[i]))
                    ++i;
            }
            *end = i;
            *name = std::string(e.substr(*b, i - *b));
            p = i;
            return true;
        }
        if (i < e.size() && e[i] == '[')
            ; // `.["x"]` below
        else if (i < e.size() && (e[i] == '"' || e[i] == '\'')) {
            const char quote = e[i];
            const size_t close = e.find(quote, i + 1);
            if (close == std::string_view::npos || e.substr(i, close - i).find('\\') != e.npos)
                return false;
            *b = i + 1;
            *end = close;
            *name = std::string(e.substr(i + 1, close - i - 1));
            p = close + 1;
            return true;
        } else
            return false;
    }
    if (i >= e.size() || e[i] != '[')
        return false;
    ++i;
    while (i < e.size() && e[i] == ' ')
        ++i;
    if (i >= e.size() || (e[i] != '"' && e[i] != '\''))
        return false;
    const char quote = e[i];
    const size_t close = e.find(quote, i + 1);
    if (close == std::string_view::npos || e.substr(i, close - i).find('\\') != e.npos)
        return false;
    size_t j = close + 1;
    while (j < e.size() && e[j] == ' ')
        ++j;
    if (j >= e.size() || e[j] != ']')
        return false;
    *b = i + 1;
    *end = close;
    *name = std::string(e.substr(i + 1, close - i - 1));
    p = j + 1;
    return true;
}

} // namespace

std::vector<WorkflowRef> find(std::string_view e, std::string_view root)
{
    std::vector<WorkflowRef> out;
    // A stack of what encloses the scan: code (with its open parentheses) or a string; a
    // string's `\(` opens code again until its matching `)`.
    struct Frame
    {
        bool string;
        int parens;
    };
    std::vector<Frame> stack{{false, 0}};
    for (size_t i = 0; i < e.size(); ++i) {
        const char c = e[i];
        Frame& top = stack.back();
        if (top.string) {
            if (c == '\\' && i + 1 < e.size() && e[i + 1] == '(') {
                stack.push_back({false, 1});
                ++i;
            } else if (c == '\\') {
                ++i;
            } else if (c == '"') {
                stack.pop_back();
            }
            continue;
        }
        if (c == '"') {
            stack.push_back({true, 0});
            continue;
        }
        if (c == '(')
            ++top.parens;
        if (c == ')' && --top.parens == 0 && stack.size() > 1) {
            stack.pop_back();
            continue;
        }
        if (c != '.' || e.compare(i + 1, root.size(), root) != 0)
            continue;
        const size_t after = i + 1 + root.size();
        if (after < e.size() && identChar(e[after]))
            continue; // `.outputsX`
        const char prev = i ? e[i - 1] : ' ';
        if (identChar(prev) || prev == ']' || prev == ')' || prev == '"' || prev == '.' ||
            prev == '$')
            continue; // `.a.outputs`, `$x.outputs`: not the context's
        WorkflowRef ref;
        ref.begin = i;
        size_t p = after;
        if (!step(e, p, &ref.name, &ref.nameBegin, &ref.nameEnd, &ref.hyphenatedDot)) {
            i = after - 1;
            continue;
        }
        for (int k = 0; k < 2 && !ref.hyphenatedDot; ++k) {
            std::string f;
            size_t fb = 0, fe = 0;
            if (!step(e, p, &f, &fb, &fe, nullptr))
                break;
            ref.fields.push_back(std::move(f));
            ref.fieldRanges.emplace_back(fb, fe);
        }
        ref.end = p;
        i = p - 1;
        out.push_back(std::move(ref));
    }
    return out;
}

} // namespace porthole::WorkflowRefs
