// SPDX-License-Identifier: GPL-3.0-or-later
#include "valuediff.h"

#include "hexdump.h"
#include "jsonparser.h"
#include "jswriter.h"
#include "utf8.h"

#include <algorithm>

namespace porthole::ValueDiff {
namespace {

// Members sorted by key (byte order) at every depth. JsWriter still writes array-index keys
// ("0", "7") first, as JavaScript does, which is a fixed order too.
JsonValue sorted(const JsonValue& value)
{
    if (value.isArray()) {
        JsonValue out = JsonValue::array();
        for (const JsonValue& e : value.elements())
            out.push(sorted(e));
        return out;
    }
    if (!value.isObject())
        return value;
    JsonValue::Object members;
    members.reserve(value.members().size());
    for (const auto& [key, member] : value.members())
        members.emplace_back(key, sorted(member));
    std::stable_sort(members.begin(), members.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    return JsonValue(std::move(members));
}

std::optional<JsonValue> parsed(const std::string& bytes)
{
    const JsonDocument doc = JsonParser::parse(bytes);
    if (!doc.ok())
        return std::nullopt;
    return doc.root->toValue();
}

QString joined(const QString& path, const std::string& key)
{
    const QString k = QString::fromStdString(key);
    return path.isEmpty() ? k : path + QLatin1Char('.') + k;
}

void keyChanges(const JsonValue& a, const JsonValue& b, const QString& path,
                std::vector<KeyChange>& out)
{
    if (!a.isObject() || !b.isObject()) {
        if (!(a == b))
            out.push_back({path, KeyChange::Kind::Changed});
        return;
    }
    for (const auto& [key, value] : a.members()) {
        if (const JsonValue* other = b.find(key))
            keyChanges(value, *other, joined(path, key), out);
        else
            out.push_back({joined(path, key), KeyChange::Kind::Removed});
    }
    for (const auto& [key, value] : b.members())
        if (!a.find(key))
            out.push_back({joined(path, key), KeyChange::Kind::Added});
}

Side sideOf(const std::optional<std::string>& value, std::optional<JsonValue>* json)
{
    Side side;
    if (!value)
        return side;
    const bool cut = value->size() > kMaxBytes;
    std::string_view bytes = std::string_view(*value).substr(0, kMaxBytes);
    if (const size_t partial = Utf8::cutSequenceStart(bytes); cut && partial != bytes.npos)
        bytes = bytes.substr(0, partial); // a character the cut split is left out whole
    side.cut = cut;
    if (!cut)
        *json = parsed(*value);
    QString text;
    if (*json) {
        side.form = Side::Form::Json;
        text = QString::fromStdString(JsWriter::stringify(sorted(**json), 2));
    } else if (Utf8::isValid(bytes)) {
        side.form = Side::Form::Text;
        text = QString::fromUtf8(bytes.data(), qsizetype(bytes.size()));
    } else {
        side.form = Side::Form::Hex;
        text = hexDump(bytes);
    }
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    side.lines = text.split(QLatin1Char('\n'));
    return side;
}

} // namespace

Side canonical(const std::optional<std::string>& value)
{
    std::optional<JsonValue> json;
    return sideOf(value, &json);
}

Result compare(const std::optional<std::string>& left, const std::optional<std::string>& right)
{
    Result r;
    std::optional<JsonValue> a, b;
    r.left = sideOf(left, &a);
    r.right = sideOf(right, &b);
    r.lines = LineDiff::diff(r.left.lines, r.right.lines, &r.gaveUp);
    for (const LineDiff::Line& line : r.lines) {
        r.removedLines += line.kind == LineDiff::Line::Kind::Removed;
        r.addedLines += line.kind == LineDiff::Line::Kind::Added;
    }
    r.bothJson = a && b;
    if (r.bothJson) {
        keyChanges(*a, *b, QString(), r.keys);
        std::stable_sort(r.keys.begin(), r.keys.end(),
                         [](const KeyChange& x, const KeyChange& y) { return x.path < y.path; });
    }
    return r;
}

} // namespace porthole::ValueDiff
