// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "setting.h"

#include <QByteArray>
#include <QList>
#include <QStringList>

namespace porthole {

/// Every preference the app and the command line share, in one place (the desktop window's own
/// layout is gui's GuiSettings). Nothing here is a secret: passwords and client secrets go to
/// the OS keyring (SecretStore), never to QSettings.
struct AppSettings
{
    // Files
    static inline const Setting<QString> lastFile{"files/last", {}};
    static inline const Setting<QStringList> recentFiles{"files/recent", {}};
    static inline const Setting<QString> lastFolder{"files/lastFolder", {}};
    static inline const Setting<int> autosaveSeconds{"files/autosaveSeconds", 5};
    // Kafka: the connection's name only; its password stays in the keyring.
    static inline const Setting<QString> lastConnection{"kafka/lastConnection", {}};
    // Publish options
    static inline const Setting<QString> publishTopic{"publish/topic", {}};
    static inline const Setting<QString> publishKey{"publish/key", {}};
    static inline const Setting<QString> publishHeaders{"publish/headers", {}};
    static inline const Setting<int> publishRepeat{"publish/repeat", 1};
    // Preview options
    static inline const Setting<int> previewPreset{"preview/preset", 0};
    static inline const Setting<bool> previewStrict{"preview/strict", false};
    static inline const Setting<int> previewArrayMode{"preview/arrayMode", 0};
    // Sandbox: reuse the last ports when free, so copied kcat commands keep working.
    static inline const Setting<bool> sandboxKeepPorts{"sandbox/keepPorts", true};
    static inline const Setting<int> sandboxKafkaPort{"sandbox/kafkaPort", 0};
    static inline const Setting<int> sandboxApiPort{"sandbox/apiPort", 0};
    // Runs: saved jq filters, name → expression (filters, never secrets)
    static inline const Setting<QVariantMap> runsSavedFilters{"runs/savedJqFilters", {}};
    // Runs: columns computed from jq paths, in order
    static inline const Setting<QStringList> runsJqColumns{"runs/jqColumns", {}};

    /// Every key above (a test checks none names a secret).
    static QStringList keys();
};

} // namespace porthole
