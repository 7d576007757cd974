// SPDX-License-Identifier: GPL-3.0-or-later
#include "signaturefragility.h"

#include "jswriter.h"
#include "pythonjson.h"

#include <cmath>

namespace porthole {
namespace {

bool hasLoneSurrogate(const std::string& s)
{
    // WTF-8 keeps a lone surrogate as ED A0..BF xx; valid UTF-8 never has those bytes.
    for (size_t i = 0; i + 1 < s.size(); ++i)
        if (static_cast<unsigned char>(s[i]) == 0xED &&
            static_cast<unsigned char>(s[i + 1]) >= 0xA0)
            return true;
    return false;
}

std::string keyPath(const std::string& base, const std::string& key)
{
    bool plain = !key.empty() && !(key[0] >= '0' && key[0] <= '9');
    for (char c : key)
        plain = plain && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_');
    return plain ? base + "." + key : base + "[" + JsWriter::quote(key) + "]";
}

void walk(const JsonValue& v, const std::string& path,
          std::vector<SignatureFragility::Finding>& out, size_t limit)
{
    if (out.size() >= limit)
        return;
    switch (v.type()) {
    case JsonValue::Type::Number: {
        if (!std::isfinite(v.toNumber()))
            return; // JSON.stringify writes null
        const std::string js = JsWriter::formatNumber(v.toNumber());
        const std::string py = PythonJson::numberSpelling(js);
        if (js != py)
            out.push_back({path.empty() ? "." : path,
                           "JavaScript writes " + js + ", Python's json.dumps writes " + py});
        return;
    }
    case JsonValue::Type::String:
        if (hasLoneSurrogate(v.toString()))
            out.push_back({path.empty() ? "." : path,
                           "a lone UTF-16 surrogate: Python cannot encode it, the agent cannot "
                           "verify the signature"});
        return;
    case JsonValue::Type::Array:
        for (size_t i = 0; i < v.elements().size(); ++i)
            walk(v.elements()[i], path + "[" + std::to_string(i) + "]", out, limit);
        return;
    case JsonValue::Type::Object:
        for (const auto* m : JsWriter::orderedMembers(v.members())) {
            const std::string p = keyPath(path, m->first);
            if (hasLoneSurrogate(m->first) && out.size() < limit)
                out.push_back({p, "a key with a lone UTF-16 surrogate: Python cannot encode it"});
            walk(m->second, p, out, limit);
        }
        return;
    default:
        return;
    }
}

} // namespace

std::vector<SignatureFragility::Finding> SignatureFragility::find(const JsonValue& message,
                                                                  size_t limit)
{
    std::vector<Finding> out;
    walk(message, {}, out, limit);
    return out;
}

} // namespace porthole
