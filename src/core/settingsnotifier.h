// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace porthole {

/// Tells who cares that a Setting<T> changed value (Setting is a plain template, so the signal
/// lives here, once for all of them). Only a real change is told: storing the value already
/// there writes nothing and says nothing.
class SettingsNotifier : public QObject
{
    Q_OBJECT
public:
    /// The one notifier of the process (made on first use, in the thread that first asks).
    static SettingsNotifier* instance();

Q_SIGNALS:
    /// The setting stored under `key` now holds another value.
    void changed(const QString& key);

private:
    SettingsNotifier() = default;
};

} // namespace porthole
