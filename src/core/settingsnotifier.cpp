// SPDX-License-Identifier: GPL-3.0-or-later
#include "settingsnotifier.h"

namespace porthole {

SettingsNotifier* SettingsNotifier::instance()
{
    static SettingsNotifier* notifier = new SettingsNotifier; // lives as long as the process
    return notifier;
}

} // namespace porthole
