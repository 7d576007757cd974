// SPDX-License-Identifier: GPL-3.0-or-later
#include "jqsimplepath.h"

#include <cctype>

namespace porthole::JqSimplePath {

namespace {

bool identStart(char c)
{
    return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
}

bool identChar(char c)
{
    return identStart(c) || std::isdigit(static_cast<unsigned char>(c));
}

// A JSON-style string without escapes (escapes are left to jq); p is at the opening quote.
std::optional<std::string> quoted(std::string_view s, size_t* p)
{
    const size_t close = s.find('"', *p + 1);
    if (close == std::string_view::npos)
        return std::nullopt;
    std::string key(s.substr(*p + 1, close - *p - 1));
    if (key.find('\\') != std::string::npos)
        return std::nullopt;
    *p = close + 1;
    return key;
}

} // namespace

std::optional<std::vector<Step>> parse(std::string_view path)
{
    while (!path.empty() && std::isspace(static_cast<unsigned char>(path.front())))
        path.remove_prefix(1);
    while (!path.empty() && std::isspace(static_cast<unsigned char>(path.back())))
        path.remove_suffix(1);
    if (path.empty() || path[0] != '.')
        return std::nullopt;
    std::vector<Step> steps;
    size_t p = 0;
    while (p < path.size()) {
        if (path[p] == '.') {
            ++p;
            if (p == path.size() && steps.empty())
                return steps; // "."
            if (p < path.size() && identStart(path[p])) {
                const size_t from = p;
                while (p < path.size() && identChar(path[p]))
                    ++p;
                steps.emplace_back(std::string(path.substr(from, p - from)));
                continue;
            }
            if (p < path.size() && path[p] == '"') {
                auto key = quoted(path, &p);
                if (!key)
                    return std::nullopt;
                steps.emplace_back(std::move(*key));
                continue;
            }
            if (p < path.size() && path[p] == '[')
                continue; // ".[0]"
            return std::nullopt;
        }
        if (path[p] == '[') {
            ++p;
            if (p < path.size() && path[p] == '"') {
                auto key = quoted(path, &p);
                if (!key || p >= path.size() || path[p] != ']')
                    return std::nullopt;
                ++p;
                steps.emplace_back(std::move(*key));
                continue;
            }
            const size_t from = p;
            if (p < path.size() && path[p] == '-')
                ++p;
            while (p < path.size() && std::isdigit(static_cast<unsigned char>(path[p])))
                ++p;
            if (p == from || p - from > 12 || p >= path.size() || path[p] != ']' ||
                (path[from] == '-' && p == from + 1))
                return std::nullopt;
            steps.emplace_back(std::stoll(std::string(path.substr(from, p - from))));
            ++p;
            continue;
        }
        return std::nullopt;
    }
    return steps;
}

const JsonValue* follow(const JsonValue& root, const std::vector<Step>& steps)
{
    const JsonValue* v = &root;
    for (const Step& step : steps) {
        if (const auto* key = std::get_if<std::string>(&step)) {
            if (!v->isObject())
                return nullptr;
            v = v->find(*key);
        } else {
            if (!v->isArray())
                return nullptr;
            const auto& a = v->elements();
            long long i = std::get<long long>(step);
            if (i < 0)
                i += (long long)a.size(); // jq counts negative indices from the end
            if (i < 0 || i >= (long long)a.size())
                return nullptr;
            v = &a[size_t(i)];
        }
        if (!v)
            return nullptr;
    }
    return v;
}

} // namespace porthole::JqSimplePath
