// SPDX-License-Identifier: GPL-3.0-or-later
#include "profilestore.h"

#include "core/jsonparser.h"
#include "core/jswriter.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace porthole {

std::string ProfileStore::defaultPath()
{
    const QByteArray env = qgetenv("PORTHOLE_KAFKA_PROFILES");
    if (!env.isEmpty())
        return env.toStdString();
    return (QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
            QStringLiteral("/porthole/kafka-profiles.json"))
        .toStdString();
}

bool ProfileStore::load(const std::string& path, std::string* error)
{
    m_profiles.clear();
    QFile f(QString::fromStdString(path));
    if (!f.exists())
        return true;
    if (!f.open(QIODevice::ReadOnly)) {
        *error = path + ": " + f.errorString().toStdString();
        return false;
    }
    const QByteArray bytes = f.readAll();
    const JsonDocument doc =
        JsonParser::parse(std::string_view(bytes.constData(), size_t(bytes.size())));
    if (!doc.ok()) {
        const auto& d = doc.diagnostics.front();
        *error = path + ":" + std::to_string(d.range.begin.line) + ":" +
                 std::to_string(d.range.begin.column) + ": " + d.message;
        return false;
    }
    const JsonValue root = doc.root->toValue();
    if (!root.isArray()) {
        *error = path + ": expected a JSON array of profiles";
        return false;
    }
    for (const auto& item : root.elements()) {
        std::string why;
        auto p = ConnectionProfile::fromJson(item, &why);
        if (!p) {
            *error = path + ": " + why;
            return false;
        }
        m_profiles.push_back(*p);
    }
    return true;
}

bool ProfileStore::save(const std::string& path, std::string* error) const
{
    const QString qpath = QString::fromStdString(path);
    QDir().mkpath(QFileInfo(qpath).absolutePath());
    JsonValue root = JsonValue::array();
    for (const auto& p : m_profiles)
        root.push(p.toJson());
    QSaveFile f(qpath);
    const std::string text = JsWriter::stringify(root, 2) + "\n";
    if (!f.open(QIODevice::WriteOnly) || f.write(text.data(), qint64(text.size())) < 0 ||
        !f.commit()) {
        *error = path + ": " + f.errorString().toStdString();
        return false;
    }
    return true;
}

void ProfileStore::put(const ConnectionProfile& profile)
{
    for (auto& p : m_profiles)
        if (p.name == profile.name) {
            p = profile;
            return;
        }
    m_profiles.push_back(profile);
}

bool ProfileStore::isSaved(const std::string& name) const
{
    return std::any_of(m_profiles.begin(), m_profiles.end(),
                       [&name](const ConnectionProfile& p) { return p.name == name; });
}

bool ProfileStore::remove(const std::string& name)
{
    const auto before = m_profiles.size();
    std::erase_if(m_profiles, [&name](const ConnectionProfile& p) { return p.name == name; });
    return m_profiles.size() != before;
}

std::optional<ConnectionProfile> ProfileStore::find(const std::string& name) const
{
    for (const auto& p : m_profiles)
        if (p.name == name)
            return p;
    for (const auto& p : ConnectionProfile::presets())
        if (p.name == name)
            return p;
    return std::nullopt;
}

} // namespace porthole
