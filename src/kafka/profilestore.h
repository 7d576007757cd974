// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionprofile.h"

#include <optional>
#include <string>
#include <vector>

namespace porthole {

/// Connection profiles saved as a JSON array in one file (never with passwords), plus the
/// built-in presets, which a saved profile of the same name overrides.
class ProfileStore
{
public:
    /// The default file: $PORTHOLE_KAFKA_PROFILES, else <config dir>/porthole/kafka-profiles.json.
    static std::string defaultPath();

    /// Loads `path`; a missing file is an empty store, a broken one an error.
    bool load(const std::string& path, std::string* error);
    /// Writes the saved profiles to `path` (creating its folder).
    bool save(const std::string& path, std::string* error) const;

    /// Saved profiles, in order.
    const std::vector<ConnectionProfile>& profiles() const { return m_profiles; }
    /// Adds or replaces the profile with the same name.
    void put(const ConnectionProfile& profile);
    /// Removes the saved profile `name` (a preset of that name shows again); false if none.
    bool remove(const std::string& name);
    /// True when `name` is a saved profile (a preset alone does not count).
    bool isSaved(const std::string& name) const;
    /// A saved profile or preset by name.
    std::optional<ConnectionProfile> find(const std::string& name) const;

private:
    std::vector<ConnectionProfile> m_profiles;
};

} // namespace porthole
