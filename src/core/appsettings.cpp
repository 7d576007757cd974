// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"

namespace porthole {

QStringList AppSettings::keys()
{
    return {lastFile.key(),         recentFiles.key(),      lastFolder.key(),
            autosaveSeconds.key(),  lastConnection.key(),   publishTopic.key(),
            publishKey.key(),       publishHeaders.key(),   publishRepeat.key(),
            previewPreset.key(),    previewStrict.key(),    previewArrayMode.key(),
            sandboxKeepPorts.key(), sandboxKafkaPort.key(), sandboxApiPort.key(),
            runsSavedFilters.key(), runsJqColumns.key()};
}

} // namespace porthole
