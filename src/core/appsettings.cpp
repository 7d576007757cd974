#include "appsettings.h"

namespace porthole {

QStringList AppSettings::keys()
{
    return {windowGeometry.key(),   windowState.key(),      mainSplitter.key(),
            nodeSplitter.key(),     sideTab.key(),          lastFile.key(),
            recentFiles.key(),      lastFolder.key(),       autosaveSeconds.key(),
            lastConnection.key(),   publishTopic.key(),     publishKey.key(),
            publishHeaders.key(),   publishRepeat.key(),    previewPreset.key(),
            previewStrict.key(),    previewArrayMode.key(), sandboxKeepPorts.key(),
            sandboxKafkaPort.key(), sandboxApiPort.key(),   editorTabMovesFocus.key(),
            runsSavedFilters.key(), runsJqColumns.key(),    viewZoom.key()};
}

} // namespace porthole
